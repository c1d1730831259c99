/** One step of a path into the YAML tree: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * Formats a problem path: keys joined with dots, indices as `[i]` (`transformations[1].pattern`). Keys are not
 * escaped, so `models.claude-3.5:latest.timeout` is one model key followed by `timeout`.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}
