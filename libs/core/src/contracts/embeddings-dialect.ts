import type { EmbeddingsRequest, EmbeddingsResult } from '../embeddings/embeddings-request.js';
import type { UpstreamTransport } from './upstream.js';

/**
 * How a provider answers `POST /v1/embeddings` (OpenAI's wire format is the one client format for
 * embeddings). Embeddings are their own small operation, not forced through the chat IR.
 *
 * - `passthrough: true`: the upstream speaks OpenAI's embeddings API. The client's body (transformed,
 *   `model` aliased) is forwarded as is and the answer comes back with only `model` replaced by the
 *   client's name: `encoding_format` is honoured by the upstream, nothing is re-encoded.
 * - `passthrough: false`: the validated request is encoded for the upstream's own API, and its answer is
 *   decoded to float vectors; the router then renders OpenAI's list shape in the `encoding_format` the
 *   client asked for (base64 = little-endian float32, see `float32Base64`).
 */
export type EmbeddingsDialect = PassthroughEmbeddingsDialect | TranslatedEmbeddingsDialect;

interface EmbeddingsDialectBase {
  /** The upstream URL of the embeddings endpoint, given the model's endpoint (no trailing slash). */
  url(endpoint: string): string;
  /** A dialect that answers without the network (echo) brings its own transport; others use the provider's. */
  readonly transport?: UpstreamTransport;
}

export interface PassthroughEmbeddingsDialect extends EmbeddingsDialectBase {
  readonly passthrough: true;
}

export interface TranslatedEmbeddingsDialect extends EmbeddingsDialectBase {
  readonly passthrough: false;
  /**
   * The upstream body for `request` (already validated), addressed to `upstreamModel`. `body` is the
   * client's body after the request-stage transformations: a dialect may read upstream-specific extras
   * from it (fields no OpenAI client sends but a transformation can add). Throws a RouterError (400) for
   * what the upstream cannot take, before any call.
   */
  encodeRequest(request: EmbeddingsRequest, body: Readonly<Record<string, unknown>>, upstreamModel: string): Record<string, unknown>;
  /** The upstream's parsed success answer as float vectors (in input order) and the prompt's token count. */
  decodeResponse(parsed: unknown): EmbeddingsResult;
  /** Request fields of `body` the upstream does not take (dropped, named in `x-router-warnings`). */
  unsupportedFields(body: Readonly<Record<string, unknown>>): string[];
}
