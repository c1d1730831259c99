import { anthropicProvider } from '@llm-router/anthropic';
import type { HeaderMap, ProviderAdapter } from '@llm-router/core';
import { EchoProvider } from '@llm-router/echo';
import { ollamaProvider } from '@llm-router/ollama';
import { openAIChatOnlyProvider, openAIProvider, openAIResponsesProvider } from '@llm-router/openai';
import { codecFor } from './client-codecs.js';

/**
 * The providers a model's `provider:` may name. Adding a provider is one lib plus one line here;
 * nothing else in the app branches on a provider name. A provider reached by another API dialect
 * (`api: chat` or `api: responses` on an openai model) is registered under `<provider>:<api>` (see `registryKey`).
 */
export function createProviderRegistry(maskHeaders: (headers: HeaderMap) => HeaderMap): ReadonlyMap<string, ProviderAdapter> {
  const providers: ProviderAdapter[] = [
    openAIProvider,
    anthropicProvider,
    ollamaProvider,
    new EchoProvider({ codecFor, maskHeaders }),
  ];
  return new Map([
    ...providers.map((p): [string, ProviderAdapter] => [p.provider, p]),
    [registryKey('openai', 'chat'), openAIChatOnlyProvider],
    [registryKey('openai', 'responses'), openAIResponsesProvider],
  ]);
}

/** The registry key of a provider in a dialect: the provider name for its default (`auto`), else `<provider>:<api>`. */
export function registryKey(provider: string, api: string): string {
  return api === 'auto' ? provider : `${provider}:${api}`;
}
