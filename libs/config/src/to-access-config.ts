import { createHash } from 'node:crypto';
import type { AuthConfig, BudgetConfig, ClientKeyConfig, JwtConfig, ModelPricingConfig, RateLimitsConfig, StateConfig } from './access-config.js';
import { ACCESS_DEFAULTS } from './access-defaults.js';
import type { AuthConfigDto } from './dto/auth-config.dto.js';
import type { BudgetConfigDto } from './dto/budget-config.dto.js';
import type { ClientKeyConfigDto } from './dto/client-key-config.dto.js';
import { parsePeriodMs } from './dto/access-rules.js';
import type { JwtConfigDto } from './dto/jwt-config.dto.js';
import type { ModelPricingConfigDto } from './dto/model-pricing-config.dto.js';
import type { RateLimitsConfigDto } from './dto/rate-limits-config.dto.js';
import type { StateConfigDto } from './dto/state-config.dto.js';

// Resolves the access blocks of a validated file. Seconds become ms; keys become their SHA-256.

export function toAuth(auth: AuthConfigDto): AuthConfig {
  return {
    keys: (auth.keys ?? []).map(toClientKey),
    ...(auth.jwt != null && { jwt: toJwt(auth.jwt) }),
  };
}

export function toState(state: StateConfigDto): StateConfig {
  const url = state.url ?? undefined;
  return {
    store: state.store ?? ACCESS_DEFAULTS.store,
    ...(url !== undefined && url !== '' && { url }),
    onError: state.on_error ?? ACCESS_DEFAULTS.onError,
    timeoutMs: toMs(state.timeout ?? ACCESS_DEFAULTS.stateTimeoutSeconds),
    reservationTtlMs: toMs(state.reservation_ttl ?? ACCESS_DEFAULTS.reservationTtlSeconds),
    memoryMaxKeys: state.memory_max_keys ?? ACCESS_DEFAULTS.memoryMaxKeys,
  };
}

export function toRateLimits(limits: RateLimitsConfigDto | null | undefined): RateLimitsConfig {
  return {
    ...(limits?.rpm != null && { rpm: limits.rpm }),
    ...(limits?.tpm != null && { tpm: limits.tpm }),
    ...(limits?.max_parallel != null && { maxParallel: limits.max_parallel }),
  };
}

export function toPricing(pricing: ModelPricingConfigDto): ModelPricingConfig {
  return {
    inputPerMtok: pricing.input_per_mtok,
    outputPerMtok: pricing.output_per_mtok,
    ...(pricing.cached_input_per_mtok != null && { cachedInputPerMtok: pricing.cached_input_per_mtok }),
  };
}

function toClientKey(key: ClientKeyConfigDto): ClientKeyConfig {
  const digest = key.key != null ? createHash('sha256').update(key.key, 'utf8').digest('hex') : key.key_sha256?.toLowerCase();
  return {
    name: key.name,
    ...(digest !== undefined && { keySha256: digest }),
    models: [...(key.models ?? ['*'])],
    limits: toRateLimits(key.limits),
    ...(key.budget != null && { budget: toBudget(key.budget) }),
  };
}

function toJwt(jwt: JwtConfigDto): JwtConfig {
  return {
    issuer: jwt.issuer,
    audience: typeof jwt.audience === 'string' ? [jwt.audience] : [...jwt.audience],
    jwksUrl: jwt.jwks_url,
    keyFromClaim: jwt.key_from_claim ?? ACCESS_DEFAULTS.keyFromClaim,
    clockToleranceMs: toMs(jwt.clock_tolerance ?? ACCESS_DEFAULTS.clockToleranceSeconds),
    jwksCacheMaxAgeMs: toMs(jwt.jwks_cache_max_age ?? ACCESS_DEFAULTS.jwksCacheMaxAgeSeconds),
    jwksCooldownMs: toMs(jwt.jwks_cooldown ?? ACCESS_DEFAULTS.jwksCooldownSeconds),
    jwksTimeoutMs: toMs(jwt.jwks_timeout ?? ACCESS_DEFAULTS.jwksTimeoutSeconds),
    models: [...(jwt.models ?? ['*'])],
    limits: toRateLimits(jwt.limits),
    ...(jwt.budget != null && { budget: toBudget(jwt.budget) }),
  };
}

function toBudget(budget: BudgetConfigDto): BudgetConfig {
  return {
    ...(budget.usd != null && { usd: budget.usd }),
    ...(budget.tokens != null && { tokens: budget.tokens }),
    period: budget.period,
    // Validated by isPeriod, so defined.
    periodMs: parsePeriodMs(budget.period) ?? 0,
  };
}

function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}
