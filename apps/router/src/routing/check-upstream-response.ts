import { RouterError, type UpstreamResponse } from '@llm-router/core';
import { decodeContentEncoding } from './decode-content-encoding.js';

const STREAM_TYPES = /^\s*(text\/event-stream|application\/x-ndjson)\s*(;|$)/i;
// text/plain too: some OpenAI-compatible servers label JSON so; the body is parsed (and refused if not JSON) anyway.
const JSON_TYPES = /^\s*(application\/([\w.+-]+\+)?json|text\/plain)\s*(;|$)/i;

/**
 * Validates an upstream response before anything of it reaches the client; throws a bad_gateway
 * RouterError (502 in the client's format, the body destroyed) for:
 * - a status outside 2xx/4xx/5xx: an invalid one (0, 600, 999: Node would refuse to write it to the
 *   client, and the stream would hang), a 1xx final status, or a 3xx redirect (got follows none, and
 *   its `Location` names an address the client must not see);
 * - a success answer of the wrong kind: a stream whose content type is neither SSE nor NDJSON, or a
 *   non-streamed answer with a content type that is neither JSON nor text/plain (an HTML login page of
 *   a proxy). A missing content type is let through: the body itself is then checked (parseUpstreamJson,
 *   the parsers).
 * Error statuses (4xx/5xx) keep any content type: the provider's error classifier reads them.
 * The body comes back decoded (see decodeContentEncoding).
 */
export function checkUpstreamResponse(response: UpstreamResponse, stream: boolean, provider: string): UpstreamResponse {
  const { status } = response;
  const refuse = (what: string): never => {
    response.body.destroy();
    throw new RouterError('bad_gateway', `${provider} upstream answered with ${what}`, { provider, retryable: false });
  };
  if (!Number.isInteger(status) || status < 200 || status > 599) refuse(`an invalid HTTP status (${String(status)})`);
  if (status >= 300 && status < 400) refuse(`a redirect (HTTP ${status}), which the router does not follow`);
  if (status < 300) {
    const type = response.headers['content-type'];
    if (type !== undefined && !(stream ? STREAM_TYPES : JSON_TYPES).test(type)) {
      refuse(`content-type '${type.slice(0, 80)}' where ${stream ? 'an SSE or NDJSON stream' : 'JSON'} was due (HTTP ${status})`);
    }
  }
  return decodeContentEncoding(response, provider);
}
