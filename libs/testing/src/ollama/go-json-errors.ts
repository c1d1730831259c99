// The wording of Go's encoding/json errors, which Ollama returns as is when a request body does not fit
// its structs (`{"error":"json: cannot unmarshal array into Go struct field Message.messages.content of type string"}`).

/** The JSON kind Go names in its errors. */
export function goJsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return `number ${String(value)}`;
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/** `json: cannot unmarshal <kind> into Go struct field <field> of type <goType>`. */
export function cannotUnmarshal(value: unknown, field: string, goType: string): string {
  const kind = goJsonKind(value);
  return `json: cannot unmarshal ${kind.startsWith('number') ? 'number' : kind} into Go struct field ${field} of type ${goType}`;
}

/** Go's decoder error for a body that is not JSON (approximated: the first offending character). */
export function invalidJsonMessage(rawBody: string): string {
  const first = rawBody.trimStart()[0];
  if (first === undefined) return 'missing request body';
  if (!/[{["\-0-9tfn]/.test(first)) return `invalid character '${first}' looking for beginning of value`;
  return 'unexpected EOF';
}

const BASE64_ALPHABET = /[A-Za-z0-9+/=\r\n]/;

/**
 * Go's `[]byte` JSON decoding of a base64 string (standard alphabet, padded): undefined when valid,
 * else `illegal base64 data at input byte N`. A `data:image/png;base64,…` URI fails at byte 4 (`:`),
 * an `https://…` URL at byte 5, as on the real server.
 */
export function base64Problem(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (!BASE64_ALPHABET.test(text[i] ?? '')) return `illegal base64 data at input byte ${i}`;
  }
  // Padding: only at the end, at most two `=`, and a length that is a multiple of 4 (approximated offset).
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || /=[^=]|={3}/.test(compact)) return `illegal base64 data at input byte ${compact.length}`;
  return undefined;
}
