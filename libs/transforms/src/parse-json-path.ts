export type JsonPathSegmentKind =
  | 'root' // $
  | 'name' // .name or ['name']
  | 'index' // [0]
  | 'wildcard' // .* or [*]
  | 'descendant' // ..
  | 'slice' // [start:end:step]
  | 'union' // [0,2]
  | 'filter' // [?(expr)]
  | 'script' // [(expr)]
  | 'parent' // ^
  | 'property-name' // ~
  | 'type'; // @string() etc.

export interface JsonPathSegment {
  kind: JsonPathSegmentKind;
  /** The segment as jsonpath-plus's `toPathArray` spells it: `messages`, `0`, `*`, `..`, `?(@.x)`. */
  value: string;
  /** Offset of the segment's first character (its `.` or `[`) in the path string. */
  start: number;
}

const NAME = /[\p{L}\p{N}_$-]+/uy;
const TYPE_SELECTOR = /@(?:null|boolean|number|string|integer|undefined|nonFinite|scalar|array|object|function|other)\(\)/y;
const SLICE = /-?[0-9]*:-?[0-9]*(?::[0-9]*)?/y;
const INTEGER = /-?[0-9]+/y;
const INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * A strict tokenizer for the JSONPath subset this lib accepts. jsonpath-plus itself validates almost
 * nothing (`$.a[`, `$.a]]` and `a.b` all "parse"), so this is where syntax errors are found; the caller
 * cross-checks the result against `JSONPath.toPathArray` to catch paths jsonpath-plus would misread.
 */
export function parseJsonPath(path: string): JsonPathSegment[] | { error: string } {
  if (!path.startsWith('$')) return { error: "a JSONPath must start with '$'" };
  const segments: JsonPathSegment[] = [{ kind: 'root', value: '$', start: 0 }];
  let at = 1;
  while (at < path.length) {
    const start = at;
    const char = path[at];
    let next: { segment: Omit<JsonPathSegment, 'start'>; end: number } | { error: string };
    if (path.startsWith('..', at)) {
      segments.push({ kind: 'descendant', value: '..', start });
      at += 2;
      if (path[at] === '[') continue;
      next = member(path, at);
    } else if (char === '.') {
      next = member(path, at + 1);
    } else if (char === '[') {
      next = bracket(path, at);
    } else if (char === '^' || char === '~') {
      next = { segment: { kind: char === '^' ? 'parent' : 'property-name', value: char }, end: at + 1 };
    } else if (char === '@' && match(TYPE_SELECTOR, path, at) !== undefined) {
      const value = match(TYPE_SELECTOR, path, at) ?? '';
      next = { segment: { kind: 'type', value }, end: at + value.length };
    } else {
      next = { error: `unexpected '${char}' at position ${at}` };
    }
    if ('error' in next) return next;
    segments.push({ ...next.segment, start });
    at = next.end;
  }
  return segments;
}

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

function member(path: string, at: number): { segment: Omit<JsonPathSegment, 'start'>; end: number } | { error: string } {
  if (path[at] === '*') return { segment: { kind: 'wildcard', value: '*' }, end: at + 1 };
  const name = match(NAME, path, at);
  if (name === undefined) return { error: at >= path.length ? 'the path ends after a dot' : `expected a name at position ${at}` };
  return { segment: { kind: 'name', value: name }, end: at + name.length };
}

function bracket(path: string, open: number): { segment: Omit<JsonPathSegment, 'start'>; end: number } | { error: string } {
  const at = open + 1;
  if (path.startsWith('*]', at)) return { segment: { kind: 'wildcard', value: '*' }, end: at + 2 };
  if (path.startsWith('?(', at) || path[at] === '(') {
    const close = closingParen(path, path[at] === '?' ? at + 1 : at);
    if (close === undefined) return { error: `unterminated expression at position ${at}` };
    if (path[close + 1] !== ']') return { error: `expected ']' at position ${close + 1}` };
    const value = path.slice(at, close + 1);
    return { segment: { kind: value.startsWith('?') ? 'filter' : 'script', value }, end: close + 2 };
  }
  const quote = path[at];
  if (quote === "'" || quote === '"') {
    const closeQuote = path.indexOf(quote, at + 1);
    if (closeQuote === -1) return { error: `unterminated string at position ${at}` };
    if (path[closeQuote + 1] === ',') return { error: `unions of names are not supported (at position ${at}); write one rule per name` };
    if (path[closeQuote + 1] !== ']') return { error: `expected ']' at position ${closeQuote + 1}` };
    return { segment: { kind: 'name', value: path.slice(at + 1, closeQuote) }, end: closeQuote + 2 };
  }
  const items: string[] = [];
  let cursor = at;
  for (;;) {
    const item = match(SLICE, path, cursor) ?? match(INTEGER, path, cursor);
    if (item === undefined) return { error: `unexpected '${path[cursor] ?? ''}' at position ${cursor}` };
    if (!item.includes(':') && !INDEX.test(item)) {
      const hint = item.startsWith('-') ? `; use a slice such as [${item}:]` : '';
      return { error: `invalid index [${item}] at position ${cursor}${hint}` };
    }
    items.push(item);
    cursor += item.length;
    if (path[cursor] === ']') break;
    if (path[cursor] !== ',') return { error: `expected ']' at position ${cursor}` };
    cursor += 1;
  }
  const value = items.join(',');
  const kind = items.length > 1 ? 'union' : value.includes(':') ? 'slice' : 'index';
  if (kind === 'union' && value.includes(':')) return { error: `slices cannot be part of a union (at position ${at})` };
  return { segment: { kind, value }, end: cursor + 1 };
}

/** Index of the `)` closing the `(` at `open`, skipping quoted strings; undefined when unbalanced. */
function closingParen(path: string, open: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let at = open; at < path.length; at += 1) {
    const char = path[at];
    if (quote !== undefined) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return undefined;
}
