/**
 * Known secrets shorter than this are not matched literally: a configured key like `ollama` or
 * `test` is no secret, and replacing every occurrence of such a word would wreck the log or the
 * answer (in logs they are still masked by name in credential headers and fields, and by the key
 * patterns).
 */
export const MIN_LITERAL_SECRET_LENGTH = 8;
