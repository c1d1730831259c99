import { RouterError } from '@llm-router/core';
import { isRecord } from '../is-record.js';

/**
 * A client-sent `function.arguments` JSON string as the object the IR holds (§5.4). An empty (or blank)
 * string means no arguments, `{}`. Text that is not JSON, or JSON that is not an object, is a 400 naming
 * `param`: sending a guess upstream would replay a call the model never made.
 */
export function decodeToolCallArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw RouterError.invalidRequest(`Invalid '${param}': not valid JSON (${reason}).`, param);
  }
  if (!isRecord(parsed)) throw RouterError.invalidRequest(`Invalid '${param}': expected a JSON object.`, param);
  return parsed;
}
