import type { IrThinking } from '@llm-router/core';
import { unreachable } from '../unreachable.js';
import type { ChatReasoningEffort } from '../wire/chat-request.js';

/**
 * The `reasoning_effort` for an IR thinking setting (§5.5): the inverse of the client-side table (low
 * 1024, medium 2048, high 4096, xhigh 8192, max 16384), each budget taking the smallest effort whose
 * budget covers it: <=1024 low, <=2048 medium, <=4096 high, <=8192 xhigh, above that max. So an
 * OpenAI effort survives a round trip, and Claude Code's 31999 "ultrathink" asks for max.
 * `adaptive` (the model decides) is medium, OpenAI's own default. `disabled` sends nothing: `none` is
 * refused by every model that predates it, and a non-reasoning model does not think anyway.
 */
export function reasoningEffortFor(thinking: IrThinking): ChatReasoningEffort | undefined {
  switch (thinking.type) {
    case 'enabled': {
      const budget = thinking.budgetTokens;
      if (budget <= 1024) return 'low';
      if (budget <= 2048) return 'medium';
      if (budget <= 4096) return 'high';
      if (budget <= 8192) return 'xhigh';
      return 'max';
    }
    case 'adaptive':
      return 'medium';
    case 'disabled':
      return undefined;
    default:
      return unreachable(thinking, undefined);
  }
}
