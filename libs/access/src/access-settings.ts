// The resolved settings the lib works from: the same shape as @llm-router/config's `auth`, `state` and
// `models.<name>.pricing/limits` (this lib may not import config, so the shapes are repeated here and kept
// structurally equal; the app passes its RouterConfig parts straight in).

export interface RateLimitSettings {
  /** Requests per fixed 60 s window. */
  rpm?: number;
  /** Tokens (input + output, cached input included) per fixed 60 s window. */
  tpm?: number;
  /** Requests in flight at once. */
  maxParallel?: number;
}

export interface BudgetSettings {
  /** Exactly one of `usd` and `tokens` is set. */
  usd?: number;
  tokens?: number;
  /** The period as written (`30d`), for messages. */
  period: string;
  periodMs: number;
}

export interface ClientKeySettings {
  /** Appears in logs and metrics; the key itself never does. */
  name: string;
  /** Lowercase hex SHA-256 of the key. Absent: a policy-only entry, reachable only through a JWT naming it. */
  keySha256?: string;
  /** Router model names it may use, as globs (`*`, `?`); `['*']` by default. */
  models: readonly string[];
  limits: RateLimitSettings;
  budget?: BudgetSettings;
}

export interface JwtSettings {
  issuer: string;
  audience: readonly string[];
  jwksUrl: string;
  /** The claim naming the caller; its policy is the `keys` entry of that name, else the defaults below. */
  keyFromClaim: string;
  clockToleranceMs: number;
  jwksCacheMaxAgeMs: number;
  /** Least time between two JWKS fetches caused by an unknown `kid`. */
  jwksCooldownMs: number;
  jwksTimeoutMs: number;
  /** The policy of a JWT caller that has no `keys` entry. */
  models: readonly string[];
  limits: RateLimitSettings;
  budget?: BudgetSettings;
}

export interface AuthSettings {
  keys: readonly ClientKeySettings[];
  jwt?: JwtSettings;
}

export type StateStoreKind = 'memory' | 'redis';
export type OnStoreError = 'fail_closed' | 'fail_open';

export interface StateSettings {
  store: StateStoreKind;
  /** ioredis URL (`redis://`, `rediss://`, password in the URL); required for `redis`. */
  url?: string;
  onError: OnStoreError;
  /** A store operation not answered within this counts as a store failure for that request. */
  timeoutMs: number;
  /** Every reservation (tokens, budget, in-flight lease) expires after this unless settled or extended. */
  reservationTtlMs: number;
  /** The memory store's bound on counters held at once. */
  memoryMaxKeys: number;
}

export interface ModelPricingSettings {
  /** USD per million tokens. */
  inputPerMtok: number;
  outputPerMtok: number;
  /** USD per million cached input tokens; the input price when absent. */
  cachedInputPerMtok?: number;
}

export interface ModelAccessSettings {
  pricing?: ModelPricingSettings;
  limits?: RateLimitSettings;
  /** The model's `forward_client_credentials`: refused together with `auth` (the client's credential is the router key). */
  forwardClientCredentials?: boolean;
}
