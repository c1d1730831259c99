import type { ModelMatcher } from './model-matcher.js';
import type { BudgetSettings, RateLimitSettings } from './access-settings.js';

/** A caller's compiled policy: who (by name), which models, how much. Built once at boot. */
export interface CallerPolicy {
  name: string;
  /** SHA-256 prefix of the name: the caller's part of every state key (names never reach the store). */
  nameHash: string;
  allows: ModelMatcher;
  limits: RateLimitSettings;
  budget?: BudgetSettings;
}

/** An authenticated request's caller. `via` says which credential proved it (`none`: no `auth` config). */
export interface Caller {
  name: string;
  via: 'key' | 'jwt' | 'none';
  policy: CallerPolicy;
}
