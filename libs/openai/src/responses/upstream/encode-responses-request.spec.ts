import { describe, expect, it } from '@jest/globals';
import type { IrRequest } from '@llm-router/core';
import { validateOpenAIResponsesRequest } from '@llm-router/testing';
import { rejection, testContext } from '../../test-context.spec-helper.js';
import { encodeResponsesRequest } from './encode-responses-request.js';
import { openAIResponsesUpstreamCodec } from './responses-upstream-codec.js';

const WEATHER = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

function ir(overrides: Partial<IrRequest> = {}): IrRequest {
  return { model: 'client-model', system: [], messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }], stream: false, ...overrides };
}

describe('encodeResponsesRequest', () => {
  it('goes to /responses, stateless: instructions from the system prompt, a user message of input_text, store false, no stream_options on a stream', () => {
    const context = testContext();
    const encoded = openAIResponsesUpstreamCodec.encodeRequest(
      ir({ system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Be kind.' }], stream: true, maxTokens: 200, temperature: 0.2, topP: 0.9, user: 'u-1' }),
      context,
    );
    expect(encoded).toEqual({
      path: '/responses',
      body: {
        model: 'upstream-model',
        instructions: 'Be brief.\n\nBe kind.',
        input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }],
        stream: true,
        store: false,
        max_output_tokens: 200,
        temperature: 0.2,
        top_p: 0.9,
        user: 'u-1',
      },
    });
    expect(context.warnings).toEqual([]);
  });

  it('sends tools flat with strict always said (Responses defaults it to true), tool_choice by name, parallel_tool_calls only with tools', () => {
    const body = encodeResponsesRequest(
      ir({ tools: [{ name: 'get_weather', description: 'Weather', parameters: WEATHER }, { name: 'strict_one', parameters: WEATHER, strict: true }], toolChoice: { type: 'tool', name: 'get_weather' }, parallelToolCalls: false }),
      testContext(),
    );
    expect(body.tools).toEqual([
      { type: 'function', name: 'get_weather', description: 'Weather', parameters: WEATHER, strict: false },
      { type: 'function', name: 'strict_one', parameters: WEATHER, strict: true },
    ]);
    expect(body.tool_choice).toEqual({ type: 'function', name: 'get_weather' });
    expect(body.parallel_tool_calls).toBe(false);
    const without = encodeResponsesRequest(ir({ toolChoice: { type: 'required' }, parallelToolCalls: true }), testContext());
    expect(without).not.toHaveProperty('tool_choice');
    expect(without).not.toHaveProperty('parallel_tool_calls');
  });

  it('turns a tool round trip into message, function_call (call_id, JSON arguments) and function_call_output items; thinking is dropped', () => {
    const body = encodeResponsesRequest(
      ir({
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'Weather in Paris?' }] },
          {
            role: 'assistant',
            parts: [
              { type: 'thinking', text: 'Call the tool.', signature: 'sig' },
              { type: 'text', text: 'Let me check.' },
              { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
            ],
          },
          {
            role: 'user',
            parts: [
              { type: 'tool_result', toolCallId: 'call_1', content: [{ type: 'text', text: '18 C' }], isError: false },
              { type: 'tool_result', toolCallId: 'call_2', content: [{ type: 'text', text: 'timeout' }, { type: 'image', source: { kind: 'url', url: 'https://x/a.png' } }], isError: true },
              { type: 'text', text: 'Thanks' },
            ],
          },
        ],
      }),
      testContext(),
    );
    expect(body.input).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Weather in Paris?' }] },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Let me check.' }] },
      { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { type: 'function_call_output', call_id: 'call_1', output: '18 C' },
      {
        type: 'function_call_output',
        call_id: 'call_2',
        output: [
          { type: 'input_text', text: 'Error:' },
          { type: 'input_text', text: 'timeout' },
          { type: 'input_image', image_url: 'https://x/a.png', detail: 'auto' },
        ],
      },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Thanks' }] },
    ]);
  });

  it('sends images as input_image (base64 as a data URL) and documents as input_file', () => {
    const body = encodeResponsesRequest(
      ir({
        messages: [
          {
            role: 'user',
            parts: [
              { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'AAAA' } },
              { type: 'document', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBE' }, title: 'a.pdf' },
              { type: 'document', source: { kind: 'url', url: 'https://x/b.pdf' } },
              { type: 'document', source: { kind: 'text', text: 'body' }, title: 'Notes' },
            ],
          },
        ],
      }),
      testContext(),
    );
    expect(body.input).toEqual([
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'auto' },
          { type: 'input_file', file_data: 'data:application/pdf;base64,JVBE', filename: 'a.pdf' },
          { type: 'input_file', file_url: 'https://x/b.pdf' },
          { type: 'input_text', text: 'Notes\n\nbody' },
        ],
      },
    ]);
  });

  it('maps thinking to reasoning.effort (the chat table) with summary auto, and the response format to text.format', () => {
    expect(encodeResponsesRequest(ir({ thinking: { type: 'enabled', budgetTokens: 4000 } }), testContext()).reasoning).toEqual({ effort: 'high', summary: 'auto' });
    expect(encodeResponsesRequest(ir({ thinking: { type: 'adaptive' }, effort: 'low' }), testContext()).reasoning).toEqual({ effort: 'low', summary: 'auto' });
    expect(encodeResponsesRequest(ir({ thinking: { type: 'disabled' } }), testContext())).not.toHaveProperty('reasoning');
    const schema = { type: 'object', properties: {} };
    expect(encodeResponsesRequest(ir({ responseFormat: { type: 'json_schema', name: 'out', schema, strict: true } }), testContext()).text).toEqual({
      format: { type: 'json_schema', name: 'out', schema, strict: true },
    });
    expect(encodeResponsesRequest(ir({ responseFormat: { type: 'json_object' } }), testContext()).text).toEqual({ format: { type: 'json_object' } });
  });

  it('drops the knobs the Responses API lacks (stop, seed, top_k, penalties) with a warning each, clamps and raises the output cap', () => {
    const context = testContext({ maxOutputTokens: 1000 });
    const body = encodeResponsesRequest(ir({ stop: ['\n'], seed: 7, topK: 5, presencePenalty: 1, frequencyPenalty: 1, maxTokens: 5000 }), context);
    for (const key of ['stop', 'seed', 'top_k', 'presence_penalty', 'frequency_penalty']) expect(body).not.toHaveProperty(key);
    expect(body.max_output_tokens).toBe(1000);
    expect(context.warnings.map((w) => w.split(':')[0])).toEqual(['stop', 'seed', 'top_k', 'presence_penalty', 'frequency_penalty', 'max_tokens']);
    const small = testContext();
    expect(encodeResponsesRequest(ir({ maxTokens: 5 }), small).max_output_tokens).toBe(16);
    expect(small.warnings).toEqual(["max_tokens: 5 raised to the responses api's minimum of 16"]);
  });

  it('refuses what would change the answer shape with a 400 naming the field: n > 1, logprobs, a completion suffix or echo', () => {
    expect(rejection(() => encodeResponsesRequest(ir({ n: 2 }), testContext()))).toMatchObject({ kind: 'invalid_request', status: 400, param: 'n' });
    expect(encodeResponsesRequest(ir({ n: 1 }), testContext())).not.toHaveProperty('n');
    expect(rejection(() => encodeResponsesRequest(ir({ logprobs: { top: 2 } }), testContext()))).toMatchObject({ status: 400, param: 'logprobs' });
    expect(rejection(() => encodeResponsesRequest(ir({ completion: { prompt: 'a', suffix: 'b' } }), testContext()))).toMatchObject({ status: 400, param: 'suffix' });
    expect(rejection(() => encodeResponsesRequest(ir({ completion: { prompt: 'a', echo: true } }), testContext()))).toMatchObject({ status: 400, param: 'echo' });
  });

  it('sends a legacy completion as its one user message, with a warning', () => {
    const context = testContext();
    const body = encodeResponsesRequest(ir({ completion: { prompt: 'Once upon' }, messages: [{ role: 'user', parts: [{ type: 'text', text: 'Once upon' }] }] }), context);
    expect(body.input).toEqual([{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Once upon' }] }]);
    expect(context.warnings).toEqual(['prompt: sent to a responses model as one user message, not continued raw']);
  });

  it('encodes bodies the strict /v1/responses mock (the real API\'s rules) accepts: a tool round trip with every knob', () => {
    const body = encodeResponsesRequest(
      ir({
        system: [{ type: 'text', text: 'Be brief.' }],
        messages: [
          { role: 'user', parts: [{ type: 'text', text: 'Weather?' }, { type: 'image', source: { kind: 'url', url: 'https://x/a.png' } }] },
          { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] },
          { role: 'user', parts: [{ type: 'tool_result', toolCallId: 'call_1', content: [{ type: 'text', text: '18 C' }], isError: false }] },
        ],
        tools: [{ name: 'get_weather', parameters: WEATHER }],
        toolChoice: { type: 'auto' },
        parallelToolCalls: true,
        stream: true,
        maxTokens: 4,
        temperature: 1,
        topP: 1,
        user: 'u',
        thinking: { type: 'enabled', budgetTokens: 20000 },
        responseFormat: { type: 'json_object' },
      }),
      testContext(),
    );
    expect(validateOpenAIResponsesRequest({ ...body })).toBeUndefined();
  });
});
