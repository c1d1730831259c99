import { JSONPath } from 'jsonpath-plus';
import { CompiledFilterScript, jsonPathPlusScript, lastScriptRunBy, registerFilter } from './filter/filter-script.js';
import { FilterSyntaxError, parseFilter } from './filter/parse-filter.js';
import { type JsonPathSegment, parseJsonPath } from './parse-json-path.js';

/**
 * Options for every jsonpath-plus evaluation in this lib; the compile-time probe must use the same.
 * Filters are never evaluated by jsonpath-plus's script engines: its `eval` is our evaluator, which
 * runs the filters compiled at boot (see filter/parse-filter.ts) and nothing else.
 */
export const JSONPATH_EVAL = { eval: CompiledFilterScript, ignoreEvalErrors: true, wrap: true } as const;

/**
 * Validates a JSONPath once, at compile time, and returns its segments. Beyond `parseJsonPath`'s grammar:
 * - the segments must equal jsonpath-plus's own `toPathArray` reading, so a path it would misread
 *   (e.g. `$['a;b']`) is a config problem rather than a silent no-op;
 * - each filter is parsed now by this lib's filter language (anything else is a problem), registered
 *   for the evaluator, and probed through jsonpath-plus to check it reaches the evaluator as written;
 * - script segments `[(expr)]`, nested filters and `~` are refused: jsonpath-plus 10.4.0 throws
 *   TypeErrors on them for ordinary bodies.
 */
export function compileJsonPath(path: string): readonly JsonPathSegment[] | { error: string } {
  const segments = parseJsonPath(path);
  if ('error' in segments) return segments;
  for (const segment of segments) {
    if (segment.kind === 'script') return { error: `script expressions like [${segment.value}] are not supported; use a filter [?(...)] or a slice such as [-1:]` };
    if (segment.kind === 'filter' && segment.value.slice(2).includes('?(')) return { error: `nested filters are not supported: [${segment.value}]` };
    if (segment.kind === 'property-name') return { error: 'the property-name selector ~ is not supported' };
  }
  const theirs = JSONPath.toPathArray(path);
  const ours = segments.map((segment) => segment.value);
  if (theirs.length !== ours.length || theirs.some((value, index) => value !== ours[index])) {
    return { error: `jsonpath-plus would read it as ${JSON.stringify(theirs)} rather than ${JSON.stringify(ours)}` };
  }
  for (const segment of segments) {
    if (segment.kind !== 'filter') continue;
    const source = segment.value.slice(2, -1);
    if (/[\n\r\u2028\u2029]/.test(source)) return { error: `line breaks are not allowed in filter [${segment.value}]` };
    let filter;
    try {
      filter = parseFilter(source);
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      return { error: `invalid filter [${segment.value}]: ${error.message}` };
    }
    const script = jsonPathPlusScript(segment.value);
    if (!registerFilter(script, source, filter)) return { error: `filter [${segment.value}] cannot be told apart from another filter of the config by jsonpath-plus` };
    const reached = lastScriptRunBy(() => JSONPath({ ...JSONPATH_EVAL, path: `$[${segment.value}]`, json: [{}] }));
    if (reached !== script) return { error: `jsonpath-plus would not evaluate filter [${segment.value}] as written` };
  }
  return segments;
}
