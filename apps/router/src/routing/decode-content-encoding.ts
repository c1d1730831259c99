import { RouterError, type UpstreamResponse } from '@llm-router/core';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The codings the router can undo (RFC 9110 §8.4.1); `identity` is none. */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The upstream body with its `Content-Encoding` undone. The router asks upstreams for identity, but a
 * proxy or a server that ignores `Accept-Encoding` may compress anyway; relaying those bytes under a
 * JSON or SSE content type (the header is hop-by-hop here, so it is dropped) would hand the client
 * garbage. gzip, deflate and br are decoded (stacked codings in reverse order); any other coding is
 * refused with a 502 and the body destroyed.
 *
 * The decoded stream is what callers read, so the size limits (readBody's cap, the parsers' frame
 * limits) count decoded bytes: a compression bomb stops at the cap. Destroying the decoded stream
 * destroys the upstream body (pipeline); a corrupt coding fails the decoded stream with zlib's error.
 */
export function decodeContentEncoding(response: UpstreamResponse, provider: string): UpstreamResponse {
  const header = response.headers['content-encoding'];
  if (header === undefined) return response;
  const codings = header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return withoutCodingHeaders(response, response.body);
  const unknown = codings.find((coding) => DECODERS[coding] === undefined);
  if (unknown !== undefined) {
    response.body.destroy();
    throw new RouterError('bad_gateway', `${provider} upstream answered with content-encoding '${unknown.slice(0, 40)}', which the router cannot decode`, {
      provider,
      retryable: false,
    });
  }
  let body: Readable = response.body;
  for (const coding of codings.reverse()) {
    const decoder = (DECODERS[coding] as () => Transform)();
    // Errors travel down the pipeline to its last stream, the one callers read (readBody and the pump
    // report them as bad_gateway); this callback only keeps pipeline from leaving them unhandled.
    body = pipeline(body, decoder, () => undefined);
  }
  return withoutCodingHeaders(response, body);
}

function withoutCodingHeaders(response: UpstreamResponse, body: Readable): UpstreamResponse {
  const { 'content-encoding': _coding, 'content-length': _length, ...headers } = response.headers;
  return { ...response, headers, body };
}
