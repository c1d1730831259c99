import { JsonTooDeepError, parseJsonBounded, RouterError } from '@llm-router/core';
import { isRecord } from '../is-record.js';

/**
 * An upstream tool call's `arguments` string as the object the IR holds. Empty means `{}`. Text that
 * does not parse to an object (a model that wrote broken JSON) is kept whole as `{ _raw: "<text>" }`,
 * with a warning, rather than lost: the client's tool can still see what the model wrote. Arguments
 * nested deeper than core's MAX_JSON_DEPTH are refused (bad_gateway): the IR holds them as an object that
 * every encoder serialises, and a deep one would overflow the stack there.
 */
export function parseUpstreamArguments(text: string, warnings: string[], where: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = parseJsonBounded(text);
    if (isRecord(parsed)) return parsed;
  } catch (error) {
    if (error instanceof JsonTooDeepError) {
      throw new RouterError('bad_gateway', `openai: upstream ${where}.function.arguments refused: ${error.message}`, { provider: 'openai' });
    }
    // not JSON: kept raw below
  }
  warnings.push(`${where}: upstream tool arguments are not a JSON object, passed on as {"_raw": ...}`);
  return { _raw: text };
}
