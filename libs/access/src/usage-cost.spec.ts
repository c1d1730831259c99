import { describe, expect, it } from '@jest/globals';
import { usageCostMicroUsd, usageTokens } from './usage-cost.js';

describe('usageCostMicroUsd', () => {
  const pricing = { inputPerMtok: 2.5, outputPerMtok: 10, cachedInputPerMtok: 1.25 };

  it('prices input, cached input and output per million tokens, in micro-dollars', () => {
    // 1000 uncached x 2.5 + 0 cached + 500 x 10 = 7500 micro-dollars = $0.0075.
    expect(usageCostMicroUsd({ inputTokens: 1000, outputTokens: 500 }, pricing)).toBe(7500);
    // Of 1000 input tokens 400 were cache reads: 600 x 2.5 + 400 x 1.25 + 0.
    expect(usageCostMicroUsd({ inputTokens: 1000, outputTokens: 0, cacheReadTokens: 400 }, pricing)).toBe(2000);
    expect(usageCostMicroUsd({ inputTokens: 1_000_000, outputTokens: 1_000_000 }, pricing)).toBe(12_500_000);
  });

  it('uses the input price for cache reads when no cached price is set, and rounds up', () => {
    expect(usageCostMicroUsd({ inputTokens: 10, outputTokens: 0, cacheReadTokens: 10 }, { inputPerMtok: 3, outputPerMtok: 15 })).toBe(30);
    expect(usageCostMicroUsd({ inputTokens: 3, outputTokens: 0 }, { inputPerMtok: 0.1, outputPerMtok: 0 })).toBe(1);
    expect(usageCostMicroUsd({ inputTokens: 0, outputTokens: 0 }, pricing)).toBe(0);
  });

  it('never goes negative on odd usage (more cache reads than input)', () => {
    expect(usageCostMicroUsd({ inputTokens: 10, outputTokens: -5, cacheReadTokens: 50 }, pricing)).toBe(13);
  });
});

describe('usageTokens', () => {
  it('counts input (cached included) plus output', () => {
    expect(usageTokens({ inputTokens: 100, outputTokens: 20, cacheReadTokens: 60 })).toBe(120);
  });
});
