import type { ModelConfig, ResolvedDeployment } from '@llm-router/config';
import type { ClientFormat, HeaderMap, ProviderAdapter, SendOptions, UpstreamTransport } from '@llm-router/core';
import type { CompiledHeaderRules } from '@llm-router/header-rules';
import type { RetryPolicy } from '@llm-router/retry';
import type { CompiledTransformations } from '@llm-router/transforms';

/**
 * Everything needed to serve one configured model, compiled once at boot: the provider, its URL per
 * client format, the layered header rules and transformations, the retry policy and send options.
 * Nothing here is recomputed per request.
 */
export interface Route {
  /** The model name clients send. */
  readonly name: string;
  /** The model, with this deployment's upstream fields at its top level (see deploymentModel). */
  readonly model: ModelConfig;
  /** The deployment this Route sends to (the seed form's one deployment for a single-upstream model). */
  readonly deployment: ResolvedDeployment;
  /** Every deployment of the model, this one included, in config order (the same array for all of them). */
  readonly deployments: readonly Route[];
  readonly adapter: ProviderAdapter;
  readonly transport: UpstreamTransport;
  /** The model's endpoint, or the provider's default; translated requests go to `endpoint + path`. */
  readonly endpoint: string;
  /** Upstream URL for each client format the provider speaks natively. */
  readonly urls: Partial<Record<ClientFormat, string>>;
  readonly headerRules: CompiledHeaderRules;
  /** `stage: request` rules (the default): on the client's body as it arrived, before translation. */
  readonly transforms: CompiledTransformations;
  /** `stage: upstream` rules: on the body in the upstream's wire format (after translation or aliasing), just before it is sent. */
  readonly upstreamTransforms: CompiledTransformations;
  readonly retry: RetryPolicy;
  readonly send: Omit<SendOptions, 'signal'>;
  /** Headers the router owns on every upstream request: provider auth from the configured key, content type. */
  readonly routerHeaders: HeaderMap;
  /** Longest upstream SSE frame / NDJSON line (`server.stream_frame_limit_mb`), in characters. */
  readonly streamFrameLimitChars: number;
}
