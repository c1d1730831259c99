import { RouterError } from '@llm-router/core';
import { type CompiledPythonRegex, pythonSub, RegexWorkLimitError, type SearchStats } from '@llm-router/regex';

/**
 * Replaces in every string value anywhere under `root` (objects and arrays, never keys), in place, with
 * Python `re.sub` semantics. Iterative, so a deeply nested body cannot overflow the stack. A string on
 * which the rule would exceed its work bound (see `pythonSub`) fails the request with a 400 naming the
 * rule, rather than holding the event loop; so does exceeding `stats.limit`, the work all strings and rules of
 * one request share (`stats` accumulates across calls).
 */
export function replaceInStrings(root: object, regex: CompiledPythonRegex, ruleName: string, stats: SearchStats = { steps: 0 }): void {
  const pending: object[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const container = node as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const value = container[key];
      if (typeof value === 'string') {
        const replaced = substitute(regex, value, ruleName, stats);
        if (replaced !== value) container[key] = replaced;
      } else if (typeof value === 'object' && value !== null) {
        pending.push(value);
      }
    }
  }
}

function substitute(regex: CompiledPythonRegex, value: string, ruleName: string, stats: SearchStats): string {
  try {
    return pythonSub(regex, value, stats);
  } catch (error) {
    if (!(error instanceof RegexWorkLimitError)) throw error;
    if (stats.limit !== undefined && stats.steps >= stats.limit) {
      throw new RouterError(
        'invalid_request',
        `The request cannot be transformed: rule '${ruleName}' would need more regex work than one request may use (server.transform_step_budget: ${stats.limit} steps).`,
        { code: 'transformation_too_costly' },
      );
    }
    throw new RouterError('invalid_request', `The request cannot be transformed: rule '${ruleName}' would take too long on a string of ${value.length} characters.`, {
      code: 'transformation_too_costly',
    });
  }
}
