import type { ClientFormat } from '../client-format.js';
import type { RouterError } from '../errors/router-error.js';
import type { HeaderMap } from '../http/header-map.js';
import type { EmbeddingsDialect } from './embeddings-dialect.js';
import type { UpstreamCodec } from './translation.js';
import type { UpstreamTransport } from './upstream.js';

/**
 * One upstream provider (`openai`, `anthropic`, `echo`, ...). Registered by name in the app's provider
 * registry; nothing outside that registry branches on the provider name.
 */
export interface ProviderAdapter {
  readonly provider: string;
  /** Client formats this provider speaks natively: requests in them are passed through untouched. */
  readonly nativeFormats: readonly ClientFormat[];
  /** The endpoint used when a model configures none (the provider's public API); absent = required. */
  readonly defaultEndpoint?: string;
  /** Where a request of `format` goes, given the model's configured `endpoint`. */
  url(endpoint: string, format: ClientFormat): string;
  /** The provider's auth headers for the configured key (`Authorization: Bearer`, `x-api-key`, ...). */
  authHeaders(apiKey: string): HeaderMap;
  /** Headers the upstream requires; set only when the client did not send them (`anthropic-version`). */
  readonly requiredHeaders: HeaderMap;
  /**
   * An upstream error response as a RouterError: status kept, message prefixed with the provider,
   * `retryable` and `retryAfterMs` filled in from the status and headers.
   */
  classifyError(status: number, body: string, headers: HeaderMap): RouterError;
  /**
   * How to reach this provider from the client formats it does not speak natively. Absent: only its
   * native formats are served.
   */
  readonly translation?: UpstreamCodec;
  /** The URL of the provider's token counting endpoint, when it has one (Anthropic). */
  countTokensUrl?(endpoint: string): string;
  /** A provider that answers without the network (echo) brings its own transport; others use HTTP. */
  readonly transport?: UpstreamTransport;
  /** How `POST /v1/embeddings` reaches this provider. Absent: it has no embeddings API (a 400 names the provider). */
  readonly embeddings?: EmbeddingsDialect;
}
