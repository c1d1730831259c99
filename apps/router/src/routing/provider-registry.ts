import { anthropicProvider } from '@llm-router/anthropic';
import type { HeaderMap, ProviderAdapter } from '@llm-router/core';
import { EchoProvider } from '@llm-router/echo';
import { ollamaProvider } from '@llm-router/ollama';
import { openAIProvider } from '@llm-router/openai';
import { codecFor } from './client-codecs.js';

/**
 * The providers a model's `provider:` may name. Adding a provider is one lib plus one line here;
 * nothing else in the app branches on a provider name.
 */
export function createProviderRegistry(maskHeaders: (headers: HeaderMap) => HeaderMap): ReadonlyMap<string, ProviderAdapter> {
  const providers: ProviderAdapter[] = [
    openAIProvider,
    anthropicProvider,
    ollamaProvider,
    new EchoProvider({ codecFor, maskHeaders }),
  ];
  return new Map(providers.map((p) => [p.provider, p]));
}
