/**
 * How deep client and upstream JSON may nest before the router refuses it. Real requests and answers
 * nest a dozen levels at most (a tool schema inside a tool inside the request); 128 leaves room for
 * deep tool arguments while keeping every walk over a parsed value far from the stack limit.
 */
export const MAX_JSON_DEPTH = 128;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * True when the JSON text nests objects/arrays deeper than `maxDepth`. One linear pass over the text,
 * skipping string contents (escapes included), with no allocation: run it before `JSON.parse` so that
 * nothing ever walks a value deeper than the limit. Malformed JSON is not detected here (the parser
 * that runs next reports it); the depth counted is that of the brackets outside strings.
 */
export function jsonTextTooDeep(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * True when a parsed value nests objects/arrays deeper than `maxDepth`. Iterative (an explicit stack,
 * never recursion), and it stops at the first container past the limit; cycles cannot make it loop,
 * because it gives up once `maxDepth` is exceeded.
 */
export function jsonValueTooDeep(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: Array<[object, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [object, number];
    if (depth > maxDepth) return true;
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Thrown by `parseJsonBounded` for text nested deeper than the limit (before anything parsed it). */
export class JsonTooDeepError extends Error {
  constructor(readonly maxDepth: number) {
    super(`JSON nested deeper than ${maxDepth} levels`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * `JSON.parse` for text from outside (client bodies, upstream answers, stream frames): refuses text
 * nested deeper than `maxDepth` with a JsonTooDeepError, and otherwise throws what `JSON.parse` throws.
 */
export function parseJsonBounded(text: string, maxDepth: number = MAX_JSON_DEPTH): unknown {
  if (jsonTextTooDeep(text, maxDepth)) throw new JsonTooDeepError(maxDepth);
  return JSON.parse(text) as unknown;
}
