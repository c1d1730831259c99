import { anthropicProvider } from '@llm-router/anthropic';
import type { ClientCodec, ClientFormat, ProviderAdapter, UpstreamCodec } from '@llm-router/core';
import { CLIENT_FORMATS } from '@llm-router/core';
import { ollamaProvider } from '@llm-router/ollama';
import { openAIChatOnlyProvider, openAIResponsesProvider } from '@llm-router/openai';
import { CLIENT_CODECS } from '../routing/client-codecs.js';

/**
 * The upstream API families the router translates to (the echo provider is not a family). `openai` is the
 * chat dialect as a chat-only server speaks it (`api: chat`: Responses clients are translated to it; with
 * the default `api: auto` they are passed through), `openai-responses` the Responses dialect (`api: responses`).
 */
export type UpstreamFamily = 'openai' | 'anthropic' | 'ollama' | 'openai-responses';
export const UPSTREAM_FAMILIES: readonly UpstreamFamily[] = ['openai', 'anthropic', 'ollama', 'openai-responses'];

/** The real provider adapters, as registered by the app. */
export const PROVIDERS: Readonly<Record<UpstreamFamily, ProviderAdapter>> = {
  openai: openAIChatOnlyProvider,
  anthropic: anthropicProvider,
  ollama: ollamaProvider,
  'openai-responses': openAIResponsesProvider,
};

/** The model each upstream is sent (TranslationContext.upstreamModel): what a model's `actual_model_name` would say. */
export const UPSTREAM_MODELS: Readonly<Record<UpstreamFamily, string>> = {
  openai: 'gpt-4.1-mini',
  anthropic: 'claude-haiku-4-5',
  ollama: 'llama3.2',
  'openai-responses': 'gpt-5-codex',
};

export function clientCodec(format: ClientFormat): ClientCodec {
  return CLIENT_CODECS[format];
}

/** `<family>Provider.translation`: the UpstreamCodec the app uses for requests it translates. */
export function upstreamCodec(family: UpstreamFamily): UpstreamCodec {
  const translation = PROVIDERS[family].translation;
  if (translation === undefined) throw new Error(`provider ${family} has no translation`);
  return translation;
}

export interface Pair {
  client: ClientFormat;
  upstream: UpstreamFamily;
  /** `<client>--<upstream>`: the golden folder and the test title. */
  name: string;
}

/**
 * Every client format x upstream family the app translates: those the provider does not speak natively
 * (the native ones are passed through untouched and are not the codecs' business).
 */
export const TRANSLATED_PAIRS: readonly Pair[] = CLIENT_FORMATS.flatMap((client) =>
  UPSTREAM_FAMILIES.filter((upstream) => !PROVIDERS[upstream].nativeFormats.includes(client)).map((upstream) => ({
    client,
    upstream,
    name: `${client}--${upstream}`,
  })),
);

export function pair(client: ClientFormat, upstream: UpstreamFamily): Pair {
  const found = TRANSLATED_PAIRS.find((p) => p.client === client && p.upstream === upstream);
  if (found === undefined) throw new Error(`${client} -> ${upstream} is not translated`);
  return found;
}
