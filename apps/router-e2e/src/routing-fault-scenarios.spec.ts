import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readSseFixtureFrames, startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { anthropicClient, newReqId, openaiClient, pollLog, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

/**
 * The fault scenarios of the routing issue not covered by routing-fallbacks.spec.ts: each asserts what
 * the client got and what each upstream mock saw (attempt counts, timing bounds where relevant).
 */
jest.setTimeout(20_000);

const OPENAI_KEY = 'sk-upstream-openai-faults-0123456789';
const ANTHROPIC_KEY = 'sk-ant-upstream-faults-0123456789';
const CHAT = { messages: [{ role: 'user' as const, content: 'hello' }] };
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4.1-mini', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const ROLE_CHUNK = chunk({ role: 'assistant', content: '' });
const CONTENT_CHUNK = chunk({ content: 'Octopuses' });
const FINISH_CHUNK = chunk({}, 'stop');
/** A chunk cut short (an upstream or a proxy on its way broke it): not JSON. */
const MALFORMED_CHUNK = 'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" trun\n\n';

/** A streamed chat completion as raw SSE text, with the response headers and the elapsed time. */
async function streamChat(router: RunningRouter, model: string, reqId: string): Promise<{ status: number; headers: Headers; text: string; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${router.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-client', 'x-request-id': reqId },
    body: JSON.stringify({ model, stream: true, ...CHAT }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: Date.now() - started };
}

/** The `data:` payloads of an SSE text, parsed (and `[DONE]`). */
function framesOf(text: string): unknown[] {
  return text
    .split('\n\n')
    .map((frame) => frame.split('\n').find((line) => line.startsWith('data: '))?.slice(6))
    .filter((data): data is string => data !== undefined)
    .map((data) => (data === '[DONE]' ? data : (JSON.parse(data) as unknown)));
}

type ChatChunk = { choices?: { delta?: { content?: string }; finish_reason?: string | null }[] };
const contentOf = (frames: unknown[]) => frames.map((f) => (f as ChatChunk).choices?.[0]?.delta?.content ?? '').join('');
const finishReasons = (frames: unknown[]) => frames.map((f) => (f as ChatChunk).choices?.[0]?.finish_reason).filter((r) => r);

describe('routing: the fault scenarios', () => {
  let a: MockUpstream;
  let b: MockUpstream;
  let claude: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    a = await startMockOpenAI({ apiKey: OPENAI_KEY });
    b = await startMockOpenAI({ apiKey: OPENAI_KEY });
    claude = await startMockAnthropic({ apiKey: ANTHROPIC_KEY });
    const at = (mock: MockUpstream, name: string) => ({ provider: 'openai', endpoint: `${mock.origin}/v1`, name });
    const pair = { api_key: OPENAI_KEY, actual_model_name: 'gpt-4.1-mini', load_balancing: 'ordered', retry_config: { max_retries: 1, initial_delay: 0.05, max_delay: 0.2 } };
    const two = (extra: Record<string, unknown> = {}) => ({ ...pair, ...extra, deployments: [at(a, 'primary'), at(b, 'secondary')] });
    router = await startRouter({
      config: {
        models: {
          'gpt-429': two({ routing: { cooldown: { allowed_fails: 2, cooldown_time: 30 } } }),
          'gpt-500': two(),
          'gpt-500-single': { ...pair, provider: 'openai', endpoint: `${a.origin}/v1` },
          'gpt-cut': two(),
          'gpt-stall': two({ stream_idle_timeout: 0.4 }),
          'gpt-ending': two(),
          'claude-prefill': { provider: 'anthropic', endpoint: claude.origin, api_key: ANTHROPIC_KEY, actual_model_name: 'claude-haiku-4-5', retry_config: { max_retries: 0 }, fallbacks: ['gpt-prefill'] },
          'gpt-prefill': { ...pair, provider: 'openai', endpoint: `${a.origin}/v1`, retry_config: { max_retries: 0 } },
          'gpt-account': { ...pair, retry_config: { max_retries: 0 }, deployments: [at(a, 'primary'), at(b, 'secondary')], fallbacks: ['claude-fb'] },
          'claude-fb': { provider: 'anthropic', endpoint: claude.origin, api_key: ANTHROPIC_KEY, actual_model_name: 'claude-haiku-4-5' },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await a?.close();
    await b?.close();
    await claude?.close();
  }, 20_000);
  beforeEach(() => {
    a.reset();
    b.reset();
    claude.reset();
  });

  it('429 without Retry-After: fails over to the other deployment, and the primary stays in rotation below allowed_fails', async () => {
    a.enqueue({ status: 429 });
    const client = openaiClient(router);
    const first = await client.chat.completions.create({ model: 'gpt-429', ...CHAT }).withResponse();
    expect(first.response.headers.get('x-router-deployment')).toBe('secondary');
    // One failure of allowed_fails 2: the primary is not out, the next request goes to it again.
    const second = await client.chat.completions.create({ model: 'gpt-429', ...CHAT }).withResponse();
    expect(second.response.headers.get('x-router-deployment')).toBe('primary');
    expect(a.requests).toHaveLength(2);
    expect(b.requests).toHaveLength(1);
  });

  it('500 once: the second attempt goes to the other deployment, the client gets 200', async () => {
    a.enqueue({ status: 500 });
    const reqId = newReqId('fault-500');
    const { data, response } = await openaiClient(router).chat.completions.create({ model: 'gpt-500', ...CHAT }, { headers: { 'x-request-id': reqId } }).withResponse();
    expect(response.status).toBe(200);
    expect(data.choices[0]?.message.content).toEqual(expect.any(String));
    expect(response.headers.get('x-router-deployment')).toBe('secondary');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
    expect((await waitForRequestLine(router, reqId))['routing']).toEqual([
      { model: 'gpt-500', deployment: 'primary', result: '500', ms: expect.any(Number) },
      { model: 'gpt-500', deployment: 'secondary', result: 'ok', ms: expect.any(Number) },
    ]);
  });

  it('500 once on a single deployment: retried on it, the client gets 200', async () => {
    a.enqueue({ status: 500 });
    const { response } = await openaiClient(router).chat.completions.create({ model: 'gpt-500-single', ...CHAT }).withResponse();
    expect(response.status).toBe(200);
    // One deployment, no fallbacks: the seed's path (retry_config around one upstream, no x-router-* headers).
    expect(response.headers.get('x-router-deployment')).toBeNull();
    expect(a.requests).toHaveLength(2);
  });

  it('stream cut before content (closed after the opening frame, no error frame): fails over, one clean stream', async () => {
    a.enqueue({ frames: [ROLE_CHUNK] });
    const { status, headers, text } = await streamChat(router, 'gpt-cut', newReqId('fault-cut-early'));
    expect(status).toBe(200);
    expect(headers.get('x-router-deployment')).toBe('secondary');
    const frames = framesOf(text);
    expect(text).not.toContain('"error"');
    expect(contentOf(frames)).toContain('Octopuses');
    expect(frames.at(-1)).toBe('[DONE]');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
  });

  it('stream cut after content: an in-band error, never a truncated answer that looks complete', async () => {
    a.enqueue({ frames: [ROLE_CHUNK, CONTENT_CHUNK], chunkDelayMs: 100 });
    const { status, text } = await streamChat(router, 'gpt-cut', newReqId('fault-cut-late'));
    expect(status).toBe(200);
    const frames = framesOf(text);
    expect(contentOf(frames)).toBe('Octopuses');
    expect(frames.at(-1)).toMatchObject({ error: { message: expect.any(String) } });
    expect(frames).not.toContain('[DONE]');
    expect(finishReasons(frames)).toEqual([]);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('stream stall after content: an in-band timeout error after stream_idle_timeout, not restarted', async () => {
    a.enqueue({ frames: [ROLE_CHUNK, CONTENT_CHUNK, FINISH_CHUNK], stallAfterFrames: 2 });
    const { status, text, ms } = await streamChat(router, 'gpt-stall', newReqId('fault-stall'));
    expect(status).toBe(200);
    const frames = framesOf(text);
    expect(contentOf(frames)).toBe('Octopuses');
    expect(frames.at(-1)).toMatchObject({ error: { message: expect.any(String) } });
    expect(frames).not.toContain('[DONE]');
    expect(ms).toBeGreaterThanOrEqual(350);
    expect(ms).toBeLessThan(3_000);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('missing [DONE] after a finish_reason: completed promptly with [DONE]', async () => {
    a.enqueue({ frames: [ROLE_CHUNK, CONTENT_CHUNK, FINISH_CHUNK] });
    const { status, text, ms } = await streamChat(router, 'gpt-ending', newReqId('fault-no-done'));
    expect(status).toBe(200);
    const frames = framesOf(text);
    expect(contentOf(frames)).toBe('Octopuses');
    expect(finishReasons(frames)).toEqual(['stop']);
    expect(frames.at(-1)).toBe('[DONE]');
    expect(text).not.toContain('"error"');
    expect(ms).toBeLessThan(1_500);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('missing end without a finish reason (after content): an in-band error', async () => {
    a.enqueue({ frames: [ROLE_CHUNK, CONTENT_CHUNK, chunk({ content: ' have' })], chunkDelayMs: 50 });
    const { text } = await streamChat(router, 'gpt-ending', newReqId('fault-truncated'));
    const frames = framesOf(text);
    expect(contentOf(frames)).toBe('Octopuses have');
    expect(frames.at(-1)).toMatchObject({ error: { message: expect.any(String) } });
    expect(frames).not.toContain('[DONE]');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('a malformed chunk (passthrough): skipped, never forwarded; the SDK stream completes; logged and counted', async () => {
    a.enqueue({ frames: [ROLE_CHUNK, CONTENT_CHUNK, MALFORMED_CHUNK, chunk({ content: ' have' }), FINISH_CHUNK, 'data: [DONE]\n\n'] });
    const reqId = newReqId('fault-malformed');
    // The OpenAI SDK throws on a data line that is not JSON: completing proves the frame never reached it.
    const stream = await openaiClient(router).chat.completions.create({ model: 'gpt-ending', stream: true, ...CHAT }, { headers: { 'x-request-id': reqId } });
    let text = '';
    const finishes: string[] = [];
    for await (const part of stream) {
      text += part.choices[0]?.delta.content ?? '';
      if (part.choices[0]?.finish_reason) finishes.push(part.choices[0].finish_reason);
    }
    expect(text).toBe('Octopuses have');
    expect(finishes).toEqual(['stop']);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
    const warning = await pollLog(router, (line) => line['reqId'] === reqId && line['frame'] !== undefined);
    expect(warning).toMatchObject({ level: 'warn', model: 'gpt-ending', provider: 'openai', frame: expect.stringContaining('that is not a JSON object skipped') });
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/llm_router_upstream_malformed_frames_total\{model="gpt-ending",provider="openai"\} [1-9]/);
  });

  it('a malformed chunk (translated, OpenAI upstream to an Anthropic client): skipped; the SDK message is whole', async () => {
    a.enqueue({ frames: [ROLE_CHUNK, MALFORMED_CHUNK, CONTENT_CHUNK, FINISH_CHUNK, 'data: [DONE]\n\n'] });
    const message = await anthropicClient(router).messages.stream({ model: 'gpt-ending', max_tokens: 64, ...CHAT }).finalMessage();
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Octopuses' })]);
    expect(message.stop_reason).toBe('end_turn');
    expect(a.requests).toHaveLength(1);
  });

  it('a malformed event (translated, Anthropic upstream to an OpenAI client): skipped; the stream completes', async () => {
    const frames = readSseFixtureFrames('anthropic/basic.stream.sse');
    claude.enqueue({ frames: [...frames.slice(0, 3), 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_del\n\n', ...frames.slice(3)] });
    const { status, text } = await streamChat(router, 'claude-fb', newReqId('fault-malformed-anthropic'));
    expect(status).toBe(200);
    const parsed = framesOf(text);
    expect(text).not.toContain('"error"');
    expect(finishReasons(parsed)).toEqual(['stop']);
    expect(parsed.at(-1)).toBe('[DONE]');
    expect(claude.requests).toHaveLength(1);
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/llm_router_upstream_malformed_frames_total\{model="claude-fb",provider="anthropic"\} [1-9]/);
  });

  it('a fallback that rejects prefill: the Anthropic client gets the fallback’s 400 in Anthropic format', async () => {
    claude.enqueue({ status: 529 });
    a.enqueue({ status: 400, body: { error: { message: 'This model does not support assistant message prefill.', type: 'invalid_request_error', param: 'messages', code: null } } });
    const started = Date.now();
    const response = await fetch(`${router.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-client', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-prefill', max_tokens: 64, messages: [{ role: 'user', content: 'Name a colour.' }, { role: 'assistant', content: 'The colour is' }] }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('prefill') } });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(claude.requests).toHaveLength(1);
    expect(a.requests).toHaveLength(1);
    // The fallback saw the prefill as the last (assistant) message.
    const sent = a.requests[0]?.body as { messages: { role: string; content: unknown }[] };
    expect(sent.messages.at(-1)).toMatchObject({ role: 'assistant' });
  });

  it('fail-over accounting: every attempt in the log line, the answering model’s usage and name in the answer and headers', async () => {
    a.enqueue({ status: 503 });
    b.enqueue({ status: 502 });
    const reqId = newReqId('fault-accounting');
    const { data, response } = await openaiClient(router).chat.completions.create({ model: 'gpt-account', ...CHAT }, { headers: { 'x-request-id': reqId } }).withResponse();
    expect(data.model).toBe('claude-fb');
    expect(response.headers.get('x-router-model')).toBe('claude-fb');
    expect(response.headers.get('x-router-deployment')).toBe('0');
    // The Anthropic fixture's usage (25 in, 26 out), not the OpenAI fixture's (27, 23).
    expect(data.usage).toMatchObject({ prompt_tokens: 25, completion_tokens: 26, total_tokens: 51 });
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
    expect(claude.requests).toHaveLength(1);
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ status: 200, attempts: 3 });
    expect(line['routing']).toEqual([
      { model: 'gpt-account', deployment: 'primary', result: '503', ms: expect.any(Number) },
      { model: 'gpt-account', deployment: 'secondary', result: '502', ms: expect.any(Number) },
      { model: 'claude-fb', deployment: '0', result: 'ok', ms: expect.any(Number) },
    ]);
  });
});
