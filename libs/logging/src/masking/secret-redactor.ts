import type { HeaderMap } from '@llm-router/core';
import { MIN_LITERAL_SECRET_LENGTH } from './min-literal-secret-length.js';
import { secretVariants } from './secret-variants.js';

/** What a known secret becomes in client output: fixed, so nothing of the secret (not even its length) shows. */
export const REDACTED = '[redacted]';

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

/**
 * Removes the secrets the router holds (configured api keys, header-rule values, endpoint URL passwords)
 * from text bound for a client: error bodies, relayed headers, stream frames, echo's answer.
 *
 * Unlike SecretMasker (logs), it knows only the secrets it was given: no key patterns, nothing that could
 * touch ordinary text. Each secret is matched literally as written, JSON-escaped and URL-encoded, and
 * replaced by `[redacted]`. Secrets shorter than MIN_LITERAL_SECRET_LENGTH (8) are not matched (a key such
 * as `ollama` is no secret and replacing the word everywhere would break answers).
 *
 * Cost: built once (boot, config reload). With no secrets, `redact` returns its argument untouched
 * (no scan at all); with secrets, one regex scan per call, and a string without a match is returned as is.
 * Overlapping secrets (one's end is another's start) are redacted as one span, so no part of either leaks.
 */
export class SecretRedactor {
  /** The redactor with no secrets: the identity. */
  static readonly NONE = new SecretRedactor([]);

  private readonly pattern: RegExp | undefined;

  constructor(secrets: Iterable<string>) {
    const literals = new Set<string>();
    for (const secret of secrets) {
      if (secret.trim().length < MIN_LITERAL_SECRET_LENGTH) continue;
      for (const variant of secretVariants(secret)) literals.add(variant);
    }
    // Longest first: a secret that contains another is matched whole.
    const sources = [...literals].sort((a, b) => b.length - a.length).map((literal) => literal.replace(REGEX_SPECIALS, '\\$&'));
    this.pattern = sources.length === 0 ? undefined : new RegExp(sources.join('|'), 'g');
  }

  /** Whether there is anything to redact (false: every method is the identity). */
  get active(): boolean {
    return this.pattern !== undefined;
  }

  /** `text` with every known secret replaced by `[redacted]`; the same string when none occurs. */
  redact(text: string): string {
    const pattern = this.pattern;
    if (pattern === undefined || text.length < MIN_LITERAL_SECRET_LENGTH) return text;
    pattern.lastIndex = 0;
    let match = pattern.exec(text);
    if (match === null) return text;
    let out = '';
    let copied = 0;
    while (match !== null) {
      const start = match.index;
      let end = start + match[0].length;
      // Merge every match that starts inside this span (overlapping secrets), then cut the span out.
      pattern.lastIndex = start + 1;
      match = pattern.exec(text);
      while (match !== null && match.index < end) {
        end = Math.max(end, match.index + match[0].length);
        pattern.lastIndex = match.index + 1;
        match = pattern.exec(text);
      }
      out += text.slice(copied, start) + REDACTED;
      copied = end;
    }
    return out + text.slice(copied);
  }

  /** A header map with every value redacted (names are the router's or the allowlist's: not redacted). */
  redactHeaders(headers: HeaderMap): HeaderMap {
    if (this.pattern === undefined) return headers;
    const out: HeaderMap = {};
    for (const [name, value] of Object.entries(headers)) out[name] = this.redact(value);
    return out;
  }
}
