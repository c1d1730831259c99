import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { APIError } from 'openai';
import { metricValue } from './support/access-helpers.js';
import { anthropicClient, newReqId, openaiClient, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

const OCTOPUS = 'Octopuses have three hearts: two pump blood through the gills and one pumps it to the rest of the body.';
const WEATHER_TOOL = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } }, required: ['city'] } },
};

/**
 * An `api: responses` openai model: every client format (chat, legacy completions, Anthropic messages)
 * is translated through the IR to `<endpoint>/responses` (stateless: `store: false`), and the router's
 * policy (retries, `stage: upstream` transformations, usage in the request log and metrics, in-band
 * stream errors) works on it as on any upstream. The strict mock validates every body as the real API.
 */
describe('the Responses API as an upstream dialect (api: responses)', () => {
  let openai: MockUpstream;
  let responsesOnly: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    responsesOnly = await startMockOpenAI({ responsesOnly: true });
    const retry = { max_retries: 2, initial_delay: 0.01, max_delay: 0.05 };
    router = await startRouter({
      config: {
        models: {
          codex: {
            provider: 'openai',
            api: 'responses',
            endpoint: `${openai.origin}/v1`,
            actual_model_name: 'gpt-5-codex',
            retry_config: retry,
            transformations: [{ name: 'tag', type: 'jsonpath_add', path: '$.metadata', value: { via: 'router' }, stage: 'upstream' }],
          },
          'codex-only': { provider: 'openai', api: 'responses', endpoint: `${responsesOnly.origin}/v1`, actual_model_name: 'gpt-5-codex', retry_config: { max_retries: 0 } },
          'codex-as-chat': { provider: 'openai', endpoint: `${responsesOnly.origin}/v1`, actual_model_name: 'gpt-5-codex', retry_config: { max_retries: 0 } },
        },
      },
    });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await openai?.close();
    await responsesOnly?.close();
  });

  beforeEach(() => {
    openai.reset();
    responsesOnly.reset();
  });

  const sent = (): Record<string, unknown> => {
    const last = openai.requests.at(-1);
    expect(last?.path).toBe('/v1/responses');
    return last?.body as Record<string, unknown>;
  };

  it('openai SDK chat.completions (not streamed) reaches /responses stateless, with the upstream-stage rule applied; usage reaches the request log', async () => {
    const reqId = newReqId('resp-up');
    const completion = await openaiClient(router).chat.completions.create(
      { model: 'codex', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'An octopus fact?' }], max_completion_tokens: 300 },
      { headers: { 'x-request-id': reqId } },
    );
    expect(completion.model).toBe('codex');
    expect(completion.choices[0]?.message.content).toBe(OCTOPUS);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 27, completion_tokens: 87 });
    expect(sent()).toMatchObject({
      model: 'gpt-5-codex',
      instructions: 'Be brief.',
      input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'An octopus fact?' }] }],
      store: false,
      max_output_tokens: 300,
      metadata: { via: 'router' },
    });
    expect(sent()).not.toHaveProperty('messages');
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ status: 200, inputTokens: 27, outputTokens: 87 });
  });

  it('openai SDK chat.completions streamed: text deltas, usage when asked, no stream_options sent upstream', async () => {
    const stream = openaiClient(router).chat.completions.stream({ model: 'codex', messages: [{ role: 'user', content: 'An octopus fact?' }], stream_options: { include_usage: true } });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe(OCTOPUS);
    expect(final.usage).toMatchObject({ prompt_tokens: 27, completion_tokens: 87 });
    expect(sent()).toMatchObject({ stream: true, store: false });
    expect(sent()).not.toHaveProperty('stream_options');
  });

  it('openai SDK tools with a follow-up: function_call items come back as tool_calls, and the results go as function_call_output with their call_id', async () => {
    const client = openaiClient(router);
    const first = await client.chat.completions.create({ model: 'codex', messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }], tools: [WEATHER_TOOL] });
    const calls = first.choices[0]?.message.tool_calls ?? [];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(calls.map((call) => call.type === 'function' && [call.id, call.function.name, JSON.parse(call.function.arguments)])).toEqual([
      ['call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', 'get_weather', { city: 'Paris', unit: 'celsius' }],
      ['call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', 'get_weather', { city: 'Tokyo', unit: 'celsius' }],
    ]);
    expect(sent()['tools']).toEqual([{ type: 'function', name: 'get_weather', description: 'Weather for a city', parameters: WEATHER_TOOL.function.parameters, strict: false }]);

    const stream = client.chat.completions.stream({
      model: 'codex',
      tools: [WEATHER_TOOL],
      messages: [
        { role: 'user', content: 'Weather in Paris and Tokyo?' },
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: calls[0]!.id, content: '18 C' },
        { role: 'tool', tool_call_id: calls[1]!.id, content: '22 C' },
      ],
    });
    await stream.finalChatCompletion();
    const input = sent()['input'] as Array<Record<string, unknown>>;
    expect(input.slice(1)).toEqual([
      { type: 'function_call', call_id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
      { type: 'function_call', call_id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather', arguments: '{"city":"Tokyo","unit":"celsius"}' },
      { type: 'function_call_output', call_id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', output: '18 C' },
      { type: 'function_call_output', call_id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', output: '22 C' },
    ]);
  });

  it('Anthropic SDK messages streamed with tools: the function calls arrive as tool_use blocks with their input', async () => {
    const stream = anthropicClient(router).messages.stream({
      model: 'codex',
      max_tokens: 512,
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
    });
    const message = await stream.finalMessage();
    expect(message.model).toBe('codex');
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.map((block) => block.type === 'tool_use' && [block.id, block.input])).toEqual([
      ['call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', { city: 'Paris', unit: 'celsius' }],
      ['call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', { city: 'Tokyo', unit: 'celsius' }],
    ]);
    expect(sent()).toMatchObject({ stream: true, max_output_tokens: 512, store: false });
  });

  it('Anthropic SDK messages with thinking: the reasoning summary arrives as a thinking block', async () => {
    const message = await anthropicClient(router).messages.create({
      model: 'codex',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [{ role: 'user', content: 'Is 1001 prime?' }],
    });
    expect(sent()['reasoning']).toEqual({ effort: 'medium', summary: 'auto' });
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
  });

  it('legacy completions reach /responses as one user message', async () => {
    const completion = await openaiClient(router).completions.create({ model: 'codex', prompt: 'Tell me an octopus fact.', max_tokens: 200 });
    expect(completion.choices[0]?.text).toBe(OCTOPUS);
    expect(sent()['input']).toEqual([{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Tell me an octopus fact.' }] }]);
  });

  it('retries a 503 and then succeeds', async () => {
    openai.enqueue({ status: 503 });
    const completion = await openaiClient(router).chat.completions.create({ model: 'codex', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe(OCTOPUS);
    expect(openai.requests.map((request) => request.path)).toEqual(['/v1/responses', '/v1/responses']);
  });

  it('a mid-stream response.failed becomes an in-band error in the client format (OpenAI and Anthropic)', async () => {
    openai.enqueue({ midstreamError: true });
    const stream = await openaiClient(router).chat.completions.create({ model: 'codex', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    let text = '';
    const failure = await (async () => {
      try {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(text).toBe('Octopuses have');
    expect(failure).toBeInstanceOf(APIError);
    expect(String((failure as Error).message)).toContain('The server had an error while processing your request');

    openai.enqueue({ midstreamError: true });
    const anthropic = anthropicClient(router).messages.stream({ model: 'codex', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] });
    await expect(anthropic.finalMessage()).rejects.toThrow(/The server had an error while processing your request/);
  });

  it('meters the tokens of the translated answers in /metrics', async () => {
    await openaiClient(router).chat.completions.create({ model: 'codex', messages: [{ role: 'user', content: 'hi' }] });
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    expect(metricValue(metrics, 'llm_router_tokens_total', 'model="codex",direction="input",caller=""')).toBeGreaterThanOrEqual(27);
    expect(metricValue(metrics, 'llm_router_tokens_total', 'model="codex",direction="output",caller=""')).toBeGreaterThanOrEqual(87);
  });

  it('a responses-only model works through api: responses while its chat endpoint 404s', async () => {
    const client = openaiClient(router);
    const completion = await client.chat.completions.create({ model: 'codex-only', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe(OCTOPUS);
    const refused = await client.chat.completions.create({ model: 'codex-as-chat', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(APIError);
    expect((refused as APIError).status).toBe(404);
    expect((refused as APIError).message).toContain('This model is only supported in v1/responses');
    expect(responsesOnly.requests.map((request) => request.path)).toEqual(['/v1/responses', '/v1/chat/completions']);
  });
});
