import { DEFAULTS } from './config-defaults.js';
import type { CorsConfigDto } from './dto/cors-config.dto.js';
import type { ConfigFileDto } from './dto/config-file.dto.js';
import type { HeaderRulesConfigDto } from './dto/header-rules-config.dto.js';
import type { ModelConfigDto } from './dto/model-config.dto.js';
import type { RetryConfigDto } from './dto/retry-config.dto.js';
import type { ServerConfigDto } from './dto/server-config.dto.js';
import type { TransformationConfigDto } from './dto/transformation-config.dto.js';
import { parseFlags } from './parse-flags.js';
import { toAuth, toPricing, toRateLimits, toState } from './to-access-config.js';
import type { CorsConfig, HeaderRulesConfig, ModelConfig, RetryConfig, RouterConfig, ServerConfig, TransformationConfig } from './router-config.js';

const BYTES_PER_MB = 1024 * 1024;

/** Applies defaults and converts units (seconds -> ms, MB -> bytes). Only for a file `validateConfigFile` accepted. */
export function toRouterConfig(file: ConfigFileDto, source: string): RouterConfig {
  return {
    server: toServer(file.server ?? {}),
    models: Object.fromEntries([...file.models].map(([name, model]) => [name, toModel(name, model)])),
    headerRules: toHeaderRules(file.header_rules ?? {}),
    transformations: (file.transformations ?? []).map(toTransformation),
    source,
    ...(file.auth != null && { auth: toAuth(file.auth) }),
    state: toState(file.state ?? {}),
  };
}

function toServer(server: ServerConfigDto): ServerConfig {
  return {
    host: server.host ?? DEFAULTS.host,
    port: server.port ?? DEFAULTS.port,
    logLevel: server.log_level ?? DEFAULTS.logLevel,
    logRequests: server.log_requests ?? DEFAULTS.logRequests,
    logResponses: server.log_responses ?? DEFAULTS.logResponses,
    maskApiKeys: server.mask_api_keys ?? DEFAULTS.maskApiKeys,
    bodyLimitBytes: Math.floor((server.body_limit_mb ?? DEFAULTS.bodyLimitMb) * BYTES_PER_MB),
    maxInflightBodyBytes: Math.floor((server.max_inflight_body_mb ?? DEFAULTS.maxInflightBodyMb) * BYTES_PER_MB),
    maxJsonDepth: server.max_json_depth ?? DEFAULTS.maxJsonDepth,
    transformStepBudget: server.transform_step_budget ?? DEFAULTS.transformStepBudget,
    requestTimeoutMs: toMs(server.request_timeout ?? DEFAULTS.requestTimeoutSeconds),
    keepAliveTimeoutMs: toMs(server.keep_alive_timeout ?? DEFAULTS.keepAliveTimeoutSeconds),
    admin: { host: server.admin?.host ?? DEFAULTS.adminHost, port: server.admin?.port ?? DEFAULTS.adminPort },
    cors: toCors(server.cors ?? {}),
    shutdownGraceMs: (server.shutdown_grace_period ?? DEFAULTS.shutdownGracePeriodSeconds) * 1000,
    streamFrameLimitChars: Math.floor((server.stream_frame_limit_mb ?? DEFAULTS.streamFrameLimitMb) * BYTES_PER_MB),
  };
}

function toCors(cors: CorsConfigDto): CorsConfig {
  return {
    allowedOrigins: [...(cors.allowed_origins ?? DEFAULTS.corsAllowedOrigins)],
    allowedMethods: (cors.allowed_methods ?? DEFAULTS.corsAllowedMethods).map((m) => m.toUpperCase()),
    allowedHeaders: (cors.allowed_headers ?? DEFAULTS.corsAllowedHeaders).map((h) => h.toLowerCase()),
    maxAgeSeconds: cors.max_age ?? DEFAULTS.corsMaxAgeSeconds,
  };
}

function toModel(name: string, model: ModelConfigDto): ModelConfig {
  const timeout = model.timeout ?? DEFAULTS.timeoutSeconds;
  const endpoint = nonEmpty(model.endpoint);
  const apiKey = nonEmpty(model.api_key);
  return {
    name,
    provider: model.provider,
    ...(endpoint !== undefined && { endpoint }),
    api: model.api ?? DEFAULTS.api,
    ...(apiKey !== undefined && { apiKey }),
    timeoutMs: toMs(timeout),
    connectTimeoutMs: toMs(model.connect_timeout ?? DEFAULTS.connectTimeoutSeconds),
    streamIdleTimeoutMs: toMs(model.stream_idle_timeout ?? timeout),
    sslVerify: model.ssl_verify ?? DEFAULTS.sslVerify,
    actualModelName: model.actual_model_name ?? name,
    forwardClientCredentials: model.forward_client_credentials ?? DEFAULTS.forwardClientCredentials,
    ...(model.max_tokens != null && { maxTokens: model.max_tokens }),
    ...(model.max_output_tokens != null && { maxOutputTokens: model.max_output_tokens }),
    fetchImageUrls: model.fetch_image_urls ?? DEFAULTS.fetchImageUrls,
    reasoning: model.reasoning ?? DEFAULTS.reasoning,
    imageFetchMaxBytes: Math.floor((model.image_fetch_max_mb ?? DEFAULTS.imageFetchMaxMb) * BYTES_PER_MB),
    retry: toRetry(model.retry_config ?? {}),
    ...(model.header_rules != null && { headerRules: toHeaderRules(model.header_rules) }),
    transformations: (model.transformations ?? []).map(toTransformation),
    ...(model.pricing != null && { pricing: toPricing(model.pricing) }),
    ...(model.limits != null && { limits: toRateLimits(model.limits) }),
  };
}

function toRetry(retry: RetryConfigDto): RetryConfig {
  return {
    maxRetries: retry.max_retries ?? DEFAULTS.maxRetries,
    retryStatusCodes: [...(retry.retry_status_codes ?? DEFAULTS.retryStatusCodes)],
    backoffFactor: retry.backoff_factor ?? DEFAULTS.backoffFactor,
    initialDelayMs: toMs(retry.initial_delay ?? DEFAULTS.initialDelaySeconds),
    maxDelayMs: toMs(retry.max_delay ?? DEFAULTS.maxDelaySeconds),
  };
}

function toHeaderRules(rules: HeaderRulesConfigDto): HeaderRulesConfig {
  return {
    dropAll: rules.drop_all ?? false,
    dropHeaders: [...(rules.drop_headers ?? [])],
    addHeaders: copyMap(rules.add_headers),
    forceHeaders: copyMap(rules.force_headers),
  };
}

function toTransformation(transformation: TransformationConfigDto): TransformationConfig {
  // The validator rejects keys another type does not use, so only this type's keys are present.
  return {
    name: transformation.name,
    type: transformation.type,
    enabled: transformation.enabled ?? DEFAULTS.transformationEnabled,
    ...(transformation.pattern != null && { pattern: transformation.pattern }),
    ...(transformation.replacement != null && { replacement: transformation.replacement }),
    ...(transformation.flags != null && { flags: parseFlags(transformation.flags) }),
    ...(transformation.path != null && { path: transformation.path }),
    ...(transformation.type === 'jsonpath_add' && { value: transformation.value }),
    stage: transformation.stage ?? DEFAULTS.transformationStage,
  };
}

function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

/** An empty string (e.g. from `${VAR:-}`) counts as absent. */
function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === '' ? undefined : value;
}

// Spread keeps a `__proto__` header name an own property (object literals define, not assign).
function copyMap(map: Record<string, string> | null | undefined): Record<string, string> {
  return { ...(map ?? {}) };
}
