import type { FilterLiteral, FilterNode } from './filter-ast.js';

/** Expressions nested deeper than this (parentheses, `!`) are refused: parser and evaluator recurse. */
export const MAX_FILTER_NESTING = 32;

/** Names refused in paths even though lookups are own-property only: they only ever appear in attacks. */
const REFUSED_NAMES = new Set(['constructor', '__proto__', 'prototype']);

type Token =
  | { type: 'op'; value: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: 'word'; value: string; at: number };

const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '=', '<', '>', '!', '(', ')', '@', '.', '[', ']'];
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[\p{L}\p{N}_$-]+/uy;
const STRING_ESCAPES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A filter the language does not accept; the message names what and where. */
export class FilterSyntaxError extends Error {}

/**
 * Parses a filter expression (the text inside `[?( )]`) of this small language, which can only read the
 * current node: paths from `@` (`@`, `@.role`, `@['x y']`, `@[0]`, `@.a.b`), literals (single- or
 * double-quoted strings, numbers, `true`, `false`, `null`), comparisons (`==`, `!=`, `<`, `<=`, `>`,
 * `>=`; `=` is equality as in the Python service's dialect, `===`/`!==` are read as `==`/`!=`), `&&`,
 * `||`, `!` and parentheses. Anything else (calls, assignment, `@parent`, `$`, arithmetic, template
 * strings, `constructor`/`__proto__`…) is a FilterSyntaxError, so nothing in a config can run code.
 */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (value: string): boolean => {
    const token = peek();
    return token?.type === 'op' && token.value === value;
  };
  const where = (): string => {
    const token = peek();
    return token === undefined ? 'at the end' : `at position ${token.at}`;
  };
  const expect = (value: string): void => {
    if (!isOp(value)) throw new FilterSyntaxError(`expected '${value}' ${where()}`);
    at += 1;
  };

  const parseOr = (depth: number): FilterNode => {
    let left = parseAnd(depth);
    while (isOp('||')) {
      at += 1;
      left = { kind: 'or', left, right: parseAnd(depth) };
    }
    return left;
  };
  const parseAnd = (depth: number): FilterNode => {
    let left = parseUnary(depth);
    while (isOp('&&')) {
      at += 1;
      left = { kind: 'and', left, right: parseUnary(depth) };
    }
    return left;
  };
  const parseUnary = (depth: number): FilterNode => {
    if (depth > MAX_FILTER_NESTING) throw new FilterSyntaxError(`expression nested deeper than ${MAX_FILTER_NESTING}`);
    if (isOp('!')) {
      at += 1;
      return { kind: 'not', operand: parseUnary(depth + 1) };
    }
    const left = parseOperand(depth);
    const token = peek();
    if (token?.type !== 'op' || !['==', '===', '=', '!=', '!==', '<', '<=', '>', '>='].includes(token.value)) return left;
    at += 1;
    const operator = token.value === '=' || token.value === '===' ? '==' : token.value === '!==' ? '!=' : (token.value as '==' | '!=' | '<' | '<=' | '>' | '>=');
    const right = parseOperand(depth);
    const after = peek();
    if (after?.type === 'op' && ['==', '===', '=', '!=', '!==', '<', '<=', '>', '>='].includes(after.value)) {
      throw new FilterSyntaxError(`comparisons cannot be chained (at position ${after.at}); use && and parentheses`);
    }
    return { kind: 'compare', operator, left, right };
  };
  const parseOperand = (depth: number): FilterNode => {
    const token = peek();
    if (token === undefined) throw new FilterSyntaxError('expected a value at the end');
    if (token.type === 'op' && token.value === '(') {
      at += 1;
      const inner = parseOr(depth + 1);
      expect(')');
      return inner;
    }
    if (token.type === 'op' && token.value === '@') {
      at += 1;
      return { kind: 'path', steps: parseSteps() };
    }
    at += 1;
    if (token.type === 'string' || token.type === 'number') return { kind: 'literal', value: token.value };
    if (token.type === 'word') {
      const literals: Readonly<Record<string, FilterLiteral>> = { true: true, false: false, null: null };
      if (Object.hasOwn(literals, token.value)) return { kind: 'literal', value: literals[token.value] };
      throw new FilterSyntaxError(`unknown name '${token.value}' at position ${token.at} (paths start with @)`);
    }
    throw new FilterSyntaxError(`unexpected '${token.value}' at position ${token.at}`);
  };
  const parseSteps = (): string[] => {
    const steps: string[] = [];
    for (;;) {
      const token = peek();
      if (isOp('.')) {
        at += 1;
        const name = peek();
        if (name?.type !== 'word') throw new FilterSyntaxError(`expected a name after '.' ${where()}`);
        at += 1;
        steps.push(checkedName(name.value, name.at));
      } else if (isOp('[')) {
        at += 1;
        const key = peek();
        if (key?.type === 'string') steps.push(checkedName(key.value, key.at));
        else if (key?.type === 'number' && Number.isInteger(key.value) && key.value >= 0) steps.push(String(key.value));
        else throw new FilterSyntaxError(`expected a quoted name or an index after '[' ${where()}`);
        at += 1;
        expect(']');
      } else if (token?.type === 'word') {
        throw new FilterSyntaxError(`'@${token.value}' is not supported at position ${token.at - 1} (only @ and paths from it)`);
      } else {
        return steps;
      }
    }
  };

  const root = parseOr(0);
  if (at < tokens.length) throw new FilterSyntaxError(`unexpected '${String(tokens[at].value)}' at position ${tokens[at].at}`);
  if (root.kind === 'literal' && typeof root.value !== 'boolean') throw new FilterSyntaxError('a filter must be a test, not a lone value');
  return root;
}

function checkedName(name: string, at: number): string {
  if (REFUSED_NAMES.has(name)) throw new FilterSyntaxError(`the name '${name}' is refused at position ${at}`);
  return name;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === ' ' || char === '\t') {
      at += 1;
      continue;
    }
    if (char === "'" || char === '"') {
      let value = '';
      let cursor = at + 1;
      for (;;) {
        const next = text[cursor];
        if (next === undefined) throw new FilterSyntaxError(`unterminated string at position ${at}`);
        if (next === char) break;
        if (next === '\\') {
          const escaped = text[cursor + 1];
          const hex = /^u[0-9a-fA-F]{4}/.exec(text.slice(cursor + 1, cursor + 6));
          if (hex !== null) {
            value += String.fromCharCode(parseInt(hex[0].slice(1), 16));
            cursor += 6;
            continue;
          }
          if (escaped === undefined || !Object.hasOwn(STRING_ESCAPES, escaped)) throw new FilterSyntaxError(`bad escape in string at position ${cursor}`);
          value += STRING_ESCAPES[escaped];
          cursor += 2;
          continue;
        }
        value += next;
        cursor += 1;
      }
      tokens.push({ type: 'string', value, at });
      at = cursor + 1;
      continue;
    }
    NUMBER.lastIndex = at;
    const previous = tokens.at(-1);
    const afterDot = previous?.type === 'op' && previous.value === '.';
    const number = afterDot ? null : NUMBER.exec(text);
    if (number !== null) {
      tokens.push({ type: 'number', value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, at));
    if (operator !== undefined) {
      tokens.push({ type: 'op', value: operator, at });
      at += operator.length;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text);
    if (word !== null) {
      tokens.push({ type: 'word', value: word[0], at });
      at += word[0].length;
      continue;
    }
    throw new FilterSyntaxError(`unexpected '${char}' at position ${at}`);
  }
  return tokens;
}
