import type { HeaderMap } from '@llm-router/core';

/** Longest header value the router writes; longer ones are cut (clients and proxies cap header sizes). */
export const MAX_HEADER_VALUE_LENGTH = 4096;

/** A field value as RFC 9110 allows it, ASCII only: visible characters, spaces and tabs. */
const PLAIN = /^[\t\x20-\x7e]*$/;
const UNSAFE = /[^\t\x20-\x7e]/gu;

/**
 * The one sanitizer for every header value the router writes. A plain ASCII value is returned as it is;
 * anything else (CR, LF, other control characters, non-ASCII text, lone surrogates) is percent-encoded
 * as UTF-8 (`é` -> `%C3%A9`, a line break -> `%0A`), so it can neither split the header block nor make
 * Node refuse the whole head (which hangs a hijacked stream and turns a reply into a 500). Values
 * longer than MAX_HEADER_VALUE_LENGTH are cut and end in `...`.
 */
export function safeHeaderValue(value: string): string {
  const encoded = PLAIN.test(value) ? value : value.replace(UNSAFE, encodeCharacter);
  return encoded.length > MAX_HEADER_VALUE_LENGTH ? `${encoded.slice(0, MAX_HEADER_VALUE_LENGTH - 3)}...` : encoded;
}

/** `safeHeaderValue` over a whole map (names are the router's or the allowlist's: already tokens). */
export function safeHeaders(headers: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) out[name] = safeHeaderValue(value);
  return out;
}

function encodeCharacter(character: string): string {
  // A lone surrogate (half of a broken UTF-16 pair) has no UTF-8 form: U+FFFD stands in for it.
  const wellFormed = character.length === 1 && character >= '\ud800' && character <= '\udfff' ? '\ufffd' : character;
  return [...Buffer.from(wellFormed, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
