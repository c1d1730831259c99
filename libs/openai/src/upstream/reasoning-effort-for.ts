import type { IrEffort, IrThinking } from '@llm-router/core';
import { unreachable } from '../unreachable.js';
import type { ChatReasoningEffort } from '../wire/chat-request.js';

/**
 * The `reasoning_effort` for an IR thinking setting (§5.5): the inverse of the client-side table (low
 * 1024, medium 2048, high 4096, xhigh 8192, max 16384), each budget taking the smallest effort whose
 * budget covers it: <=1024 low, <=2048 medium, <=4096 high, <=8192 xhigh, above that max. So an
 * OpenAI effort survives a round trip, and Claude Code's 31999 "ultrathink" asks for max.
 * `adaptive` (the model decides) is medium, OpenAI's own default. `disabled` sends nothing: `none` is
 * refused by every model that predates it, and a non-reasoning model does not think anyway.
 *
 * An Anthropic client's `output_config.effort` (Claude Code sends it beside `thinking: adaptive`) wins
 * over the budget when thinking is on: low, medium, high, xhigh and max go as the `reasoning_effort` of
 * the same name (§1.2 lists each; `max` stays `max`, as a budget above 8192 does). Without thinking on
 * it is not sent: `reasoning_effort` would be a reasoning request the client did not make, and a model
 * configured with `reasoning: false` (its thinking removed) must not get one either.
 */
export function reasoningEffortFor(thinking: IrThinking, effort?: IrEffort): ChatReasoningEffort | undefined {
  if (effort !== undefined && thinking.type !== 'disabled') return effort;
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
