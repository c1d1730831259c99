import type { AuthConfig, ModelPricingConfig, RateLimitsConfig, StateConfig } from './access-config.js';

// The resolved config: camelCase, defaults applied, durations in milliseconds. Other libs code against these.

export interface RouterConfig {
  server: ServerConfig;
  /** Keyed by the client-facing model name (what clients send as `model`). */
  models: Record<string, ModelConfig>;
  /** Global rules (defaults: dropAll false, empty lists and maps). */
  headerRules: HeaderRulesConfig;
  /** Global transformations, in file order. */
  transformations: TransformationConfig[];
  /** The file path the config was loaded from, or the label the caller gave `parseConfig`. */
  source: string;
  /** Client keys and JWTs; absent: no authentication (the router behaves as without an access layer). */
  auth?: AuthConfig;
  /** Where limits and budgets are counted (default: memory, fail_closed). */
  state: StateConfig;
}

/** pino's level names, most verbose first; `silent` logs nothing. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  host: string;
  port: number;
  /** The logger's level. The per-request line is `info` (`warn` for 5xx and aborted requests). */
  logLevel: LogLevel;
  logRequests: boolean;
  logResponses: boolean;
  maskApiKeys: boolean;
  bodyLimitBytes: number;
  /** The sum of request bodies being received or handled at once, bytes; beyond it new bodies get a 503. */
  maxInflightBodyBytes: number;
  /** How deep a request body's JSON may nest; deeper bodies are a 400 before anything parses them. */
  maxJsonDepth: number;
  /** Regex work (engine steps) the transformations may spend on one request; beyond it the request is a 400. */
  transformStepBudget: number;
  /** Time allowed to receive a whole request (headers and body) from the client, ms; then 408. Not response time. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests, ms. */
  keepAliveTimeoutMs: number;
  /** The operator listener: `/metrics` (and `/health/live`) are served there and never on `host:port`. */
  admin: AdminListenerConfig;
  /** Cross-origin (browser) access; off while `allowedOrigins` is empty. */
  cors: CorsConfig;
  /** How long in-flight requests and streams may run after SIGTERM before they are closed, ms. */
  shutdownGraceMs: number;
  /**
   * Longest upstream SSE frame or NDJSON line, in characters (UTF-16 code units: bytes for ASCII, never
   * more than the byte count); a longer one ends the stream with an in-band 502.
   */
  streamFrameLimitChars: number;
}

export interface AdminListenerConfig {
  host: string;
  /** 0 picks a free port (the `admin listening` log line names it). */
  port: number;
}

export interface CorsConfig {
  /** Exact origins (`https://app.example.com`), or `*` for any; empty: CORS off, no preflight is answered. */
  allowedOrigins: string[];
  /** Upper-case method names answered in `Access-Control-Allow-Methods`. */
  allowedMethods: string[];
  /** Request header names a preflight may ask for (lower-case; `*` for any but `authorization`). */
  allowedHeaders: string[];
  /** `Access-Control-Max-Age`, seconds. */
  maxAgeSeconds: number;
}

export interface RetryConfig {
  maxRetries: number;
  retryStatusCodes: number[];
  backoffFactor: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface HeaderRulesConfig {
  dropAll: boolean;
  /** Exact names (compare case-insensitively) or `/regex/flags`, as written; not compiled here. */
  dropHeaders: string[];
  /** Set when absent. Names keep their case as written. */
  addHeaders: Record<string, string>;
  /** Set, overriding. Names keep their case as written. */
  forceHeaders: Record<string, string>;
}

export type TransformationType = 'regex_replace' | 'jsonpath_drop' | 'jsonpath_add';

/**
 * When a transformation runs: `request`, on the client's body before translation (its wire format);
 * `upstream`, on the body in the upstream's wire format just before it is sent (after translation, or on
 * passthrough after aliasing).
 */
export type TransformationStage = 'request' | 'upstream';

export interface TransformationConfig {
  name: string;
  type: TransformationType;
  enabled: boolean;
  /** regex_replace only; not compiled here. */
  pattern?: string;
  /** regex_replace only; may be empty. */
  replacement?: string;
  /** regex_replace only: flag tokens as written (`["IGNORECASE","MULTILINE"]`, `["i","m"]`); the transforms lib interprets them. */
  flags?: string[];
  /** jsonpath_drop and jsonpath_add; not compiled here. */
  path?: string;
  /** jsonpath_add only: any YAML value, `null` included. */
  value?: unknown;
  /** Default `request`. */
  stage: TransformationStage;
}

/**
 * Which OpenAI APIs an `openai` model's server speaks:
 * - `auto` (the default): both, as OpenAI's own API does. Chat and legacy completions clients are passed
 *   through to `/chat/completions` and `/completions`, Responses clients to `/responses`; Anthropic clients
 *   are translated to chat.
 * - `chat`: chat (and legacy completions) only, as most OpenAI-compatible servers (vLLM, LiteLLM, llama.cpp):
 *   Responses clients are translated to chat.
 * - `responses`: `/responses` only (models such as `gpt-5-codex`): Responses clients are passed through,
 *   every other format is translated to it.
 */
export type ModelApi = 'auto' | 'chat' | 'responses';

/**
 * The fields of one upstream, resolved: a seed model's own, or one deployment's (the model's values as
 * defaults). `name` is always the client-facing model name.
 */
export interface UpstreamModelConfig {
  /** The client-facing name (the key under `models`). */
  name: string;
  /** Not checked against a list here: the app knows which providers exist. */
  provider: string;
  /** An http(s) URL, as written. */
  endpoint?: string;
  /** `auto` unless the model says `api: chat` or `api: responses` (only openai models may). */
  api: ModelApi;
  apiKey?: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  streamIdleTimeoutMs: number;
  sslVerify: boolean;
  actualModelName: string;
  forwardClientCredentials: boolean;
  /** Default output cap when a client sends none and the upstream requires one (Anthropic); else 4096 there. */
  maxTokens?: number;
  /** The model's ceiling on output tokens: larger client values are clamped (with a warning), never refused. */
  maxOutputTokens?: number;
  /**
   * Whether the upstream model accepts a reasoning control (OpenAI `reasoning_effort`, Anthropic `thinking`,
   * Ollama `think`). false: a client's thinking request is dropped, with a warning, when translating.
   */
  reasoning: boolean;
  /** Whether image URLs may be downloaded and inlined for upstreams that take only base64 (Ollama). */
  fetchImageUrls: boolean;
  /** Largest image the router downloads for `fetchImageUrls`, in bytes. */
  imageFetchMaxBytes: number;
  retry: RetryConfig;
  /** The model's own rules only; the app layers them over the global ones. */
  headerRules?: HeaderRulesConfig;
  /** The model's own list only ([] when none); the app runs them after the global ones. */
  transformations: TransformationConfig[];
}

/** One deployment of a model: a full upstream config plus its identity, share and tier. */
export interface ResolvedDeployment extends UpstreamModelConfig {
  /**
   * Identity across reloads (health state is kept per key), never a secret:
   * `<model>#<name|index>|<provider>|<endpoint without userinfo, query or fragment>|<actual_model_name>`.
   */
  key: string;
  /** What logs, metrics and `x-router-deployment` show: the deployment's `name`, else its index ("0", "1"...). */
  label: string;
  /** Position in `deployments` (0 for the seed's single-deployment form). */
  index: number;
  /** Relative share for `weighted` (>= 0, default 1). */
  weight: number;
  /** Tier: lower first (integer >= 0, default 0). */
  priority: number;
  /** Where its fields are written, for problems: `models.<name>` (seed form) or `models.<name>.deployments[<i>]`. */
  path: string;
}

export type LoadBalancing = 'weighted' | 'least_busy' | 'latency' | 'ordered';

/** A `fallback_on` entry: an upstream status, or a failure class. */
export type FallbackOnEntry = number | 'timeout' | 'network';

export interface ModelRoutingConfig {
  cooldown: {
    /** Consecutive failures before a deployment is taken out of rotation. */
    allowedFails: number;
    /** First time out, ms. */
    cooldownMs: number;
  };
  fallbackOn: FallbackOnEntry[];
}

/**
 * A router model. Its top-level upstream fields are its first deployment's, so code that knows one upstream
 * per model keeps working; `deployments` lists them all (the seed's form: exactly one).
 */
export interface ModelConfig extends UpstreamModelConfig {
  /** At least one; `deployments[0]` holds the same upstream fields as the model's top level. */
  deployments: ResolvedDeployment[];
  /** Other model names, tried in order when every deployment failed with a `fallback_on` failure. */
  fallbacks: string[];
  /** Other model names tried instead on a context-length error. */
  contextWindowFallbacks: string[];
  loadBalancing: LoadBalancing;
  /** From the response headers to a stream's first content, ms; then the request fails over. Absent: no limit of its own. */
  firstTokenTimeoutMs?: number;
  /** The global `routing:` with the model's overrides. */
  routing: ModelRoutingConfig;
  /** USD per million tokens, for USD budgets. */
  pricing?: ModelPricingConfig;
  /** Model-wide limits, counted per router model name on top of each caller's. */
  limits?: RateLimitsConfig;
}
