import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import { newReqId, openaiClient, waitForRequestLine } from './support/policy-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

// Responses clients to OpenAI's own API (`api: auto`, the default) and to an `api: responses` model: passed
// through (the body as sent, aliased; the answer's bytes back with the client's model name), so what only
// OpenAI can do (stored conversations, hosted tools) keeps working, and the stream is metered.

describe('Responses passthrough to OpenAI', () => {
  let openai: MockUpstream;
  let router: RunningRouter;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    router = await startRouter({
      config: {
        models: {
          gpt: { provider: 'openai', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-5.1' },
          codex: { provider: 'openai', api: 'responses', endpoint: `${openai.origin}/v1`, actual_model_name: 'gpt-5-codex' },
        },
      },
    });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
  });
  beforeEach(() => openai.reset());

  const sent = () => openai.requests.at(-1)!;

  it.each(['gpt', 'codex'])('%s: forwards the body untouched but for the model, to /v1/responses, and answers with the client model name', async (model) => {
    const reqId = newReqId('resp-pass');
    const body = {
      model,
      input: [{ role: 'user' as const, content: 'Tell me about octopuses.' }],
      previous_response_id: 'resp_stored_on_openai',
      tools: [{ type: 'web_search' as const }],
      store: true,
      metadata: { team: 'search' },
    };
    const response = await openaiClient(router).responses.create(body, { headers: { 'x-request-id': reqId } });
    expect(sent().path).toBe('/v1/responses');
    expect(sent().body).toEqual({ ...body, model: model === 'gpt' ? 'gpt-5.1' : 'gpt-5-codex' });
    expect(response.model).toBe(model);
    expect(response.output_text.length).toBeGreaterThan(0);
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ clientFormat: 'openai-responses', status: 200 });
    expect(line).toMatchObject({ inputTokens: expect.any(Number), outputTokens: expect.any(Number) });
  });

  it('streams the upstream events through, model renamed in every response object, and meters the stream', async () => {
    const reqId = newReqId('resp-pass-stream');
    const stream = openaiClient(router).responses.stream({ model: 'gpt', input: 'Tell me about octopuses.' }, { headers: { 'x-request-id': reqId } });
    const seen: string[] = [];
    for await (const event of stream) seen.push(event.type);
    const final = await stream.finalResponse();
    expect(seen[0]).toBe('response.created');
    expect(seen.at(-1)).toBe('response.completed');
    expect(final.model).toBe('gpt');
    expect(final.output_text.length).toBeGreaterThan(0);
    expect(sent().body).toMatchObject({ model: 'gpt-5.1', stream: true });
    const line = await waitForRequestLine(router, reqId);
    expect(line).toMatchObject({ inputTokens: final.usage?.input_tokens, outputTokens: final.usage?.output_tokens });
  });

  it("relays OpenAI's own error for a request only it can judge, in OpenAI's format", async () => {
    openai.enqueue({ status: 400, body: { error: { message: "Previous response with id 'resp_gone' not found.", type: 'invalid_request_error', param: 'previous_response_id', code: 'previous_response_not_found' } } });
    const error = await openaiClient(router)
      .responses.create({ model: 'gpt', input: 'more', previous_response_id: 'resp_gone' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'previous_response_not_found', param: 'previous_response_id' });
  });
});
