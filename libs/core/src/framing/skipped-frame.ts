/** How much of a skipped frame a description quotes. */
const SNIPPET_CHARS = 80;

/**
 * The contract for a malformed upstream stream frame (an SSE event's data, an NDJSON line, that is not a
 * JSON object: a truncated chunk, a proxy's stray text): it is skipped, never forwarded, and the stream
 * goes on; the stream decoder or the passthrough path reports it with this description (the frame's name
 * and a single-line snippet of its start). Frames nested too deep or longer than the frame limit are not
 * "malformed" in this sense: they end the stream with an error, as before.
 */
export function describeSkippedFrame(what: string, data: string): string {
  const flat = data.slice(0, SNIPPET_CHARS * 2).replace(/\s+/g, ' ').trim();
  const snippet = flat.length <= SNIPPET_CHARS ? flat : `${flat.slice(0, SNIPPET_CHARS - 1)}…`;
  return `${what} that is not a JSON object skipped: ${JSON.stringify(snippet)}`;
}

/** True when `data` parses as a JSON object (the shape of every JSON frame of every family). */
export function isJsonObjectText(data: string): boolean {
  // Cheap first: every family's frames are objects, so text not shaped like one needs no parse.
  const text = data.trim();
  if (text.charCodeAt(0) !== 0x7b || text.charCodeAt(text.length - 1) !== 0x7d) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // Any failure, a stack overflow on absurd nesting included, is "not a JSON object".
    return false;
  }
}
