import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startMockAnthropic, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { anthropicModel, CLIENT_KEY, openAIModel, ROUTER_ANTHROPIC_KEY, ROUTER_OPENAI_KEY } from './support/passthrough-helpers.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

jest.setTimeout(20_000);

/**
 * An upstream that refuses the router's configured key (401/403): the client gets the upstream's status
 * and its message, in the client's own format, with the router saying that it was the router's
 * configured credentials that were refused (so the client does not blame its own key, and the operator
 * sees the provider's reason). Configured secrets never reach the client, even when the upstream quotes them.
 */
const REFUSED = "refused the router's configured credentials";

describe("fidelity: an upstream refusing the router's credentials", () => {
  let openai: MockUpstream;
  let anthropic: MockUpstream;
  let router: RunningRouter;
  let openaiSdk: OpenAI;
  let anthropicSdk: Anthropic;

  beforeAll(async () => {
    openai = await startMockOpenAI();
    anthropic = await startMockAnthropic();
    router = await startRouter({
      config: {
        models: {
          'gpt-pass': openAIModel(openai, 'gpt-4.1-mini'),
          'claude-pass': anthropicModel(anthropic, 'claude-haiku-4-5'),
          // Translated: an Anthropic client to an OpenAI upstream.
          'gpt-for-claude': openAIModel(openai, 'gpt-4.1-mini'),
        },
      },
    });
    openaiSdk = new OpenAI({ apiKey: CLIENT_KEY, baseURL: `${router.url}/v1`, maxRetries: 0 });
    anthropicSdk = new Anthropic({ apiKey: CLIENT_KEY, baseURL: router.url, maxRetries: 0 });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    await openai?.close();
    await anthropic?.close();
  });

  beforeEach(() => {
    openai.reset();
    anthropic.reset();
  });

  const chat = (model: string) => openaiSdk.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
  const message = (model: string) =>
    anthropicSdk.messages.create({ model, max_tokens: 32, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);

  it('OpenAI passthrough: a 401 stays a 401 with the provider message and the router saying whose key it was', async () => {
    openai.enqueue({ status: 401 });
    const error = await chat('gpt-pass');
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    const apiError = error as InstanceType<typeof OpenAI.AuthenticationError>;
    expect(apiError.status).toBe(401);
    expect(apiError.message).toContain(REFUSED);
    expect(apiError.message).toContain("model 'gpt-pass'");
    expect(apiError.message).toContain('Incorrect API key provided');
    expect(apiError.code).toBe('invalid_api_key');
  });

  it('OpenAI passthrough: a 403 stays a 403 (PermissionDeniedError)', async () => {
    openai.enqueue({ status: 403, body: { error: { message: 'Project does not have access to model gpt-4.1-mini', type: 'invalid_request_error', param: null, code: 'model_not_allowed' } } });
    const error = await chat('gpt-pass');
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((error as Error).message).toContain(REFUSED);
    expect((error as Error).message).toContain('Project does not have access to model gpt-4.1-mini');
  });

  it('Anthropic passthrough: a 401 reaches the SDK as an AuthenticationError in Anthropic format', async () => {
    anthropic.enqueue({ status: 401 });
    const error = await message('claude-pass');
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    const apiError = error as InstanceType<typeof Anthropic.AuthenticationError>;
    expect(apiError.status).toBe(401);
    expect(apiError.message).toContain(REFUSED);
    expect(apiError.message).toContain('invalid x-api-key');
    expect((apiError.error as { error?: { type?: string } }).error?.type).toBe('authentication_error');
  });

  it('translated (Anthropic client, OpenAI upstream): the 401 is rendered in Anthropic format with the upstream message', async () => {
    openai.enqueue({ status: 401 });
    const error = await message('gpt-for-claude');
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as Error).message).toContain(REFUSED);
    expect((error as Error).message).toContain('Incorrect API key provided');
  });

  it('an upstream message quoting the configured key reaches the client redacted', async () => {
    openai.enqueue({ status: 401, body: { error: { message: `Incorrect API key provided: ${ROUTER_OPENAI_KEY}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } });
    anthropic.enqueue({ status: 401, body: { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${ROUTER_ANTHROPIC_KEY}` } } });
    const openaiError = (await chat('gpt-pass')) as Error;
    const anthropicError = (await message('claude-pass')) as Error;
    expect(openaiError.message).toContain(REFUSED);
    expect(anthropicError.message).toContain(REFUSED);
    expect(openaiError.message).not.toContain(ROUTER_OPENAI_KEY);
    expect(anthropicError.message).not.toContain(ROUTER_ANTHROPIC_KEY);
    expect(JSON.stringify(openaiError)).not.toContain(ROUTER_OPENAI_KEY);
    expect(JSON.stringify(anthropicError)).not.toContain(ROUTER_ANTHROPIC_KEY);
  });
});
