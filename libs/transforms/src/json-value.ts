import { jsonValueTooDeep, MAX_JSON_DEPTH } from '@llm-router/core';

/** A value JSON can represent; `jsonpath_add` values must be one. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * True for JSON-representable values: plain objects and arrays (acyclic, at most MAX_JSON_DEPTH deep, so
 * the recursion here and in cloneJson stays bounded), strings, finite numbers, booleans, null.
 */
export function isJsonValue(value: unknown): value is JsonValue {
  return !jsonValueTooDeep(value, MAX_JSON_DEPTH) && isJsonTree(value, new Set());
}

function isJsonTree(value: unknown, ancestors: Set<object>): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || ancestors.has(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  ancestors.add(value);
  const ok = Object.values(value).every((child) => isJsonTree(child, ancestors));
  ancestors.delete(value);
  return ok;
}

/** A deep copy; own keys such as `__proto__` stay ordinary keys. */
export function cloneJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, cloneJson(child)]));
  }
  return value;
}
