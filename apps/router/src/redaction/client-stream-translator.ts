import type { SecretRedactor } from '@llm-router/logging';
import { RouterError } from '@llm-router/core';
import type { StreamTranslator, TranslatedChunk } from '../routing/stream-translator.js';
import { errorForClient, upstreamFailureForClient } from './client-safe-error.js';

export interface ClientStreamOptions {
  redactor: SecretRedactor;
  provider: string;
  model: string;
}

/**
 * The last step of every stream before the client (passthrough and translated alike): each piece of
 * wire text a translator produces (content frames, the upstream's in-band errors, the router's own
 * error frames) passes the redactor, and a connection failure's frame names no internal address.
 * Translators emit whole frames, so a secret is never cut between two pieces. Cost: one redactor
 * pass per upstream chunk; with no configured secrets, push and end are the translator's own.
 */
export function clientStreamTranslator(translator: StreamTranslator, { redactor, provider, model }: ClientStreamOptions): StreamTranslator {
  const fail = (error: RouterError): string => {
    const safe = upstreamFailureForClient(error, provider, model);
    return redactor.redact(translator.fail(errorForClient(safe instanceof RouterError ? safe : error)));
  };
  if (!redactor.active) return { push: (chunk) => translator.push(chunk), end: () => translator.end(), fail };
  const redacted = (out: TranslatedChunk): TranslatedChunk => (out.text === '' ? out : { ...out, text: redactor.redact(out.text) });
  return {
    push: (chunk) => redacted(translator.push(chunk)),
    end: () => redacted(translator.end()),
    fail,
  };
}
