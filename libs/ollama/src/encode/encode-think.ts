import type { IrThinking } from '@llm-router/core';
import { unreachable } from '../unreachable.js';

/**
 * `thinking` as Ollama's `think` flag. The budget has no Ollama equivalent and is dropped.
 * Surprise: absent means "the model's default", and Ollama turns thinking ON by default for models that
 * can think; only an explicit `disabled` sends `think: false`.
 */
export function encodeThink(thinking: IrThinking | undefined): boolean | undefined {
  if (thinking === undefined) return undefined;
  switch (thinking.type) {
    case 'enabled':
    case 'adaptive':
      return true;
    case 'disabled':
      return false;
    default:
      return unreachable(thinking, undefined);
  }
}
