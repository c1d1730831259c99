import { evaluateFilter } from './evaluate-filter.js';
import type { FilterNode } from './filter-ast.js';

/** Filters compiled at boot, by the script text jsonpath-plus will hand its evaluator. */
const FILTERS = new Map<string, { source: string; filter: FilterNode }>();
let lastRun: string | undefined;

/**
 * The script jsonpath-plus 10.4.0 derives from a filter segment (`?(@.role == 'x')`) before handing it
 * to its evaluator (JSONPath.prototype._eval and the filter branch of _trace), reproduced exactly so a
 * compiled filter can be found by it. The evaluator never reads this text as code: it is a lookup key.
 */
export function jsonPathPlusScript(segment: string): string {
  const code = segment.replace(/^\?\((.*?)\)$/u, '$1');
  let script = code
    .replaceAll('@parentProperty', '_$_parentProperty')
    .replaceAll('@parent', '_$_parent')
    .replaceAll('@property', '_$_property')
    .replaceAll('@root', '_$_root')
    .replaceAll(/@([.\s)[])/gu, '_$_v$1');
  if (code.includes('@path')) script = script.replaceAll('@path', '_$_path');
  return script;
}

/** Registers a compiled filter under its script; false when another filter already has that script. */
export function registerFilter(script: string, source: string, filter: FilterNode): boolean {
  const existing = FILTERS.get(script);
  if (existing !== undefined && existing.source !== source) return false;
  FILTERS.set(script, { source, filter });
  return true;
}

/** Runs `probe` and returns the script of the last filter it evaluated (to check jsonpath-plus's reading). */
export function lastScriptRunBy(probe: () => void): string | undefined {
  lastRun = undefined;
  probe();
  return lastRun;
}

/**
 * jsonpath-plus's `eval` option accepts a class with `runInNewContext` (constructed once per script and
 * cached by jsonpath-plus). This one evaluates the filter compiled at boot for that script, against the
 * current node (`_$_v` in jsonpath-plus's sandbox); it never evaluates the script text, and a script
 * that was not compiled at boot matches nothing.
 */
export class CompiledFilterScript {
  private readonly script: string;

  constructor(script: string) {
    this.script = script;
  }

  runInNewContext(context: { _$_v?: unknown }): boolean {
    lastRun = this.script;
    const compiled = FILTERS.get(this.script);
    return compiled !== undefined && evaluateFilter(compiled.filter, context._$_v);
  }
}
