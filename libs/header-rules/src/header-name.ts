// RFC 9110 §5.6.2: token = 1*tchar.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 9110 §5.5 field-value, as Node's http module enforces it: no control characters but HTAB.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// A drop entry made only of these is an exact name; any other entry is a regex (see compileDropEntry).
const PLAIN_NAME = /^[0-9A-Za-z_-]+$/;

/** Every character a header name may contain (RFC 9110 tchar), lower case only: names are matched lower-cased. */
export const HEADER_NAME_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz";

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

export function isHeaderValue(value: string): boolean {
  return FIELD_VALUE.test(value);
}

/** A name written with letters, digits, `-` and `_` only: a drop entry meant literally, never a regex. */
export function isPlainHeaderName(name: string): boolean {
  return PLAIN_NAME.test(name);
}
