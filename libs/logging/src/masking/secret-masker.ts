import type { HeaderMap } from '@llm-router/core';
import { CREDENTIAL_NAMES } from './credential-names.js';
import { maskCredential } from './mask-credential.js';
import { maskSecret } from './mask-secret.js';
import { MIN_LITERAL_SECRET_LENGTH } from './min-literal-secret-length.js';
import { secretVariants } from './secret-variants.js';
import { SECRET_PATTERN_SOURCES, SECRET_PREFIX_GROUPS, WHOLE_MASK_GROUPS } from './secret-patterns.js';

export { MIN_LITERAL_SECRET_LENGTH };

/**
 * How deep `maskValue` walks. Deeper parts of a value become NESTED_TOO_DEEP: the walk is recursive, and
 * a request body nested thousands deep (5 KB of `[`) must not overflow the stack of a log write.
 */
export const MAX_MASK_DEPTH = 128;

/** What replaces the part of a value deeper than MAX_MASK_DEPTH in a log line. */
export const NESTED_TOO_DEEP = '[nested too deep]';

export interface SecretMaskerOptions {
  /** The secrets known at boot (configured api keys). Empty and short ones are ignored. */
  secrets?: Iterable<string>;
  /** `mask_api_keys`; when false the masker is the identity. Default true. */
  enabled?: boolean;
}

/** A literal to replace and what replaces it. */
type Replacement = readonly [needle: string, masked: string];

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;
const JSON_UNSAFE = /["\\]/g;

/**
 * Masks secrets in strings, header maps and JSON values. Built once at boot: the known secrets and
 * the key patterns are compiled into ONE regex, so masking a string is a single `replace` pass.
 *
 * A known secret is matched as written, JSON-escaped (as it appears inside a serialised log line)
 * and URL-encoded (as it appears in a query string). Masked text never contains `"` or `\`, so
 * masking a serialised JSON line keeps it valid JSON.
 *
 * Per-request extra secrets (a client's own key) are replaced literally (no regex is built per
 * request); they obey the same minimum length as known secrets.
 */
export class SecretMasker {
  readonly enabled: boolean;
  private pattern: RegExp;
  private readonly replace = (match: string, ...args: unknown[]): string => {
    const groups = args[args.length - 1];
    const prefix = prefixOf(groups);
    return prefix + (wholeMask(groups) ? '****' : jsonSafe(maskSecret(match.slice(prefix.length))));
  };

  constructor(options: SecretMaskerOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.pattern = compile(options.secrets ?? []);
  }

  /**
   * Replaces the known secrets (config reload): lines written afterwards mask the new set. The
   * patterns stay; the regex is rebuilt once here, never per line.
   */
  replaceSecrets(secrets: Iterable<string>): void {
    this.pattern = compile(secrets);
  }

  /** The identity masker, for `mask_api_keys: false`. */
  static disabled(): SecretMasker {
    return new SecretMasker({ enabled: false });
  }

  /** Masks known secrets, key-like strings and `extraSecrets` anywhere in `text`. */
  maskString(text: string, extraSecrets: readonly string[] = []): string {
    if (!this.enabled) return text;
    return this.maskText(text, replacementsFor(extraSecrets));
  }

  /**
   * Masks a header map: credential headers (authorization, x-api-key, api-key, cookie, ...) whole
   * by name, keeping the auth scheme (`Bearer sk-12345...cdef`); other values as strings.
   */
  maskHeaders(headers: HeaderMap, extraSecrets: readonly string[] = []): HeaderMap {
    if (!this.enabled) return headers;
    const extras = replacementsFor(extraSecrets);
    const out: HeaderMap = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = CREDENTIAL_NAMES.has(name.toLowerCase()) ? maskCredential(name, value) : this.maskText(value, extras);
    }
    return out;
  }

  /**
   * Masks a JSON value deeply, returning a copy: every string as by `maskString`, and string fields
   * named like credentials (`api_key`, `authorization`, ...) whole. Non-plain objects (Buffers,
   * Errors, class instances) are returned as they are: the logger's line pass still masks them.
   */
  maskValue(value: unknown, extraSecrets: readonly string[] = []): unknown {
    if (!this.enabled) return value;
    return this.walk(value, replacementsFor(extraSecrets), new WeakSet(), 0);
  }

  private maskText(text: string, extras: readonly Replacement[]): string {
    let out = text;
    for (const [needle, masked] of extras) {
      if (out.includes(needle)) out = out.replaceAll(needle, masked);
    }
    return out.replace(this.pattern, this.replace);
  }

  /** Recursive, but never deeper than MAX_MASK_DEPTH: what lies deeper is replaced, not walked. */
  private walk(value: unknown, extras: readonly Replacement[], seen: WeakSet<object>, depth: number): unknown {
    if (typeof value === 'string') return this.maskText(value, extras);
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[Circular]';
    if (depth >= MAX_MASK_DEPTH) return NESTED_TOO_DEEP;
    if (Array.isArray(value)) {
      seen.add(value);
      const out = value.map((item: unknown) => this.walk(item, extras, seen, depth + 1));
      seen.delete(value);
      return out;
    }
    // Plain objects only: a prototype that is null or some realm's Object.prototype (structuredClone and
    // vm contexts make objects from another realm).
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return value;
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      out[key] =
        typeof field === 'string' && CREDENTIAL_NAMES.has(key.toLowerCase())
          ? maskCredential(key, field)
          : this.walk(field, extras, seen, depth + 1);
    }
    seen.delete(value);
    return out;
  }
}

/** The forms in which `secret` can appear in log output (raw, JSON-escaped, URL-encoded); none when too short. */
function variantsOf(secret: string): string[] {
  return secret.trim().length < MIN_LITERAL_SECRET_LENGTH ? [] : secretVariants(secret);
}

/**
 * The one regex of a masker: the known secrets, longest first, so a secret that contains another is
 * masked whole; literals before the patterns, so at the same position a known secret wins over a
 * pattern that stops early. (A pattern with a prefix, `key=...`, starts before the secret and masks
 * the value up to its delimiters; only a known secret containing such a delimiter, a space or quote,
 * could be cut.)
 */
function compile(secrets: Iterable<string>): RegExp {
  const literals = new Set<string>();
  for (const secret of secrets) {
    for (const variant of variantsOf(secret)) literals.add(variant);
  }
  const sources = [...literals].sort((a, b) => b.length - a.length).map((literal) => literal.replace(REGEX_SPECIALS, '\\$&'));
  return new RegExp([...sources, ...SECRET_PATTERN_SOURCES].join('|'), 'g');
}

/** Whether the match after its prefix is masked whole (URL userinfo): no part of it is kept. */
function wholeMask(groups: unknown): boolean {
  if (typeof groups !== 'object' || groups === null) return false;
  return WHOLE_MASK_GROUPS.some((name) => typeof Reflect.get(groups, name) === 'string');
}

function replacementsFor(secrets: readonly string[]): Replacement[] {
  if (secrets.length === 0) return [];
  const out: Replacement[] = [];
  for (const secret of secrets) {
    for (const variant of variantsOf(secret)) out.push([variant, jsonSafe(maskSecret(variant))]);
  }
  return out.sort((a, b) => b[0].length - a[0].length);
}

/** The kept prefix of a pattern match, from the named groups `replace` passes last. */
function prefixOf(groups: unknown): string {
  if (typeof groups !== 'object' || groups === null) return '';
  for (const name of SECRET_PREFIX_GROUPS) {
    const prefix: unknown = Reflect.get(groups, name);
    if (typeof prefix === 'string') return prefix;
  }
  return '';
}

/** Masked text goes into serialised JSON lines as is: it must not end a string or start an escape. */
function jsonSafe(masked: string): string {
  return masked.includes('"') || masked.includes('\\') ? masked.replace(JSON_UNSAFE, '*') : masked;
}
