import { JSONPath } from 'jsonpath-plus';
import { JSONPATH_EVAL } from './compile-json-path.js';

interface Match {
  parent: unknown;
  parentProperty: string | number | null;
}

/**
 * Removes every node `path` matches: object properties are deleted, array elements spliced out, highest
 * index first so the remaining indexes stay valid. Matches without a parent (the root) are ignored.
 */
export function dropJsonPath(body: object, path: string): void {
  const matches = JSONPath<Match[]>({ ...JSONPATH_EVAL, path, json: body, resultType: 'all' });
  const keysByParent = new Map<object, Set<string>>();
  for (const { parent, parentProperty } of matches) {
    if (typeof parent !== 'object' || parent === null || parentProperty === null) continue;
    const keys = keysByParent.get(parent) ?? new Set<string>();
    keys.add(String(parentProperty));
    keysByParent.set(parent, keys);
  }
  for (const [parent, keys] of keysByParent) {
    if (Array.isArray(parent)) {
      const indexes = [...keys].map(Number).filter((index) => Number.isInteger(index) && index >= 0 && index < parent.length);
      for (const index of indexes.sort((a, b) => b - a)) parent.splice(index, 1);
    } else {
      for (const key of keys) delete (parent as Record<string, unknown>)[key];
    }
  }
}
