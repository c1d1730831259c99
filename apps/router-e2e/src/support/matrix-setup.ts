import Anthropic from '@anthropic-ai/sdk';
import { startMockAnthropic, startMockOllama, startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import type { MatrixUpstream } from './matrix.js';
import { startRouter, type RunningRouter } from './start-router.js';

/** The model clients ask for, per provider, and the name the router sends upstream. */
export const MODELS: Readonly<Record<MatrixUpstream, { client: string; upstream: string }>> = {
  openai: { client: 'm-openai', upstream: 'gpt-4o-2024-08-06' },
  anthropic: { client: 'm-anthropic', upstream: 'claude-sonnet-4-5' },
  ollama: { client: 'm-ollama', upstream: 'llama3.2:3b' },
  'openai-responses': { client: 'm-openai-responses', upstream: 'gpt-5-codex' },
};

/**
 * An `api: chat` model on the same OpenAI mock as `m-openai`: what Responses clients use for the `openai`
 * column, since with `api: auto` (m-openai) their requests are passed through to `/v1/responses` exactly
 * as for the `openai-responses` column, and the interesting case is their translation to chat.
 */
export const OPENAI_CHAT_API_MODEL = 'm-openai-chat';

export const UPSTREAMS: readonly MatrixUpstream[] = ['openai', 'anthropic', 'ollama', 'openai-responses'];

export interface MatrixWorld {
  router: RunningRouter;
  mocks: Record<MatrixUpstream, MockUpstream>;
  openai: OpenAI;
  anthropic: Anthropic;
  /** The body of the last request the upstream received. */
  lastBody(upstream: MatrixUpstream): Record<string, unknown>;
  /** The path of the last request the upstream received (`/v1/responses`, `/api/chat`, ...). */
  lastPath(upstream: MatrixUpstream): string;
  close(): Promise<void>;
}

/**
 * One router in front of a mock of each provider, each model with retries off so errors surface as they
 * are. The `openai-responses` mock is Responses-only (chat and completions 404), so a cell that passes
 * there was answered on `/v1/responses`.
 */
export async function startMatrixWorld(): Promise<MatrixWorld> {
  const mocks = {
    openai: await startMockOpenAI({ apiKey: 'sk-upstream-openai-0123456789' }),
    anthropic: await startMockAnthropic({ apiKey: 'sk-ant-upstream-0123456789' }),
    ollama: await startMockOllama(),
    'openai-responses': await startMockOpenAI({ apiKey: 'sk-upstream-openai-0123456789', responsesOnly: true }),
  };
  const noRetry = { max_retries: 0 };
  const router = await startRouter({
    config: {
      models: {
        [MODELS.openai.client]: { provider: 'openai', endpoint: `${mocks.openai.origin}/v1`, api_key: 'sk-upstream-openai-0123456789', actual_model_name: MODELS.openai.upstream, retry_config: noRetry },
        [MODELS.anthropic.client]: { provider: 'anthropic', endpoint: mocks.anthropic.origin, api_key: 'sk-ant-upstream-0123456789', actual_model_name: MODELS.anthropic.upstream, retry_config: noRetry },
        [MODELS.ollama.client]: { provider: 'ollama', endpoint: mocks.ollama.origin, actual_model_name: MODELS.ollama.upstream, retry_config: noRetry },
        [MODELS['openai-responses'].client]: {
          provider: 'openai',
          api: 'responses',
          endpoint: `${mocks['openai-responses'].origin}/v1`,
          api_key: 'sk-upstream-openai-0123456789',
          actual_model_name: MODELS['openai-responses'].upstream,
          retry_config: noRetry,
        },
        [OPENAI_CHAT_API_MODEL]: { provider: 'openai', api: 'chat', endpoint: `${mocks.openai.origin}/v1`, api_key: 'sk-upstream-openai-0123456789', actual_model_name: MODELS.openai.upstream, retry_config: noRetry },
      },
    },
  });
  return {
    router,
    mocks,
    openai: new OpenAI({ apiKey: 'sk-client-0123456789abcdef', baseURL: `${router.url}/v1`, maxRetries: 0 }),
    anthropic: new Anthropic({ apiKey: 'sk-ant-client-0123456789', baseURL: router.url, maxRetries: 0 }),
    lastBody: (upstream) => {
      const request = mocks[upstream].requests.at(-1);
      if (request === undefined) throw new Error(`the ${upstream} mock received nothing`);
      return request.body as Record<string, unknown>;
    },
    lastPath: (upstream) => {
      const request = mocks[upstream].requests.at(-1);
      if (request === undefined) throw new Error(`the ${upstream} mock received nothing`);
      return request.path;
    },
    close: async () => {
      await router.stop();
      await Promise.all(Object.values(mocks).map((m) => m.close()));
    },
  };
}

/** Runs `action`, which must fail with an HTTP 400 whose message names `field`; returns that message. */
export async function expectRefused(action: () => Promise<unknown>, field: string): Promise<string> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error) || (error as { status?: number }).status !== 400) {
    throw new Error(`expected a 400 naming '${field}', got ${error instanceof Error ? `${(error as { status?: number }).status}: ${error.message}` : 'success'}`);
  }
  if (!error.message.includes(field)) throw new Error(`the 400 does not name '${field}': ${error.message}`);
  return error.message;
}
