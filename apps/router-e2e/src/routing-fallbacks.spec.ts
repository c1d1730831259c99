import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { newReqId, openaiClient, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

const OPENAI_KEY = 'sk-upstream-openai-routing-0123456789';
const ANTHROPIC_KEY = 'sk-ant-upstream-routing-0123456789';
const CHAT = { messages: [{ role: 'user' as const, content: 'hello' }] };
const ROLE_CHUNK = 'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n\n';
const ERROR_FRAME = 'data: {"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}\n\n';
const CONTEXT_400 = {
  status: 400,
  body: { error: { message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.", type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } },
};

/** A streamed chat completion as raw SSE text, with the response headers. */
async function streamChat(router: RunningRouter, model: string, reqId: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${router.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-client', 'x-request-id': reqId },
    body: JSON.stringify({ model, stream: true, ...CHAT }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The `data:` payloads of an SSE text, parsed (and `[DONE]`). */
function framesOf(text: string): unknown[] {
  return text
    .split('\n\n')
    .map((frame) => frame.split('\n').find((line) => line.startsWith('data: '))?.slice(6))
    .filter((data): data is string => data !== undefined)
    .map((data) => (data === '[DONE]' ? data : (JSON.parse(data) as unknown)));
}

const contentOf = (frames: unknown[]) =>
  frames
    .map((f) => (f as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content ?? '')
    .join('');

describe('routing: deployments, fallbacks, stream hold-back', () => {
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
    router = await startRouter({
      config: {
        models: {
          'gpt-503': { ...pair, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-429': { ...pair, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-cross': { ...pair, provider: 'openai', endpoint: `${a.origin}/v1`, retry_config: { max_retries: 0 }, fallbacks: ['claude-fb'] },
          'gpt-responses': { ...pair, provider: 'openai', endpoint: `${a.origin}/v1`, retry_config: { max_retries: 0 }, fallbacks: ['claude-fb'] },
          'claude-fb': { provider: 'anthropic', endpoint: claude.origin, api_key: ANTHROPIC_KEY, actual_model_name: 'claude-haiku-4-5' },
          'gpt-short': { ...pair, provider: 'openai', endpoint: `${a.origin}/v1`, context_window_fallbacks: ['gpt-long'], fallbacks: ['gpt-other'] },
          'gpt-long': { ...pair, provider: 'openai', endpoint: `${b.origin}/v1` },
          'gpt-other': { ...pair, provider: 'openai', endpoint: `${b.origin}/v1` },
          'gpt-stream': { ...pair, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-silent': { ...pair, first_token_timeout: 0.4, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-weighted': { ...pair, load_balancing: 'weighted', deployments: [at(a, 'a'), at(b, 'b')] },
          'gpt-flap': { ...pair, routing: { cooldown: { allowed_fails: 1, cooldown_time: 0.3 } }, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-reset': { ...pair, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-mute': { ...pair, timeout: 0.4, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-policy': { ...pair, deployments: [at(a, 'primary'), at(b, 'secondary')] },
          'gpt-tiers': { ...pair, deployments: [{ ...at(a, 'main') }, { ...at(b, 'backup'), priority: 1 }] },
          'gpt-dead': { ...pair, provider: 'openai', endpoint: `${a.origin}/v1`, retry_config: { max_retries: 0 }, routing: { cooldown: { allowed_fails: 1, cooldown_time: 30 } }, fallbacks: ['gpt-alive'] },
          'gpt-alive': { ...pair, provider: 'openai', endpoint: `${b.origin}/v1` },
          'claude-primary': { provider: 'anthropic', endpoint: claude.origin, api_key: ANTHROPIC_KEY, actual_model_name: 'claude-haiku-4-5', retry_config: { max_retries: 0 }, fallbacks: ['gpt-alive'] },
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

  it('a persistent 503 on the primary deployment falls over to the other one at once, and the log lists both attempts', async () => {
    a.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    const reqId = newReqId('route-503');
    const { data, response } = await openaiClient(router).chat.completions.create({ model: 'gpt-503', ...CHAT }, { headers: { 'x-request-id': reqId } }).withResponse();
    expect(data.model).toBe('gpt-503');
    expect(response.headers.get('x-router-model')).toBe('gpt-503');
    expect(response.headers.get('x-router-deployment')).toBe('secondary');
    // Another deployment of the tier first: the primary is not retried while the secondary is untried.
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
    expect(b.requests[0]?.body).toMatchObject({ model: 'gpt-4.1-mini' });
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ status: 200, attempts: 2 });
    expect(line['routing']).toEqual([
      { model: 'gpt-503', deployment: 'primary', result: '503', ms: expect.any(Number) },
      { model: 'gpt-503', deployment: 'secondary', result: 'ok', ms: expect.any(Number) },
    ]);
  });

  it('a 429 with Retry-After takes the deployment out: the next request goes straight to the other one', async () => {
    a.enqueue({ status: 429, headers: { 'retry-after': '30' } });
    const client = openaiClient(router);
    const first = await client.chat.completions.create({ model: 'gpt-429', ...CHAT }).withResponse();
    expect(first.response.headers.get('x-router-deployment')).toBe('secondary');
    const second = await client.chat.completions.create({ model: 'gpt-429', ...CHAT }).withResponse();
    expect(second.response.headers.get('x-router-deployment')).toBe('secondary');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(2);
  });

  it('an OpenAI client falls back from an OpenAI model to an Anthropic one, translated, answer named after the fallback', async () => {
    a.enqueue({ status: 503 });
    const { data, response } = await openaiClient(router).chat.completions.create({ model: 'gpt-cross', ...CHAT }).withResponse();
    expect(data.model).toBe('claude-fb');
    expect(data.choices[0]?.message.content).toEqual(expect.any(String));
    expect(response.headers.get('x-router-model')).toBe('claude-fb');
    expect(response.headers.get('x-router-deployment')).toBe('0');
    expect(a.requests).toHaveLength(1);
    expect(claude.requests).toHaveLength(1);
    expect(claude.requests[0]?.path).toBe('/v1/messages');
    expect(claude.requests[0]?.body).toMatchObject({ model: 'claude-haiku-4-5' });
  });

  it('the same fallback, streamed: a translated stream named after the fallback', async () => {
    a.enqueue({ status: 503 });
    const { status, headers, text } = await streamChat(router, 'gpt-cross', newReqId('route-cross-stream'));
    expect(status).toBe(200);
    expect(headers.get('x-router-model')).toBe('claude-fb');
    const frames = framesOf(text);
    expect(frames.at(-1)).toBe('[DONE]');
    expect(frames.filter((f) => f !== '[DONE]').every((f) => (f as { model?: string }).model === 'claude-fb')).toBe(true);
    expect(contentOf(frames)).not.toBe('');
    expect(text).not.toContain('"error"');
    expect(a.requests).toHaveLength(1);
    expect(claude.requests).toHaveLength(1);
  });

  it('the cross-family fallback carries tools: an OpenAI client gets the Anthropic fallback\'s tool calls as OpenAI deltas', async () => {
    a.enqueue({ status: 503 });
    const stream = await openaiClient(router).chat.completions.create({
      model: 'gpt-cross',
      stream: true,
      messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }],
    });
    const names: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.model).toBe('claude-fb');
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) if (call.function?.name) names.push(call.function.name);
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(names.length).toBeGreaterThan(0);
    expect(finish).toBe('tool_calls');
    expect(claude.requests[0]?.body).toMatchObject({ tools: [expect.objectContaining({ name: 'get_weather' })] });
  });

  it('a context-length 400 goes to context_window_fallbacks, never resent to the same model', async () => {
    a.enqueue(CONTEXT_400);
    const { data, response } = await openaiClient(router).chat.completions.create({ model: 'gpt-short', ...CHAT }).withResponse();
    expect(data.model).toBe('gpt-long');
    expect(response.headers.get('x-router-model')).toBe('gpt-long');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
  });

  it('another 400 is the client’s: no retry, no fallback, the upstream error as is', async () => {
    a.enqueue({ status: 400, body: { error: { message: "Invalid value for 'temperature': must be at most 2.", type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } } });
    const response = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-client' },
      body: JSON.stringify({ model: 'gpt-short', ...CHAT }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_value' } });
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('a 200 stream that errors before its first content fails over; the client sees one clean stream', async () => {
    a.enqueue({ frames: [ROLE_CHUNK, ERROR_FRAME], chunkDelayMs: 50 });
    const { status, headers, text } = await streamChat(router, 'gpt-stream', newReqId('route-stream-early'));
    expect(status).toBe(200);
    expect(headers.get('x-router-deployment')).toBe('secondary');
    expect(text).not.toContain('"error"');
    const frames = framesOf(text);
    expect(frames.at(-1)).toBe('[DONE]');
    // One role chunk only: the failed attempt's opening frame was held back, never sent.
    expect(frames.filter((f) => (f as { choices?: { delta?: { role?: string } }[] }).choices?.[0]?.delta?.role === 'assistant')).toHaveLength(1);
    expect(contentOf(frames)).not.toBe('');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
  });

  it('a Responses stream that fails before its first content (passthrough to OpenAI) falls back across families; the client sees one clean stream', async () => {
    const created = { type: 'response.created', sequence_number: 0, response: { id: 'resp_a', object: 'response', created_at: 1, status: 'in_progress', model: 'gpt-4.1-mini', output: [] } };
    const failed = { type: 'error', sequence_number: 1, code: 'server_error', message: 'The server had an error while processing your request.' };
    a.enqueue({ frames: [`event: response.created\ndata: ${JSON.stringify(created)}\n\n`, `event: error\ndata: ${JSON.stringify(failed)}\n\n`], chunkDelayMs: 50 });
    const stream = openaiClient(router).responses.stream({ model: 'gpt-responses', input: 'hello' }, { headers: { 'x-request-id': newReqId('route-responses') } });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(types.filter((type) => type === 'response.created')).toHaveLength(1);
    expect(types).not.toContain('error');
    expect(types.at(-1)).toBe('response.completed');
    expect(final.model).toBe('claude-fb');
    expect(final.output_text.length).toBeGreaterThan(0);
    expect(a.requests.map((request) => request.path)).toEqual(['/v1/responses']);
    expect(claude.requests).toHaveLength(1);
  });

  it('a stream that errors after content went out ends with an in-band error, and is not restarted elsewhere', async () => {
    // Frames written apart: the content frame has reached the client before the error frame arrives.
    a.enqueue({ midstreamError: true, chunkDelayMs: 100 });
    const { status, text } = await streamChat(router, 'gpt-stream', newReqId('route-stream-late'));
    expect(status).toBe(200);
    const frames = framesOf(text);
    expect(contentOf(frames)).toBe('Octopuses have');
    expect(frames.at(-1)).toMatchObject({ error: { message: expect.any(String) } });
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('a silent upstream (headers, then nothing) fails over after first_token_timeout', async () => {
    a.enqueue({ stallAfterFrames: 0 });
    const started = Date.now();
    const { status, headers, text } = await streamChat(router, 'gpt-silent', newReqId('route-silent'));
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(headers.get('x-router-deployment')).toBe('secondary');
    expect(contentOf(framesOf(text))).not.toBe('');
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(5_000);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
  });

  it('a deployment taken out comes back after its cooldown: one probe request, then traffic returns to it', async () => {
    a.enqueue({ status: 503 });
    const client = openaiClient(router);
    const deploymentOf = async () => (await client.chat.completions.create({ model: 'gpt-flap', ...CHAT }).withResponse()).response.headers.get('x-router-deployment');
    expect(await deploymentOf()).toBe('secondary'); // primary failed once (allowed_fails 1): out for 0.3 s
    expect(await deploymentOf()).toBe('secondary'); // still out: not even tried
    expect(a.requests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await deploymentOf()).toBe('primary'); // the half-open probe succeeds
    expect(await deploymentOf()).toBe('primary'); // back in rotation (ordered: first)
    expect(a.requests).toHaveLength(3);
    expect(b.requests).toHaveLength(2);
  });

  it('a reset connection fails over to the other deployment', async () => {
    a.enqueue({ resetConnection: true });
    const { response } = await openaiClient(router).chat.completions.create({ model: 'gpt-reset', ...CHAT }).withResponse();
    expect(response.headers.get('x-router-deployment')).toBe('secondary');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
  });

  it('an upstream silent before its headers (timeout) fails over at once, not retried on the same deployment', async () => {
    a.enqueue({ delayHeadersMs: 3_000 });
    const started = Date.now();
    const { response } = await openaiClient(router).chat.completions.create({ model: 'gpt-mute', ...CHAT }).withResponse();
    expect(response.headers.get('x-router-deployment')).toBe('secondary');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
  });

  it("a content-policy 400 is not retried nor sent elsewhere, and keeps the provider's reason", async () => {
    a.enqueue({ status: 400, body: { error: { message: 'Your request was rejected as a result of our safety system.', type: 'invalid_request_error', param: null, code: 'content_policy_violation' } } });
    const response = await fetch(`${router.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-client' },
      body: JSON.stringify({ model: 'gpt-policy', ...CHAT }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'content_policy_violation', message: expect.stringContaining('safety system') } });
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('a lower-priority tier serves only once the higher tier failed', async () => {
    const client = openaiClient(router);
    const first = await client.chat.completions.create({ model: 'gpt-tiers', ...CHAT }).withResponse();
    expect(first.response.headers.get('x-router-deployment')).toBe('main');
    a.enqueue({ status: 503 }, { status: 503 });
    const second = await client.chat.completions.create({ model: 'gpt-tiers', ...CHAT }).withResponse();
    expect(second.response.headers.get('x-router-deployment')).toBe('backup');
    // The main tier's one deployment is retried (max_retries 1) before the lower tier is used.
    expect(a.requests).toHaveLength(3);
    expect(b.requests).toHaveLength(1);
  });

  it('while every deployment of a model is out, requests go straight to its fallback', async () => {
    a.enqueue({ status: 503 });
    const client = openaiClient(router);
    expect((await client.chat.completions.create({ model: 'gpt-dead', ...CHAT })).model).toBe('gpt-alive');
    expect((await client.chat.completions.create({ model: 'gpt-dead', ...CHAT })).model).toBe('gpt-alive');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(2);
  });

  it('an Anthropic client falls back from an Anthropic model to an OpenAI one, streamed, in its own format', async () => {
    claude.enqueue({ status: 529 });
    const response = await fetch(`${router.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-client', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-primary', max_tokens: 64, stream: true, ...CHAT }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-router-model')).toBe('gpt-alive');
    const text = await response.text();
    expect(text).toContain('event: message_start');
    expect(text).toContain('"model":"gpt-alive"');
    expect(text).toContain('event: content_block_delta');
    expect(text).toContain('event: message_stop');
    expect(claude.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
    expect(b.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('counts attempts, fallbacks and circuit state per model and deployment in /metrics', async () => {
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/llm_router_routing_attempts_total\{model="gpt-503",deployment="primary",outcome="503"\} [1-9]/);
    expect(metrics).toMatch(/llm_router_routing_fallbacks_total\{from="gpt-cross",to="claude-fb",kind="fallbacks"\} [1-9]/);
    expect(metrics).toMatch(/llm_router_deployment_circuit_state\{model="gpt-429",deployment="primary"\} 2/);
  });

  it('weighted balancing spreads requests over both deployments', async () => {
    const client = openaiClient(router);
    for (let i = 0; i < 40; i++) await client.chat.completions.create({ model: 'gpt-weighted', ...CHAT });
    // Weights 1:1 over 40 requests: fewer than 5 on one side has a probability of about 1e-6.
    expect(a.requests.length + b.requests.length).toBe(40);
    expect(a.requests.length).toBeGreaterThanOrEqual(5);
    expect(b.requests.length).toBeGreaterThanOrEqual(5);
  });
});
