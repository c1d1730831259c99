import { describe, expect, it } from '@jest/globals';
import { type IrRequest, type IrStreamEvent, RouterError, SseParser } from '@llm-router/core';
import OpenAI from 'openai';
import { rejection, testContext } from '../../test-context.spec-helper.js';
import { openAIResponsesCodec as codec } from './openai-responses-codec.js';

// The Responses client codec (docs/protocols.md §8), including each bug §8.5 lists from other gateways.

const APPLY_PATCH = { type: 'custom', name: 'apply_patch', description: 'Apply a patch.', format: { type: 'grammar', syntax: 'lark', definition: 'start: "*** Begin Patch" /.+/s' } };

/** A Codex-like turn: developer prompt, a hosted tool, a namespace group, function and custom tools, reasoning summaries. */
function codexTurn(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'gpt-5-codex',
    instructions: 'You are Codex.',
    input: [
      { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Sandbox: read-only.' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'run echo hi' }] },
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Need a shell.' }], encrypted_content: 'gAAAA…' },
      { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'exec_command', arguments: '{"cmd":"echo hi"}', status: 'completed' },
      { type: 'function_call_output', call_id: 'call_1', output: 'hi\n' },
      { type: 'custom_tool_call', id: 'ctc_1', call_id: 'call_2', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' },
      { type: 'custom_tool_call_output', call_id: 'call_2', output: 'Done!' },
    ],
    tools: [
      { type: 'function', name: 'exec_command', description: 'Run a command.', strict: false, parameters: { type: 'object', properties: { cmd: { type: 'string' } }, required: ['cmd'] } },
      { type: 'namespace', name: 'multi_agent_v1', description: 'Agents.', tools: [] },
      APPLY_PATCH,
      { type: 'web_search', external_web_access: false },
    ],
    tool_choice: 'auto',
    parallel_tool_calls: true,
    reasoning: { effort: 'medium', summary: 'auto' },
    store: false,
    include: ['reasoning.encrypted_content'],
    prompt_cache_key: 'k',
    stream: true,
    ...extra,
  };
}

function decode(body: Record<string, unknown>): { ir: IrRequest; warnings: string[] } {
  const context = testContext();
  return { ir: codec.decodeRequest(body, context), warnings: context.warnings };
}

function encodeStream(events: IrStreamEvent[], request?: IrRequest): string {
  const encoder = codec.createStreamEncoder({ includeUsage: false, request });
  return events.map((event) => encoder.encode(event)).join('');
}

function frames(sse: string): Array<Record<string, unknown>> {
  return new SseParser().push(sse).map((frame) => JSON.parse(frame.data) as Record<string, unknown>);
}

function sdk(sse: string): OpenAI {
  return new OpenAI({ apiKey: 'x', baseURL: 'http://router.test/v1', maxRetries: 0, fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }) });
}

const START: IrStreamEvent = { type: 'start', id: 'msg_01abc', model: 'gpt-5-codex', created: 1_700_000_000 };
const USAGE = { inputTokens: 120, outputTokens: 30, cacheReadTokens: 100 };

describe('openAIResponsesCodec.decodeRequest', () => {
  it('a Codex turn: instructions then developer text as system, history as alternating turns, consecutive calls one turn, custom call wrapped as {"input"}', () => {
    const { ir, warnings } = decode(codexTurn());
    expect(ir.system.map((part) => part.text)).toEqual(['You are Codex.', 'Sandbox: read-only.']);
    expect(ir.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(ir.messages[1]?.parts).toEqual([
      { type: 'thinking', text: 'Need a shell.' },
      { type: 'tool_call', id: 'call_1', name: 'exec_command', arguments: { cmd: 'echo hi' } },
    ]);
    expect(ir.messages[3]?.parts).toEqual([{ type: 'tool_call', id: 'call_2', name: 'apply_patch', arguments: { input: '*** Begin Patch\n*** End Patch' } }]);
    expect([ir.messages[2]?.parts[0], ir.messages[4]?.parts[0]].map((part) => (part?.type === 'tool_result' ? part.toolName : part?.type))).toEqual(['exec_command', 'apply_patch']);
    expect(ir.thinking).toEqual({ type: 'enabled', budgetTokens: 2048 });
    expect(ir.stream).toBe(true);
    expect(warnings).toEqual([
      'input[2].encrypted_content: only OpenAI can read encrypted reasoning, dropped',
      "tools[1]: the hosted tool 'namespace' runs only at OpenAI, dropped",
      "tools[3]: the hosted tool 'web_search' runs only at OpenAI, dropped",
    ]);
  });

  it('§8.5 custom tools are neither dropped nor plain JSON functions: one required string `input`, the grammar in the description', () => {
    const tool = decode(codexTurn()).ir.tools?.find((candidate) => candidate.name === 'apply_patch');
    expect(tool?.parameters).toEqual({
      type: 'object',
      properties: { input: { type: 'string', description: 'The freeform input for apply_patch.' } },
      required: ['input'],
      additionalProperties: false,
    });
    expect(tool?.description).toContain('single string argument "input"');
    expect(tool?.description).toContain('start: "*** Begin Patch" /.+/s');
    expect(tool?.custom).toEqual({ description: 'Apply a patch.', format: APPLY_PATCH.format });
  });

  it.each(['previous_response_id', 'conversation'])('%s: 400 naming it, "send the full input"', (field) => {
    const error = rejection(() => decode(codexTurn({ [field]: 'resp_123' })));
    expect(error).toMatchObject({ status: 400, param: field });
    expect(error.message).toContain('the router keeps no conversation state; send the full input');
  });

  it('item_reference (what the AI SDK sends for its earlier answers unless store is false): a 400 naming the item, saying how to send the full input', () => {
    // @ai-sdk/openai 3 (default provider, `store` unset = true) replaces every earlier assistant text it
    // got an item id for with `{type: "item_reference", id}`: only OpenAI can resolve it.
    const error = rejection(() =>
      decode({ model: 'm', input: [{ role: 'user', content: [{ type: 'input_text', text: 'hi' }] }, { type: 'item_reference', id: 'msg_01abc' }, { role: 'user', content: 'more' }] }),
    );
    expect(error).toMatchObject({ status: 400, param: 'input[1]' });
    expect(error.message).toContain("'msg_01abc'");
    expect(error.message).toContain('send the full input');
    expect(error.message).toContain('providerOptions.openai.store = false');
  });

  it("item_reference to one of the router's own translated items: dropped with a warning (the AI SDK's tool loops with store on work)", () => {
    const { ir, warnings } = decode({
      model: 'm',
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'weather in Paris?' }] },
        { type: 'item_reference', id: 'msg_msg_01TgKq8wZr3Vn6YpLs2Dc9Ae_0' },
        { type: 'function_call', call_id: 'toolu_01', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'toolu_01', output: '18C' },
      ],
    });
    expect(ir.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(warnings).toEqual([expect.stringContaining("input[1]: item_reference 'msg_msg_01TgKq8wZr3Vn6YpLs2Dc9Ae_0' names an earlier answer the router did not store, dropped")]);
  });

  it('a tool_choice forcing a hosted tool is a 400 naming tool_choice; a forced custom tool is a forced IR tool', () => {
    expect(rejection(() => decode(codexTurn({ tool_choice: { type: 'web_search' } })))).toMatchObject({ status: 400, param: 'tool_choice' });
    expect(decode(codexTurn({ tool_choice: { type: 'custom', name: 'apply_patch' } })).ir.toolChoice).toEqual({ type: 'tool', name: 'apply_patch' });
  });

  it('text.format json_schema, max_output_tokens, images by URL and data URL, a bare {role, content} message', () => {
    const { ir, warnings } = decode({
      model: 'm',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'look' }, { type: 'input_image', image_url: 'data:image/png;base64,AAAA' }, { type: 'input_image', image_url: 'https://x.test/a.png', detail: 'high' }] }],
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true }, verbosity: 'low' },
      max_output_tokens: 64,
    });
    expect(ir.responseFormat).toEqual({ type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true });
    expect(ir.maxTokens).toBe(64);
    expect(ir.messages[0]?.parts.map((part) => (part.type === 'image' ? part.source.kind : part.type))).toEqual(['text', 'base64', 'url']);
    expect(warnings).toEqual(['text.verbosity: not supported by the upstream, dropped', 'input[0].content[2].image_url.detail: not supported by the upstream, dropped']);
  });

  it('bad bodies are 400s naming the field', () => {
    expect(rejection(() => codec.inspect({ model: 'm' }))).toMatchObject({ param: 'input' });
    expect(rejection(() => decode({ model: 'm', input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{' }] }))).toMatchObject({ param: 'input[0].arguments' });
    expect(rejection(() => decode({ model: 'm', input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file_1' }] }] }))).toMatchObject({ param: 'input[0].content[0].file_id' });
  });
});

describe('openAIResponsesCodec stream encoder', () => {
  const request = decode(codexTurn()).ir;

  it('§8.5 response.created and response.in_progress first; every item opened before its deltas, one id from added to done', async () => {
    const sse = encodeStream(
      [
        START,
        { type: 'block_start', index: 0, block: { type: 'text' } },
        { type: 'text_delta', index: 0, text: 'Run' },
        { type: 'text_delta', index: 0, text: 'ning.' },
        { type: 'block_stop', index: 0 },
        { type: 'block_start', index: 1, block: { type: 'tool_call', id: 'toolu_1', name: 'exec_command' } },
        { type: 'tool_args_delta', index: 1, json: '{"cmd":' },
        { type: 'tool_args_delta', index: 1, json: '"ls"}' },
        { type: 'block_stop', index: 1 },
        { type: 'finish', stopReason: 'tool_use', usage: USAGE },
      ],
      request,
    );
    const events = frames(sse);
    expect(events.map((event) => event['type'])).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event['sequence_number'])).toEqual(events.map((_, i) => i));
    const itemIds = events.filter((event) => event['output_index'] === 1).map((event) => (event['item'] as { id?: string } | undefined)?.id ?? event['item_id']);
    expect(new Set(itemIds)).toEqual(new Set(['fc_msg_01abc_1']));

    const final = await sdk(sse).responses.stream({ model: 'gpt-5-codex', input: 'x' }).finalResponse();
    expect(final.output_text).toBe('Running.');
    expect(final.output[1]).toMatchObject({ type: 'function_call', call_id: 'toolu_1', name: 'exec_command', arguments: '{"cmd":"ls"}', status: 'completed' });
    expect(final.usage).toEqual({ input_tokens: 120, input_tokens_details: { cached_tokens: 100 }, output_tokens: 30, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 150 });
  });

  it('§8.5 a custom tool call comes back as custom_tool_call with the freeform input unwrapped (buffered until the block ends)', async () => {
    const sse = encodeStream(
      [
        START,
        { type: 'block_start', index: 0, block: { type: 'tool_call', id: 'toolu_2', name: 'apply_patch' } },
        { type: 'tool_args_delta', index: 0, json: '{"input": "*** Begin' },
        { type: 'tool_args_delta', index: 0, json: ' Patch\\n*** End Patch"}' },
        { type: 'block_stop', index: 0 },
        { type: 'finish', stopReason: 'tool_use', usage: USAGE },
      ],
      request,
    );
    const types = frames(sse).map((event) => event['type']);
    expect(types.slice(2)).toEqual(['response.output_item.added', 'response.custom_tool_call_input.delta', 'response.custom_tool_call_input.done', 'response.output_item.done', 'response.completed']);
    const final = await sdk(sse).responses.stream({ model: 'gpt-5-codex', input: 'x' }).finalResponse();
    expect(final.output).toEqual([{ type: 'custom_tool_call', id: 'ctc_msg_01abc_0', call_id: 'toolu_2', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch', status: 'completed' }]);
  });

  it('§8.5 reasoning is not dropped: thinking becomes a reasoning item with a summary; a length stop is response.incomplete', async () => {
    const sse = encodeStream([
      START,
      { type: 'block_start', index: 0, block: { type: 'thinking' } },
      { type: 'thinking_delta', index: 0, text: 'Hmm.' },
      { type: 'signature_delta', index: 0, signature: 'sig' },
      { type: 'block_stop', index: 0 },
      { type: 'block_start', index: 1, block: { type: 'redacted_thinking', data: 'opaque' } },
      { type: 'block_stop', index: 1 },
      { type: 'finish', stopReason: 'max_tokens', usage: USAGE },
    ]);
    const final = await sdk(sse).responses.stream({ model: 'gpt-5-codex', input: 'x' }).finalResponse();
    expect(final.output).toEqual([
      { type: 'reasoning', id: 'rs_msg_01abc_0', summary: [{ type: 'summary_text', text: 'Hmm.' }] },
      { type: 'reasoning', id: 'rs_msg_01abc_1', summary: [] },
    ]);
    expect(final.status).toBe('incomplete');
    expect(final.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(frames(sse).at(-1)?.['type']).toBe('response.incomplete');
  });

  it('an error after the start: response.failed, then the error event the SDK throws on; nothing after', async () => {
    const encoder = codec.createStreamEncoder({ includeUsage: false });
    const sse =
      encoder.encode(START) +
      encoder.encode({ type: 'error', error: new RouterError('overloaded', 'anthropic: Overloaded') }) +
      encoder.encode({ type: 'finish', stopReason: 'end_turn', usage: USAGE });
    expect(frames(sse).map((event) => event['type'])).toEqual(['response.created', 'response.in_progress', 'response.failed', 'error']);
    await expect(sdk(sse).responses.stream({ model: 'm', input: 'x' }).finalResponse()).rejects.toThrow('anthropic: Overloaded');
    await expect(sdk(codec.streamErrorFrame(new RouterError('bad_gateway', 'cut'))).responses.stream({ model: 'm', input: 'x' }).finalResponse()).rejects.toThrow('cut');
  });
});

describe('openAIResponsesCodec.encodeResponse', () => {
  it('the response object: items, usage, the echoed request (custom tools as declared), the client model', () => {
    const request = decode(codexTurn({ stream: false })).ir;
    const answer = codec.encodeResponse(
      {
        id: 'msg_9',
        model: 'gpt-5-codex',
        created: 1_700_000_000,
        parts: [
          { type: 'text', text: 'Patching.' },
          { type: 'tool_call', id: 'toolu_3', name: 'apply_patch', arguments: { input: 'PATCH' } },
        ],
        stopReason: 'tool_use',
        usage: USAGE,
      },
      request,
    );
    expect(answer).toMatchObject({
      id: 'resp_msg_9',
      object: 'response',
      status: 'completed',
      model: 'gpt-5-codex',
      output: [
        { type: 'message', id: 'msg_msg_9_0', role: 'assistant', content: [{ type: 'output_text', text: 'Patching.', annotations: [] }] },
        { type: 'custom_tool_call', id: 'ctc_msg_9_1', call_id: 'toolu_3', name: 'apply_patch', input: 'PATCH' },
      ],
      usage: { input_tokens: 120, output_tokens: 30, total_tokens: 150 },
      incomplete_details: null,
      error: null,
      store: false,
      tools: [expect.objectContaining({ type: 'function', name: 'exec_command' }), { type: 'custom', name: 'apply_patch', description: 'Apply a patch.', format: APPLY_PATCH.format }],
    });
  });
});

describe('openAIResponsesCodec passthrough', () => {
  it('replaces the model of events carrying a response; tells terminal, finish and error events apart', () => {
    const raw = 'event: response.completed\ndata: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_1","instructions":"say \\"model\\": x","model":"gpt-5-2025"}}\n\n';
    const frame = { event: 'response.completed', data: raw.split('data: ')[1]?.trim() ?? '', raw };
    expect(codec.passthroughFrame(frame, 'my-model')).toBe(raw.replace('gpt-5-2025', 'my-model'));
    expect(codec.isTerminalFrame(frame)).toBe(true);
    expect(codec.isFinishFrame(frame)).toBe(true);
    expect(codec.isErrorFrame({ event: 'response.failed', data: '{}' })).toBe(true);
    expect(codec.isErrorFrame({ event: 'error', data: '{}' })).toBe(true);
    expect(codec.isTerminalFrame({ event: 'response.output_text.delta', data: '{}' })).toBe(false);
    expect(codec.requestStreamUsage).toBeUndefined();
  });
});
