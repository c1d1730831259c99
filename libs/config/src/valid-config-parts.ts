import type { ConfigProblem } from '@llm-router/core';
import { isRecord } from './is-record.js';

/**
 * `tree` without the parts `problems` point at: a model with a problem anywhere below `models.<name>` is
 * left out (the other models stay), any other top-level section with a problem is left out whole (its
 * defaults apply). A shallow copy: `tree` is not changed. Problems whose path names no part (the file
 * itself, `models` as a whole) remove nothing; validating the result tells whether it is usable.
 */
export function withoutFaultyParts(tree: Record<string, unknown>, problems: readonly ConfigProblem[]): Record<string, unknown> {
  const pruned: Record<string, unknown> = { ...tree };
  const models = isRecord(tree['models']) ? { ...tree['models'] } : undefined;
  if (models !== undefined) pruned['models'] = models;
  for (const { path } of problems) {
    const model = models === undefined ? undefined : modelAt(path, Object.keys(models));
    if (model !== undefined) {
      delete models?.[model];
      continue;
    }
    const section = /^[^.[]+/.exec(path)?.[0];
    if (section !== undefined && section !== 'models' && Object.hasOwn(pruned, section)) delete pruned[section];
  }
  return pruned;
}

/** The model `path` lies in (`models.<name>`, `models.<name>.x`, `models.<name>[0]`); the longest name wins (names may hold dots). */
function modelAt(path: string, names: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const name of names) {
    const prefix = `models.${name}`;
    const inside = path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
    if (inside && (found === undefined || name.length > found.length)) found = name;
  }
  return found;
}
