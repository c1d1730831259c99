import type { IrUsage } from '@llm-router/core';
import type { ModelPricingSettings } from './access-settings.js';

// Money is counted in integer micro-dollars (1e-6 USD): tokens x USD-per-million-tokens is exactly that unit,
// so counters stay integers (atomic HINCRBY in Redis) and a $50 budget is 50_000_000.

export const MICRO_USD_PER_USD = 1_000_000;

/**
 * What a finished request cost, rounded up to a whole micro-dollar. Cache reads are priced at
 * `cachedInputPerMtok` (the input price when unset); cache writes and every other input token at the input price.
 */
export function usageCostMicroUsd(usage: IrUsage, pricing: ModelPricingSettings): number {
  const cached = Math.min(Math.max(usage.cacheReadTokens ?? 0, 0), Math.max(usage.inputTokens, 0));
  const uncached = Math.max(usage.inputTokens, 0) - cached;
  const cost = uncached * pricing.inputPerMtok + cached * (pricing.cachedInputPerMtok ?? pricing.inputPerMtok) + Math.max(usage.outputTokens, 0) * pricing.outputPerMtok;
  // The epsilon keeps float noise (2500.0000000000005) from rounding an exact price up by one.
  return Math.max(0, Math.ceil(cost - 1e-9));
}

/** The tokens a finished request counts against `tpm` and token budgets: input (cached included) plus output. */
export function usageTokens(usage: IrUsage): number {
  return Math.max(usage.inputTokens, 0) + Math.max(usage.outputTokens, 0);
}
