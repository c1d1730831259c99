/**
 * `ClientCodec.protocolHeaders` of both OpenAI formats: `openai-organization`, `openai-project`,
 * `openai-beta`... They mean something to OpenAI only, so a request translated for another family
 * leaves them behind.
 */
export const OPENAI_PROTOCOL_HEADERS = /^openai-/i;
