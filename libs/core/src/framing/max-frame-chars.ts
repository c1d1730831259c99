/**
 * The default bound on one SSE frame or NDJSON line, in characters (UTF-16 code units; for ASCII
 * text, bytes): 8 MiB. The largest frames real upstreams send are a few MB (a base64 partial image, an
 * Ollama `/api/generate` done line with its `context` token array of a 128k-token window, ~1 MB, a
 * server-tool result block); 8 MiB leaves several times that while holding at most ~16 MiB of text per
 * stream (two bytes a code unit in the worst case).
 */
export const DEFAULT_MAX_FRAME_CHARS = 8 * 1024 * 1024;
