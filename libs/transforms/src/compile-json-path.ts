import { JSONPath } from 'jsonpath-plus';
import { type JsonPathSegment, parseJsonPath } from './parse-json-path.js';

/** Options for every jsonpath-plus evaluation in this lib; the compile-time probe must use the same. */
export const JSONPATH_EVAL = { eval: 'safe', ignoreEvalErrors: true, wrap: true } as const;

/**
 * Validates a JSONPath once, at compile time, and returns its segments. Beyond `parseJsonPath`'s grammar:
 * - the segments must equal jsonpath-plus's own `toPathArray` reading, so a path it would misread
 *   (e.g. `$['a;b']`) is a config problem rather than a silent no-op;
 * - each filter's script is parsed by jsonpath-plus now (a syntax error is a problem), which also
 *   leaves it in jsonpath-plus's script cache, so requests never parse it;
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
    try {
      JSONPath({ ...JSONPATH_EVAL, path: `$[${segment.value}]`, json: [{}] });
    } catch (error) {
      // jsep counts characters in jsonpath-plus's rewrite of the script (`@` becomes `_$_v`): drop them.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/ at character \d+$/, '');
      return { error: `invalid filter [${segment.value}]: ${reason}` };
    }
  }
  return segments;
}
