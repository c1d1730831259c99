/**
 * The mock upstream's answers, built once per (family, chunk count) and reused for every request: the
 * mock must cost next to nothing so that the figures measure the proxies, not it. Shapes follow the real
 * APIs (and the fixtures in libs/testing), sized like a short chat answer.
 */

export type Family = 'openai' | 'anthropic' | 'ollama' | 'responses';

export interface PreparedAnswer {
  json: Buffer;
  /** The stream, one Buffer per frame (written one by one, `spacingMs` apart). */
  frames: Buffer[];
  /** The same with usage reported in the stream (OpenAI sends it only for `stream_options.include_usage`). */
  framesWithUsage: Buffer[];
  streamContentType: string;
}

const WORDS = ['Octopuses', ' have', ' three', ' hearts:', ' two', ' pump', ' blood', ' through', ' the', ' gills', ' and', ' one', ' to', ' the', ' body.'];
const CREATED = 1795442712;

function word(i: number): string {
  return WORDS[i % WORDS.length] ?? '';
}

function text(chunks: number): string {
  return Array.from({ length: chunks }, (_, i) => word(i)).join('');
}

const sse = (data: unknown) => Buffer.from(`data: ${JSON.stringify(data)}\n\n`);
const event = (name: string, data: unknown) => Buffer.from(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
const line = (data: unknown) => Buffer.from(`${JSON.stringify(data)}\n`);

function openai(chunks: number): PreparedAnswer {
  const model = 'gpt-4.1-mini-2025-04-14';
  const id = 'chatcmpl-CWq3Lk9TnV2mRb7LcP1sWd8Yh3JuA';
  const usage = { prompt_tokens: 27, completion_tokens: chunks, total_tokens: 27 + chunks };
  const json = {
    id,
    object: 'chat.completion',
    created: CREATED,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text(chunks), refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: { ...usage, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 } },
    service_tier: 'default',
    system_fingerprint: 'fp_6f2eabb9a5',
  };
  const chunk = (delta: object, finish: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created: CREATED,
    model,
    service_tier: 'default',
    system_fingerprint: 'fp_6f2eabb9a5',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const content = [
    sse(chunk({ role: 'assistant', content: '', refusal: null }, null)),
    ...Array.from({ length: chunks }, (_, i) => sse(chunk({ content: word(i) }, null))),
    sse(chunk({}, 'stop')),
  ];
  const usageFrame = sse({ id, object: 'chat.completion.chunk', created: CREATED, model, choices: [], usage });
  const done = Buffer.from('data: [DONE]\n\n');
  return {
    json: Buffer.from(JSON.stringify(json)),
    frames: [...content, done],
    framesWithUsage: [...content, usageFrame, done],
    streamContentType: 'text/event-stream; charset=utf-8',
  };
}

function anthropic(chunks: number): PreparedAnswer {
  const model = 'claude-haiku-4-5-20251001';
  const id = 'msg_01TgKq8wZr3Vn6YpLs2Dc9Ae';
  const json = {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: text(chunks) }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 25, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: chunks, service_tier: 'standard' },
  };
  const frames = [
    event('message_start', {
      type: 'message_start',
      message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 25, output_tokens: 1 } },
    }),
    event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    ...Array.from({ length: chunks }, (_, i) => event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: word(i) } })),
    event('content_block_stop', { type: 'content_block_stop', index: 0 }),
    event('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: chunks } }),
    event('message_stop', { type: 'message_stop' }),
  ];
  return { json: Buffer.from(JSON.stringify(json)), frames, framesWithUsage: frames, streamContentType: 'text/event-stream; charset=utf-8' };
}

function ollama(chunks: number): PreparedAnswer {
  const model = 'llama3.2:3b';
  const createdAt = '2026-11-01T10:00:00.000000Z';
  const done = { done: true, done_reason: 'stop', total_duration: 1_000_000, load_duration: 1000, prompt_eval_count: 26, prompt_eval_duration: 1000, eval_count: chunks, eval_duration: 1000 };
  const json = { model, created_at: createdAt, message: { role: 'assistant', content: text(chunks) }, ...done };
  const frames = [
    ...Array.from({ length: chunks }, (_, i) => line({ model, created_at: createdAt, message: { role: 'assistant', content: word(i) }, done: false })),
    line({ model, created_at: createdAt, message: { role: 'assistant', content: '' }, ...done }),
  ];
  return { json: Buffer.from(JSON.stringify(json)), frames, framesWithUsage: frames, streamContentType: 'application/x-ndjson' };
}

/** OpenAI's Responses API (`/v1/responses`): one message item, its text deltas, the terminal event with usage. */
function responses(chunks: number): PreparedAnswer {
  const model = 'gpt-4.1-mini-2025-04-14';
  const id = 'resp_68c1f2a9b0e48190a3d5c7e9f1b2d4a6';
  const itemId = 'msg_68c1f2aa1c2c8190b4e6d8f0a2c4e6b8';
  const usage = { input_tokens: 27, input_tokens_details: { cached_tokens: 0 }, output_tokens: chunks, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 27 + chunks };
  const part = { type: 'output_text', text: text(chunks), annotations: [], logprobs: [] };
  const item = { id: itemId, type: 'message', status: 'completed', role: 'assistant', content: [part] };
  const base = { id, object: 'response', created_at: CREATED, model, error: null, incomplete_details: null, instructions: null, parallel_tool_calls: true, tool_choice: 'auto', tools: [], store: false };
  const json = { ...base, status: 'completed', output: [item], usage };
  let sequence = 0;
  const next = (name: string, data: Record<string, unknown>) => event(name, { type: name, sequence_number: sequence++, ...data });
  const frames = [
    next('response.created', { response: { ...base, status: 'in_progress', output: [], usage: null } }),
    next('response.in_progress', { response: { ...base, status: 'in_progress', output: [], usage: null } }),
    next('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }),
    next('response.content_part.added', { item_id: itemId, output_index: 0, content_index: 0, part: { ...part, text: '' } }),
    ...Array.from({ length: chunks }, (_, i) => next('response.output_text.delta', { item_id: itemId, output_index: 0, content_index: 0, delta: word(i), logprobs: [] })),
    next('response.output_text.done', { item_id: itemId, output_index: 0, content_index: 0, text: text(chunks), logprobs: [] }),
    next('response.content_part.done', { item_id: itemId, output_index: 0, content_index: 0, part }),
    next('response.output_item.done', { output_index: 0, item }),
    next('response.completed', { response: json }),
  ];
  return { json: Buffer.from(JSON.stringify(json)), frames, framesWithUsage: frames, streamContentType: 'text/event-stream; charset=utf-8' };
}

const builders: Record<Family, (chunks: number) => PreparedAnswer> = { openai, anthropic, ollama, responses };
const cache = new Map<string, PreparedAnswer>();

/** The prepared answer for a family and chunk count (built on first use, then cached). */
export function preparedAnswer(family: Family, chunks: number): PreparedAnswer {
  const key = `${family}:${chunks}`;
  let answer = cache.get(key);
  if (answer === undefined) {
    answer = builders[family](chunks);
    cache.set(key, answer);
  }
  return answer;
}
