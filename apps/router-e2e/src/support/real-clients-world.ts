/**
 * One built router in front of a strict mock of each provider, for the real-client specs. Every hop
 * has its own distinctive key: the mocks refuse anything but the upstream key the router is configured
 * with, so a request that reaches a mock with the client's key fails loudly.
 */
import { startMockAnthropic, startMockOllama, startMockOpenAI, type MockUpstream, type RecordedRequest } from '@llm-router/testing';
import type { RealProvider } from './real-clients-fixtures.js';
import { startRouter, type RunningRouter } from './start-router.js';

export const REAL_PROVIDERS: readonly RealProvider[] = ['openai', 'anthropic', 'ollama'];

/** The model name clients ask for, per provider. Unknown to every client library on purpose: no model-specific quirks. */
export const REAL_MODELS: Readonly<Record<RealProvider, string>> = {
  openai: 'rc-openai',
  anthropic: 'rc-anthropic',
  ollama: 'rc-ollama',
};

/** What the router sends upstream in `model`. */
export const REAL_UPSTREAM_MODELS: Readonly<Record<RealProvider, string>> = {
  openai: 'gpt-4.1-mini',
  anthropic: 'claude-haiku-4-5',
  ollama: 'qwen3:8b',
};

/** Keys the clients send to the router (never seen by a mock). */
export const CLIENT_KEYS = { openai: 'sk-rc-client-openai-7f3a9c', anthropic: 'sk-ant-rc-client-2b8e4d' } as const;

const UPSTREAM_KEYS: Readonly<Record<RealProvider, string>> = {
  openai: 'sk-rc-upstream-openai-51d0e7',
  anthropic: 'sk-ant-rc-upstream-9c4f12',
  ollama: 'rc-upstream-ollama-a6b3e8',
};

export interface RealClientsWorld {
  router: RunningRouter;
  mocks: Record<RealProvider, MockUpstream>;
  /** The router's OpenAI-compatible base URL (`…/v1`). */
  openaiBaseUrl: string;
  /** The router's Anthropic base URL as each client wants it. */
  anthropicBaseUrl: { aiSdk: string; langchain: string };
  /** The chat or messages requests `provider`'s mock received since the last reset (model listings left out). */
  upstreamRequests(provider: RealProvider): RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

const CHAT_PATHS: Readonly<Record<RealProvider, string>> = { openai: '/v1/chat/completions', anthropic: '/v1/messages', ollama: '/api/chat' };

export async function startRealClientsWorld(): Promise<RealClientsWorld> {
  const mocks: Record<RealProvider, MockUpstream> = {
    openai: await startMockOpenAI({ apiKey: UPSTREAM_KEYS.openai }),
    anthropic: await startMockAnthropic({ apiKey: UPSTREAM_KEYS.anthropic }),
    ollama: await startMockOllama({ apiKey: UPSTREAM_KEYS.ollama }),
  };
  const endpoints: Record<RealProvider, string> = { openai: `${mocks.openai.origin}/v1`, anthropic: mocks.anthropic.origin, ollama: mocks.ollama.origin };
  const models = Object.fromEntries(
    REAL_PROVIDERS.map((provider) => [
      REAL_MODELS[provider],
      {
        provider,
        endpoint: endpoints[provider],
        api_key: UPSTREAM_KEYS[provider],
        actual_model_name: REAL_UPSTREAM_MODELS[provider],
        retry_config: { max_retries: 0 },
      },
    ]),
  );
  let router: RunningRouter;
  try {
    router = await startRouter({ config: { models } });
  } catch (error) {
    await Promise.all(Object.values(mocks).map((m) => m.close()));
    throw error;
  }
  return {
    router,
    mocks,
    openaiBaseUrl: `${router.url}/v1`,
    // @ai-sdk/anthropic appends `/messages` to its baseURL; @langchain/anthropic (the official SDK) appends `/v1/messages`.
    anthropicBaseUrl: { aiSdk: `${router.url}/v1`, langchain: router.url },
    upstreamRequests: (provider) => mocks[provider].requests.filter((r) => r.path === CHAT_PATHS[provider]),
    reset: () => Object.values(mocks).forEach((m) => m.reset()),
    close: async () => {
      await router.stop();
      await Promise.all(Object.values(mocks).map((m) => m.close()));
    },
  };
}
