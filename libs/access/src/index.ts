// Public API of @llm-router/access: who is calling (keys, JWTs), what they may use (model globs), how much
// (rpm, tpm, max_parallel, budgets) as decisions over a shared StateStore (memory or Redis). No HTTP, no Nest:
// the app adapts these decisions on its request path (see README "Wiring").
export { systemClock, type AccessClock } from './access-clock.js';
export type {
  AuthSettings,
  BudgetSettings,
  ClientKeySettings,
  JwtSettings,
  ModelAccessSettings,
  ModelPricingSettings,
  OnStoreError,
  RateLimitSettings,
  StateSettings,
  StateStoreKind,
} from './access-settings.js';
export type { AccessDenied, DenyReason } from './access-decision.js';
export type { LimitState, RateLimitNumbers } from './rate-limit-numbers.js';
export type { Caller, CallerPolicy } from './caller.js';
export { AccessPolicy, hashName, JWT_CALLER_LABEL, type AccessPolicySettings, type ModelPolicy } from './access-policy.js';
export { Authenticator, type AuthenticatorOptions } from './authenticator.js';
export { extractCredential, type RequestHeaders } from './extract-credential.js';
export { KeyRegistry } from './key-registry.js';
export { compileModelGlobs, type ModelMatcher } from './model-matcher.js';
export { JwtVerifier, looksLikeJwt, type JwtVerification, type JwtVerifierOptions } from './jwt-verifier.js';
export {
  AccessLimiter,
  MINUTE_MS,
  type AccessAdmitted,
  type AccessLimiterOptions,
  type AccessTicket,
  type AdmitRequest,
  type StoreOperationName,
} from './access-limiter.js';
export type { CounterCharge, ExtendOperation, MaybePromise, ReserveOperation, ReserveResult, SettleEntry, SettleOperation, StateStore } from './state-store.js';
export { MemoryStateStore, type MemoryStateStoreOptions } from './memory-state-store.js';
export { DEFAULT_REDIS_PREFIX, RedisStateStore, type RedisStateStoreOptions } from './redis-state-store.js';
export { createStateStore, type CreateStateStoreOptions } from './create-state-store.js';
export { MICRO_USD_PER_USD, usageCostMicroUsd, usageTokens } from './usage-cost.js';
export { estimateTokensFromLength } from './estimate-tokens.js';
export { formatOpenAiDuration, renderOpenAiRateLimitHeaders } from './render-openai-rate-limit-headers.js';
export { renderAnthropicRateLimitHeaders } from './render-anthropic-rate-limit-headers.js';
export { accessErrorFor, type AccessClientFamily, type AccessError } from './access-error-for.js';
export { sha256Hex } from './sha256-hex.js';
