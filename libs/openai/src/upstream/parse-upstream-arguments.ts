import { isRecord } from '../is-record.js';

/**
 * An upstream tool call's `arguments` string as the object the IR holds. Empty means `{}`. Text that
 * does not parse to an object (a model that wrote broken JSON) is kept whole as `{ _raw: "<text>" }`,
 * with a warning, rather than lost: the client's tool can still see what the model wrote.
 */
export function parseUpstreamArguments(text: string, warnings: string[], where: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return parsed;
  } catch {
    // kept raw below
  }
  warnings.push(`${where}: upstream tool arguments are not a JSON object, passed on as {"_raw": ...}`);
  return { _raw: text };
}
