import type { ScriptedResponse } from '@llm-router/testing';

/**
 * The two upstream answers of one Codex turn with a shell command, in each upstream family's own stream
 * format: first a call of Codex's `exec_command` tool running `echo <marker>`, then (after Codex ran it and
 * sent its output back) a text answer. Written by hand in each family's exact wire shape, so the mocks
 * answer what a real model would and the router's translation is what is under test.
 */
export const CODEX_MARKER = 'codex-was-here';
export const CODEX_FINAL_TEXT = 'The command printed the marker.';
const ARGUMENTS = JSON.stringify({ cmd: `echo ${CODEX_MARKER}` });

const sse = (event: string | undefined, data: unknown) => `${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`;

export type CodexUpstream = 'openai-responses' | 'openai-chat' | 'anthropic' | 'ollama';

export function codexTurns(family: CodexUpstream, upstreamModel: string): [ScriptedResponse, ScriptedResponse] {
  switch (family) {
    case 'openai-responses':
      return [{ frames: responsesFrames(upstreamModel, 'tool') }, { frames: responsesFrames(upstreamModel, 'text') }];
    case 'openai-chat':
      return [{ frames: chatFrames(upstreamModel, 'tool') }, { frames: chatFrames(upstreamModel, 'text') }];
    case 'anthropic':
      return [{ frames: anthropicFrames(upstreamModel, 'tool') }, { frames: anthropicFrames(upstreamModel, 'text') }];
    case 'ollama': {
      const headers = { 'content-type': 'application/x-ndjson' };
      return [
        { frames: ollamaLines(upstreamModel, 'tool'), headers },
        { frames: ollamaLines(upstreamModel, 'text'), headers },
      ];
    }
  }
}

function responsesFrames(model: string, kind: 'tool' | 'text'): string[] {
  let sequence = 0;
  const event = (type: string, data: Record<string, unknown>) => sse(type, { type, sequence_number: sequence++, ...data });
  const response = { id: `resp_${kind}`, object: 'response', created_at: 1764900000, status: 'in_progress', model, output: [] as unknown[] };
  const item =
    kind === 'tool'
      ? { type: 'function_call', id: 'fc_1', call_id: 'call_codex_1', name: 'exec_command', arguments: ARGUMENTS, status: 'completed' }
      : { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: CODEX_FINAL_TEXT, annotations: [] }] };
  const frames = [event('response.created', { response }), event('response.in_progress', { response })];
  if (kind === 'tool') {
    frames.push(
      event('response.output_item.added', { output_index: 0, item: { ...item, arguments: '', status: 'in_progress' } }),
      event('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 0, delta: ARGUMENTS }),
      event('response.function_call_arguments.done', { item_id: 'fc_1', output_index: 0, arguments: ARGUMENTS }),
    );
  } else {
    const part = { type: 'output_text', text: '', annotations: [] };
    frames.push(
      event('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }),
      event('response.content_part.added', { item_id: 'msg_1', output_index: 0, content_index: 0, part }),
      event('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta: CODEX_FINAL_TEXT }),
      event('response.output_text.done', { item_id: 'msg_1', output_index: 0, content_index: 0, text: CODEX_FINAL_TEXT }),
      event('response.content_part.done', { item_id: 'msg_1', output_index: 0, content_index: 0, part: { ...part, text: CODEX_FINAL_TEXT } }),
    );
  }
  const usage = { input_tokens: 1200, input_tokens_details: { cached_tokens: 0 }, output_tokens: 20, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 1220 };
  frames.push(event('response.output_item.done', { output_index: 0, item }), event('response.completed', { response: { ...response, status: 'completed', output: [item], usage } }));
  return frames;
}

function chatFrames(model: string, kind: 'tool' | 'text'): string[] {
  const chunk = (choices: unknown[], usage: unknown = null) => sse(undefined, { id: `chatcmpl-${kind}`, object: 'chat.completion.chunk', created: 1764900000, model, choices, usage });
  const delta =
    kind === 'tool'
      ? { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_codex_1', type: 'function', function: { name: 'exec_command', arguments: ARGUMENTS } }] }
      : { role: 'assistant', content: CODEX_FINAL_TEXT };
  return [
    chunk([{ index: 0, delta, logprobs: null, finish_reason: null }]),
    chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: kind === 'tool' ? 'tool_calls' : 'stop' }]),
    chunk([], { prompt_tokens: 1200, completion_tokens: 20, total_tokens: 1220 }),
    'data: [DONE]\n\n',
  ];
}

function anthropicFrames(model: string, kind: 'tool' | 'text'): string[] {
  const block = kind === 'tool' ? { type: 'tool_use', id: 'toolu_codex_1', name: 'exec_command', input: {} } : { type: 'text', text: '' };
  const delta = kind === 'tool' ? { type: 'input_json_delta', partial_json: ARGUMENTS } : { type: 'text_delta', text: CODEX_FINAL_TEXT };
  return [
    sse('message_start', {
      type: 'message_start',
      message: { id: `msg_${kind}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1200, output_tokens: 1 } },
    }),
    sse('content_block_start', { type: 'content_block_start', index: 0, content_block: block }),
    sse('content_block_delta', { type: 'content_block_delta', index: 0, delta }),
    sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
    sse('message_delta', { type: 'message_delta', delta: { stop_reason: kind === 'tool' ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: 20 } }),
    sse('message_stop', { type: 'message_stop' }),
  ];
}

function ollamaLines(model: string, kind: 'tool' | 'text'): string[] {
  const at = '2026-12-04T12:00:00.000000Z';
  const message =
    kind === 'tool'
      ? { role: 'assistant', content: '', tool_calls: [{ id: 'call_codex_1', function: { index: 0, name: 'exec_command', arguments: { cmd: `echo ${CODEX_MARKER}` } } }] }
      : { role: 'assistant', content: CODEX_FINAL_TEXT };
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  return [
    line({ model, created_at: at, message, done: false }),
    line({
      model,
      created_at: at,
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: 1_000_000,
      load_duration: 1000,
      prompt_eval_count: 1200,
      prompt_eval_duration: 1000,
      eval_count: 20,
      eval_duration: 1000,
    }),
  ];
}
