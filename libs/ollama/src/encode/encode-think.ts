import type { IrEffort, IrThinking } from '@llm-router/core';
import type { OllamaThink } from '../wire/ollama-wire-types.js';
import { unreachable } from '../unreachable.js';

/**
 * `thinking` (and the client's `effort`) as Ollama's `think`. The budget has no Ollama equivalent and
 * is dropped.
 * - thinking on with an effort: the level, `"low"`/`"medium"`/`"high"`; `xhigh` and `max` are
 *   `"high"`, the highest level every Ollama version accepts (older servers refuse any other string).
 *   Models with levels (gpt-oss) honour it; Ollama treats a level as `true` for thinking models without.
 * - thinking on without an effort: `true`; `disabled`: `false` (an effort does not turn it back on).
 * - an effort without thinking is not sent: `think` would switch thinking on, which the client did not ask.
 * Surprise: absent means "the model's default", and Ollama turns thinking ON by default for models that
 * can think; only an explicit `disabled` sends `think: false`.
 */
export function encodeThink(thinking: IrThinking | undefined, effort?: IrEffort): OllamaThink | undefined {
  if (thinking === undefined) return undefined;
  switch (thinking.type) {
    case 'enabled':
    case 'adaptive':
      return effort === undefined ? true : thinkLevel(effort);
    case 'disabled':
      return false;
    default:
      return unreachable(thinking, undefined);
  }
}

function thinkLevel(effort: IrEffort): 'low' | 'medium' | 'high' {
  switch (effort) {
    case 'low':
    case 'medium':
    case 'high':
      return effort;
    case 'xhigh':
    case 'max':
      return 'high';
    default:
      return unreachable(effort, 'high');
  }
}
