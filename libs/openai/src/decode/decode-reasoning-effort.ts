import type { IrThinking } from '@llm-router/core';
import { invalidValue } from '../inspect/parameter-errors.js';
import { unreachable } from '../unreachable.js';

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
type ReasoningEffort = (typeof EFFORTS)[number];

function isEffort(value: unknown): value is ReasoningEffort {
  return (EFFORTS as readonly unknown[]).includes(value);
}

/**
 * `reasoning_effort` (§1.2, §5.5) as an IR thinking budget, LiteLLM's defaults: low 1024, medium 2048,
 * high 4096, xhigh 8192, max 16384 tokens; `none` and `minimal` turn thinking off.
 */
export function decodeReasoningEffort(value: unknown): IrThinking | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isEffort(value)) throw invalidValue('reasoning_effort', value, EFFORTS);
  switch (value) {
    case 'none':
    case 'minimal':
      return { type: 'disabled' };
    case 'low':
      return { type: 'enabled', budgetTokens: 1024 };
    case 'medium':
      return { type: 'enabled', budgetTokens: 2048 };
    case 'high':
      return { type: 'enabled', budgetTokens: 4096 };
    case 'xhigh':
      return { type: 'enabled', budgetTokens: 8192 };
    case 'max':
      return { type: 'enabled', budgetTokens: 16384 };
    default:
      return unreachable(value, undefined);
  }
}
