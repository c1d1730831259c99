import { DEFAULTS } from './config-defaults.js';
import type { CorsConfigDto } from './dto/cors-config.dto.js';
import type { ConfigFileDto } from './dto/config-file.dto.js';
import type { HeaderRulesConfigDto } from './dto/header-rules-config.dto.js';
import type { DeploymentConfigDto } from './dto/deployment-config.dto.js';
import { LOAD_BALANCING_NAMES, type ModelConfigDto } from './dto/model-config.dto.js';
import type { RetryConfigDto } from './dto/retry-config.dto.js';
import { FALLBACK_ON_CLASSES, type RoutingConfigDto } from './dto/routing-config.dto.js';
import type { ServerConfigDto } from './dto/server-config.dto.js';
import type { TransformationConfigDto } from './dto/transformation-config.dto.js';
import type { UpstreamConfigDto } from './dto/upstream-config.dto.js';
import { parseFlags } from './parse-flags.js';
import { toAuth, toPricing, toRateLimits, toState } from './to-access-config.js';
import type {
  CorsConfig,
  FallbackOnEntry,
  HeaderRulesConfig,
  LoadBalancing,
  ModelConfig,
  ModelRoutingConfig,
  ResolvedDeployment,
  RetryConfig,
  RouterConfig,
  ServerConfig,
  TransformationConfig,
  UpstreamModelConfig,
} from './router-config.js';

const BYTES_PER_MB = 1024 * 1024;

/** Applies defaults and converts units (seconds -> ms, MB -> bytes). Only for a file `validateConfigFile` accepted. */
export function toRouterConfig(file: ConfigFileDto, source: string): RouterConfig {
  return {
    server: toServer(file.server ?? {}),
    models: Object.fromEntries([...file.models].map(([name, model]) => [name, toModel(name, model, file.routing ?? {})])),
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

function toModel(name: string, model: ModelConfigDto, routing: RoutingConfigDto): ModelConfig {
  const written = model.deployments;
  const deployments: ResolvedDeployment[] =
    written == null
      ? [toDeployment(name, model, undefined, 0, `models.${name}`)]
      : written.flatMap((deployment, index) => (deployment === null ? [] : [toDeployment(name, model, deployment, index, `models.${name}.deployments[${index}]`)]));
  const [first] = deployments;
  if (first === undefined) throw new Error(`model ${name} has no deployment (the validator requires one)`);
  const { key: _key, label: _label, index: _index, weight: _weight, priority: _priority, path: _path, ...upstream } = first;
  return {
    ...upstream,
    deployments,
    fallbacks: [...(model.fallbacks ?? [])],
    contextWindowFallbacks: [...(model.context_window_fallbacks ?? [])],
    loadBalancing: toLoadBalancing(model.load_balancing),
    ...(model.first_token_timeout != null && { firstTokenTimeoutMs: toMs(model.first_token_timeout) }),
    routing: toRouting(model.routing ?? {}, routing),
    ...(model.pricing != null && { pricing: toPricing(model.pricing) }),
    ...(model.limits != null && { limits: toRateLimits(model.limits) }),
  };
}

/** The upstream fields a seed model or a deployment may write; `provider` is optional on a deployment. */
type UpstreamFieldsDto = UpstreamConfigDto & { provider?: string | null };

/** One deployment: its own fields, the model's as shallow defaults (a written `null` counts as absent). */
function toDeployment(name: string, model: ModelConfigDto, deployment: DeploymentConfigDto | undefined, index: number, path: string): ResolvedDeployment {
  const upstream = toUpstream(name, <K extends keyof UpstreamFieldsDto>(key: K): UpstreamFieldsDto[K] => deployment?.[key] ?? model[key]);
  const label = deployment?.name ?? String(index);
  return {
    ...upstream,
    key: `${name}#${label}|${upstream.provider}|${endpointIdentity(upstream.endpoint)}|${upstream.actualModelName}`,
    label,
    index,
    weight: deployment?.weight ?? DEFAULTS.deploymentWeight,
    priority: deployment?.priority ?? DEFAULTS.deploymentPriority,
    path,
  };
}

function toUpstream(name: string, field: <K extends keyof UpstreamFieldsDto>(key: K) => UpstreamFieldsDto[K]): UpstreamModelConfig {
  const timeout = field('timeout') ?? DEFAULTS.timeoutSeconds;
  const endpoint = nonEmpty(field('endpoint'));
  const apiKey = nonEmpty(field('api_key'));
  const maxTokens = field('max_tokens');
  const maxOutputTokens = field('max_output_tokens');
  const headerRules = field('header_rules');
  return {
    name,
    // The validator requires a provider on the deployment or the model.
    provider: field('provider') ?? '',
    ...(endpoint !== undefined && { endpoint }),
    api: field('api') ?? DEFAULTS.api,
    ...(apiKey !== undefined && { apiKey }),
    timeoutMs: toMs(timeout),
    connectTimeoutMs: toMs(field('connect_timeout') ?? DEFAULTS.connectTimeoutSeconds),
    streamIdleTimeoutMs: toMs(field('stream_idle_timeout') ?? timeout),
    sslVerify: field('ssl_verify') ?? DEFAULTS.sslVerify,
    actualModelName: field('actual_model_name') ?? name,
    forwardClientCredentials: field('forward_client_credentials') ?? DEFAULTS.forwardClientCredentials,
    ...(maxTokens != null && { maxTokens }),
    ...(maxOutputTokens != null && { maxOutputTokens }),
    fetchImageUrls: field('fetch_image_urls') ?? DEFAULTS.fetchImageUrls,
    reasoning: field('reasoning') ?? DEFAULTS.reasoning,
    imageFetchMaxBytes: Math.floor((field('image_fetch_max_mb') ?? DEFAULTS.imageFetchMaxMb) * BYTES_PER_MB),
    retry: toRetry(field('retry_config') ?? {}),
    ...(headerRules != null && { headerRules: toHeaderRules(headerRules) }),
    transformations: (field('transformations') ?? []).map(toTransformation),
  };
}

/** The endpoint as it may appear in a deployment key: no userinfo, query or fragment (they may hold secrets). */
function endpointIdentity(endpoint: string | undefined): string {
  if (endpoint === undefined) return '';
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString();
  } catch {
    return '';
  }
}

function toLoadBalancing(written: string | null | undefined): LoadBalancing {
  return LOAD_BALANCING_NAMES.find((name) => name === written) ?? DEFAULTS.loadBalancing;
}

/** The model's `routing:` over the global one, key by key. */
function toRouting(model: RoutingConfigDto, global: RoutingConfigDto): ModelRoutingConfig {
  const fallbackOn = model.fallback_on ?? global.fallback_on ?? DEFAULTS.fallbackOn;
  return {
    cooldown: {
      allowedFails: model.cooldown?.allowed_fails ?? global.cooldown?.allowed_fails ?? DEFAULTS.allowedFails,
      cooldownMs: toMs(model.cooldown?.cooldown_time ?? global.cooldown?.cooldown_time ?? DEFAULTS.cooldownTimeSeconds),
    },
    // The validator admits only statuses and FALLBACK_ON_CLASSES.
    fallbackOn: fallbackOn.flatMap((entry): FallbackOnEntry[] => (typeof entry === 'number' ? [entry] : FALLBACK_ON_CLASSES.filter((name) => name === entry))),
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
