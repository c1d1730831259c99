const decoder = new TextDecoder();

/** Text of a chunk or body as logged: bytes decoded as UTF-8, strings as they are. */
export function textOf(chunk: string | Uint8Array): string {
  return typeof chunk === 'string' ? chunk : decoder.decode(chunk);
}
