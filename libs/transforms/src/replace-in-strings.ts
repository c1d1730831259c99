/**
 * Replaces in every string value anywhere under `root` (objects and arrays, never keys), in place.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export function replaceInStrings(root: object, regex: RegExp, replacement: string): void {
  const pending: object[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const container = node as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const value = container[key];
      if (typeof value === 'string') {
        const replaced = value.replace(regex, replacement);
        if (replaced !== value) container[key] = replaced;
      } else if (typeof value === 'object' && value !== null) {
        pending.push(value);
      }
    }
  }
}
