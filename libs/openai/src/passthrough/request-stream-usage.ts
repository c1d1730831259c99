/**
 * `ClientCodec.requestStreamUsage` for both OpenAI formats: sets `stream_options.include_usage: true` on a
 * passthrough stream's body (the other stream options are kept) and returns true when the client had not
 * asked for usage itself, so the router drops the usage chunk it would not have received. Mutates `body`.
 */
export function requestStreamUsage(body: Record<string, unknown>): boolean {
  const options = body['stream_options'];
  const asked = typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : undefined;
  if (asked?.['include_usage'] === true) return false;
  body['stream_options'] = { ...asked, include_usage: true };
  return true;
}
