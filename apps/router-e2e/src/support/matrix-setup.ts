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
};

export const UPSTREAMS: readonly MatrixUpstream[] = ['openai', 'anthropic', 'ollama'];

export interface MatrixWorld {
  router: RunningRouter;
  mocks: Record<MatrixUpstream, MockUpstream>;
  openai: OpenAI;
  anthropic: Anthropic;
  /** The body of the last request the upstream received. */
  lastBody(upstream: MatrixUpstream): Record<string, unknown>;
  close(): Promise<void>;
}

/** One router in front of a mock of each provider, each model with retries off so errors surface as they are. */
export async function startMatrixWorld(): Promise<MatrixWorld> {
  const mocks = {
    openai: await startMockOpenAI({ apiKey: 'sk-upstream-openai-0123456789' }),
    anthropic: await startMockAnthropic({ apiKey: 'sk-ant-upstream-0123456789' }),
    ollama: await startMockOllama(),
  };
  const noRetry = { max_retries: 0 };
  const router = await startRouter({
    config: {
      models: {
        [MODELS.openai.client]: { provider: 'openai', endpoint: `${mocks.openai.origin}/v1`, api_key: 'sk-upstream-openai-0123456789', actual_model_name: MODELS.openai.upstream, retry_config: noRetry },
        [MODELS.anthropic.client]: { provider: 'anthropic', endpoint: mocks.anthropic.origin, api_key: 'sk-ant-upstream-0123456789', actual_model_name: MODELS.anthropic.upstream, retry_config: noRetry },
        [MODELS.ollama.client]: { provider: 'ollama', endpoint: mocks.ollama.origin, actual_model_name: MODELS.ollama.upstream, retry_config: noRetry },
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
