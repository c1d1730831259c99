/** `ClientCodec.terminalFrame` for both OpenAI formats: the successful end of a stream (§0.2). */
export const DONE_FRAME = 'data: [DONE]\n\n';
