// The resolved access config (`auth`, `state`, `models.<name>.pricing/limits`): camelCase, defaults applied,
// durations in ms. Structurally equal to @llm-router/access's settings types, so the app passes these in as
// they are. Client keys are held only as their SHA-256: the plaintext from the file is hashed while
// resolving and never kept.

export interface RateLimitsConfig {
  /** Requests per fixed 60 s window. */
  rpm?: number;
  /** Tokens (input + output) per fixed 60 s window. */
  tpm?: number;
  maxParallel?: number;
}

export interface BudgetConfig {
  /** Exactly one of `usd` and `tokens`. */
  usd?: number;
  tokens?: number;
  /** As written (`30d`). */
  period: string;
  periodMs: number;
}

export interface ClientKeyConfig {
  name: string;
  /** Lowercase hex SHA-256 of the key; absent for a policy-only entry (JWT callers of that name). */
  keySha256?: string;
  /** Globs (`*`, `?`); `['*']` when the file sets none. */
  models: string[];
  limits: RateLimitsConfig;
  budget?: BudgetConfig;
}

export interface JwtConfig {
  issuer: string;
  audience: string[];
  jwksUrl: string;
  keyFromClaim: string;
  clockToleranceMs: number;
  jwksCacheMaxAgeMs: number;
  jwksCooldownMs: number;
  jwksTimeoutMs: number;
  /** The policy of a JWT caller without an `auth.keys` entry of its name. */
  models: string[];
  limits: RateLimitsConfig;
  budget?: BudgetConfig;
}

export interface AuthConfig {
  keys: ClientKeyConfig[];
  jwt?: JwtConfig;
}

export type StateStoreKind = 'memory' | 'redis';
export type OnStoreError = 'fail_closed' | 'fail_open';

export interface StateConfig {
  store: StateStoreKind;
  url?: string;
  onError: OnStoreError;
  timeoutMs: number;
  reservationTtlMs: number;
  memoryMaxKeys: number;
}

export interface ModelPricingConfig {
  inputPerMtok: number;
  outputPerMtok: number;
  cachedInputPerMtok?: number;
}
