import type { ConfigProblem } from '@llm-router/core';
import { formatPath, type PathSegment } from './config-path.js';
import { isRecord } from './is-record.js';

export interface Interpolated {
  value: unknown;
  problems: ConfigProblem[];
}

// Alternatives in priority order: the `$${` escape, a well-formed reference, then any other `${` (malformed).
const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\{/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string scalar of an already-parsed YAML tree (mapping keys
 * are left alone), so a value can never inject YAML. `:-` uses the default when VAR is unset or empty, as in
 * the shell; a default cannot contain `}` or another reference. `$${` is a literal `${`. Results stay strings:
 * `port: ${PORT}` yields "8000", which the validator rejects. Returns a fresh tree; the input is not modified.
 */
export function interpolateEnv(tree: unknown, env: Record<string, string | undefined>): Interpolated {
  const problems: ConfigProblem[] = [];
  const walk = (value: unknown, path: PathSegment[]): unknown => {
    if (typeof value === 'string') return interpolateString(value, env, (message) => problems.push({ path: formatPath(path), message }));
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]));
    if (isRecord(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        // defineProperty, not assignment: a `__proto__` key must stay an own property, not replace the prototype.
        Object.defineProperty(copy, key, { value: walk(item, [...path, key]), enumerable: true, writable: true, configurable: true });
      }
      return copy;
    }
    return value;
  };
  return { value: walk(tree, []), problems };
}

function interpolateString(text: string, env: Record<string, string | undefined>, report: (message: string) => void): string {
  return text.replace(REFERENCE, (match: string, name: string | undefined, fallback: string | undefined) => {
    if (match === '$${') return '${';
    if (name === undefined) {
      report('malformed variable reference: write ${NAME} or ${NAME:-default}, or $${ for a literal ${');
      return match;
    }
    const value = env[name];
    if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
    if (value === undefined) {
      report(`environment variable ${name} is not set (use \${${name}:-} to allow empty)`);
      return match;
    }
    return value;
  });
}
