import { closeUnderCaseFold } from './case-fold.js';
import { type CharSet, MAX_CODE_POINT, negateSet, normalizeRanges } from './char-set.js';
import type { ParsedRegex, RegexFlags, RegexNode } from './regex-ast.js';
import { ASCII_DIGIT, ASCII_SPACE, ASCII_WORD, UNICODE_SPACE, unicodeDigit, unicodeWord } from './unicode-tables.js';

/** A pattern this engine refuses: a syntax error, or a construct it cannot run in linear time. */
export class RegexSyntaxError extends Error {}

/** Groups nested deeper than this are refused (the parser and compiler recurse on nesting). */
export const MAX_NESTING = 100;

const ASCII_LETTER = /^[A-Za-z]$/;
const DIGIT = /^[0-9]$/;
const OCTAL = /^[0-7]$/;
const HEX = /^[0-9A-Fa-f]$/;
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;
const FLAG_LETTERS: Readonly<Record<string, keyof RegexFlags | 'unicode' | 'locale'>> = {
  a: 'ascii',
  i: 'ignoreCase',
  L: 'locale',
  m: 'multiline',
  s: 'dotAll',
  u: 'unicode',
  x: 'verbose',
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
const REFUSED_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['(?=', 'lookahead (?=...)'],
  ['(?!', 'negative lookahead (?!...)'],
  ['(?<=', 'lookbehind (?<=...)'],
  ['(?<!', 'negative lookbehind (?<!...)'],
  ['(?>', 'atomic group (?>...)'],
  ['(?(', 'conditional (?(...)...)'],
  ['(?P=', 'backreference (?P=name)'],
];

/**
 * Parses a Python `re` pattern (as for a `str`, so Unicode-aware by default) into an AST. Throws
 * RegexSyntaxError naming the problem: Python's own syntax errors, plus every construct that needs
 * backtracking (backreferences, lookarounds, atomic groups, possessive quantifiers, conditionals).
 * Extension: JS-style named groups `(?<name>...)` are read like `(?P<name>...)`.
 */
export function parsePythonRegex(pattern: string, flags: RegexFlags): ParsedRegex {
  const parser = new Parser(pattern, { ...flags });
  const root = parser.parseAlternation(0);
  if (parser.pos < pattern.length) throw new RegexSyntaxError(`unbalanced parenthesis at position ${parser.pos}`);
  return { root, groupCount: parser.groupCount, groupNames: parser.groupNames };
}

class Parser {
  pos = 0;
  groupCount = 0;
  readonly groupNames = new Map<string, number>();

  constructor(
    private readonly source: string,
    private flags: RegexFlags,
  ) {}

  parseAlternation(depth: number): RegexNode {
    if (depth > MAX_NESTING) throw new RegexSyntaxError(`groups nested deeper than ${MAX_NESTING}`);
    const items = [this.parseConcat(depth)];
    while (this.source[this.pos] === '|') {
      this.pos += 1;
      items.push(this.parseConcat(depth));
    }
    return items.length === 1 ? items[0] : { kind: 'alternation', items };
  }

  private parseConcat(depth: number): RegexNode {
    const items: RegexNode[] = [];
    let quantified = false;
    let lastWasAssertion = false;
    for (;;) {
      this.skipVerbose();
      const char = this.source[this.pos];
      if (char === undefined || char === '|' || char === ')') break;
      if (char === '*' || char === '+' || char === '?' || (char === '{' && this.quantifierAt() !== undefined)) {
        const previous = items.at(-1);
        if (previous === undefined || lastWasAssertion) throw new RegexSyntaxError(`nothing to repeat at position ${this.pos}`);
        if (quantified) throw new RegexSyntaxError(`multiple repeat at position ${this.pos}`);
        items[items.length - 1] = this.parseQuantifier(previous);
        quantified = true;
        continue;
      }
      const atom = this.parseAtom(depth);
      if (atom !== undefined) {
        items.push(atom);
        quantified = false;
        // Python: a bare assertion cannot be repeated, a group holding one can (`(?:\b)+`).
        lastWasAssertion = atom.kind === 'assertion' && char !== '(';
      }
    }
    return items.length === 1 ? items[0] : items.length === 0 ? { kind: 'empty' } : { kind: 'concat', items };
  }

  /** `{m}`, `{m,}`, `{,n}`, `{m,n}`, `{,}` at pos, as Python reads them; undefined when `{` is a literal. */
  private quantifierAt(): { min: number; max: number; end: number } | undefined {
    const match = /^\{([0-9]*)(,([0-9]*))?\}/.exec(this.source.slice(this.pos, this.pos + 40));
    if (match === null || match[0] === '{}') return undefined;
    const min = match[1] === '' ? 0 : Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    return { min, max, end: this.pos + match[0].length };
  }

  private parseQuantifier(body: RegexNode): RegexNode {
    const at = this.pos;
    let min: number;
    let max: number;
    const char = this.source[this.pos];
    if (char === '{') {
      const counted = this.quantifierAt();
      if (counted === undefined) throw new RegexSyntaxError(`bad quantifier at position ${at}`);
      ({ min, max } = counted);
      if (max < min) throw new RegexSyntaxError(`min repeat greater than max repeat at position ${at}`);
      this.pos = counted.end;
    } else {
      [min, max] = char === '*' ? [0, Infinity] : char === '+' ? [1, Infinity] : [0, 1];
      this.pos += 1;
    }
    let greedy = true;
    if (this.source[this.pos] === '?') {
      greedy = false;
      this.pos += 1;
    } else if (this.source[this.pos] === '+') {
      throw new RegexSyntaxError(`possessive quantifier ${this.source.slice(at, this.pos + 1)} is not supported (it needs backtracking)`);
    }
    return { kind: 'repeat', min, max, greedy, body };
  }

  private parseAtom(depth: number): RegexNode | undefined {
    const char = this.source[this.pos];
    switch (char) {
      case '(':
        return this.parseGroup(depth);
      case '[':
        return this.parseClass();
      case '.':
        this.pos += 1;
        return { kind: 'set', set: this.flags.dotAll ? [0, MAX_CODE_POINT] : negateSet([10, 10]) };
      case '^':
        this.pos += 1;
        return { kind: 'assertion', assertion: this.flags.multiline ? 'line-start' : 'start', asciiWord: false };
      case '$':
        this.pos += 1;
        return { kind: 'assertion', assertion: this.flags.multiline ? 'line-end' : 'end-or-final-newline', asciiWord: false };
      case '\\':
        return this.parseEscape();
      default: {
        const cp = this.source.codePointAt(this.pos) ?? 0;
        this.pos += cp > 0xffff ? 2 : 1;
        return this.literal(cp);
      }
    }
  }

  private literal(cp: number): RegexNode {
    if (!this.flags.ignoreCase) return { kind: 'set', set: [cp, cp], literal: cp };
    return { kind: 'set', set: closeUnderCaseFold([cp, cp], this.flags.ascii) };
  }

  private parseGroup(depth: number): RegexNode | undefined {
    const start = this.pos;
    const rest = this.source.slice(start, start + 4);
    for (const [prefix, construct] of REFUSED_GROUPS) {
      if (rest.startsWith(prefix)) throw new RegexSyntaxError(`${construct} is not supported (it needs backtracking)`);
    }
    let index = -1;
    const saved = this.flags;
    if (rest.startsWith('(?P<') || (rest.startsWith('(?<') && !rest.startsWith('(?<=') && !rest.startsWith('(?<!'))) {
      const open = this.source.indexOf('<', start);
      const close = this.source.indexOf('>', open);
      const name = close === -1 ? '' : this.source.slice(open + 1, close);
      if (close === -1) throw new RegexSyntaxError(`missing >, unterminated name at position ${open + 1}`);
      if (!IDENTIFIER.test(name)) throw new RegexSyntaxError(`bad character in group name '${name}' at position ${open + 1}`);
      if (this.groupNames.has(name)) throw new RegexSyntaxError(`redefinition of group name '${name}' at position ${open + 1}`);
      index = ++this.groupCount;
      this.groupNames.set(name, index);
      this.pos = close + 1;
    } else if (rest.startsWith('(?P')) {
      throw new RegexSyntaxError(`unknown extension ${rest.slice(0, 4)} at position ${start}`);
    } else if (rest.startsWith('(?#')) {
      const close = this.source.indexOf(')', start);
      if (close === -1) throw new RegexSyntaxError(`missing ), unterminated comment at position ${start}`);
      this.pos = close + 1;
      return undefined;
    } else if (rest.startsWith('(?')) {
      const scoped = this.parseInlineFlags(start);
      if (scoped === 'global') return undefined;
    } else {
      index = ++this.groupCount;
      this.pos += 1;
    }
    const body = this.parseAlternation(depth + 1);
    if (this.source[this.pos] !== ')') throw new RegexSyntaxError(`missing ), unterminated subpattern at position ${start}`);
    this.pos += 1;
    this.flags = saved;
    return index === -1 ? body : { kind: 'group', index, body };
  }

  /** `(?aimsux)` at the very start (global) or `(?aimsux-imsx:` (scoped, this.flags changed until `)`). */
  private parseInlineFlags(start: number): 'global' | 'scoped' {
    const match = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(this.source.slice(start, start + 20));
    if (match === null) throw new RegexSyntaxError(`unknown extension ${this.source.slice(start, start + 3)} at position ${start}`);
    const [, on = '', off, end] = match;
    if (end === ')' && off !== undefined) throw new RegexSyntaxError(`missing : after inline flags at position ${start}`);
    const flags = { ...this.flags };
    for (const [letters, value] of [
      [on, true],
      [off ?? '', false],
    ] as const) {
      for (const letter of letters) {
        const flag = FLAG_LETTERS[letter];
        if (flag === undefined) throw new RegexSyntaxError(`unknown flag '${letter}' at position ${start}`);
        if (flag === 'locale') throw new RegexSyntaxError('the LOCALE flag (?L) is not supported (it is for bytes patterns)');
        if (!value && (flag === 'ascii' || flag === 'unicode')) throw new RegexSyntaxError(`bad inline flags: cannot turn off flag '${letter}'`);
        if (flag === 'unicode') flags.ascii = false;
        else flags[flag] = value;
      }
    }
    if (on.includes('a') && on.includes('u')) throw new RegexSyntaxError("bad inline flags: flags 'a' and 'u' are incompatible");
    this.pos = start + match[0].length;
    if (end === ')') {
      if (start !== 0) throw new RegexSyntaxError(`global flags not at the start of the expression at position ${start}`);
      this.flags = flags;
      return 'global';
    }
    this.flags = flags;
    return 'scoped';
  }

  private skipVerbose(): void {
    if (!this.flags.verbose) return;
    for (;;) {
      const char = this.source[this.pos];
      if (char === '#') {
        const newline = this.source.indexOf('\n', this.pos);
        this.pos = newline === -1 ? this.source.length : newline + 1;
      } else if (char !== undefined && ' \t\n\r\f\v'.includes(char)) {
        this.pos += 1;
      } else {
        return;
      }
    }
  }

  private parseEscape(): RegexNode {
    const at = this.pos;
    const char = this.source[at + 1];
    if (char === undefined) throw new RegexSyntaxError('bad escape (end of pattern)');
    this.pos += 2;
    const ascii = this.flags.ascii;
    switch (char) {
      case 'A':
        return { kind: 'assertion', assertion: 'start', asciiWord: false };
      case 'Z':
        return { kind: 'assertion', assertion: 'end', asciiWord: false };
      case 'b':
        return { kind: 'assertion', assertion: 'word-boundary', asciiWord: ascii };
      case 'B':
        return { kind: 'assertion', assertion: 'not-word-boundary', asciiWord: ascii };
    }
    // Python tests categories on the character itself, also under IGNORECASE (no case folding).
    const category = this.category(char);
    if (category !== undefined) return { kind: 'set', set: category };
    if (char === '0' || DIGIT.test(char)) {
      const octal = /^[0-7]{3}|^0[0-7]{0,2}/.exec(this.source.slice(at + 1, at + 4));
      if (octal === null) {
        const number = /^[0-9]{1,2}/.exec(this.source.slice(at + 1))?.[0] ?? char;
        throw new RegexSyntaxError(`backreference \\${number} is not supported (it needs backtracking)`);
      }
      const value = parseInt(octal[0], 8);
      if (value > 0o377) throw new RegexSyntaxError(`octal escape value \\${octal[0]} outside of range 0-0o377`);
      this.pos = at + 1 + octal[0].length;
      return this.literal(value);
    }
    return this.literal(this.escapedCodePoint(char, at));
  }

  /** `\d \D \s \S \w \W` as sets, or undefined. */
  private category(char: string): CharSet | undefined {
    const ascii = this.flags.ascii;
    switch (char) {
      case 'd':
        return ascii ? ASCII_DIGIT : unicodeDigit();
      case 'D':
        return negateSet(ascii ? ASCII_DIGIT : unicodeDigit());
      case 's':
        return ascii ? ASCII_SPACE : UNICODE_SPACE;
      case 'S':
        return negateSet(ascii ? ASCII_SPACE : UNICODE_SPACE);
      case 'w':
        return ascii ? ASCII_WORD : unicodeWord();
      case 'W':
        return negateSet(ascii ? ASCII_WORD : unicodeWord());
      default:
        return undefined;
    }
  }

  /** The code point of a character escape other than octal (`\n`, `\x41`, `\u00e9`, `\U0001F600`, `\.`). */
  private escapedCodePoint(char: string, at: number): number {
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) return control;
    const width = char === 'x' ? 2 : char === 'u' ? 4 : char === 'U' ? 8 : 0;
    if (width > 0) {
      const digits = this.source.slice(at + 2, at + 2 + width);
      if (digits.length !== width || ![...digits].every((digit) => HEX.test(digit))) throw new RegexSyntaxError(`incomplete escape \\${char}${digits} at position ${at}`);
      const value = parseInt(digits, 16);
      if (value > MAX_CODE_POINT) throw new RegexSyntaxError(`bad escape \\${char}${digits} at position ${at}`);
      this.pos = at + 2 + width;
      return value;
    }
    if (char === 'N') throw new RegexSyntaxError('named Unicode escapes \\N{...} are not supported; write the character or \\uXXXX');
    if (ASCII_LETTER.test(char)) throw new RegexSyntaxError(`bad escape \\${char} at position ${at}`);
    const cp = this.source.codePointAt(at + 1) ?? 0;
    this.pos = at + 1 + (cp > 0xffff ? 2 : 1);
    return cp;
  }

  private parseClass(): RegexNode {
    const start = this.pos;
    this.pos += 1;
    const negate = this.source[this.pos] === '^';
    if (negate) this.pos += 1;
    const first = this.pos;
    const ranges: number[] = [];
    for (;;) {
      const char = this.source[this.pos];
      if (char === undefined) throw new RegexSyntaxError(`unterminated character set at position ${start}`);
      if (char === ']' && this.pos !== first) {
        this.pos += 1;
        break;
      }
      const low = this.classItem();
      if (this.source[this.pos] === '-' && this.source[this.pos + 1] !== ']' && this.source[this.pos + 1] !== undefined) {
        const dash = this.pos;
        this.pos += 1;
        const high = this.classItem();
        if (typeof low !== 'number' || typeof high !== 'number') throw new RegexSyntaxError(`bad character range at position ${dash}`);
        if (high < low) throw new RegexSyntaxError(`bad character range at position ${dash}`);
        ranges.push(low, high);
      } else if (typeof low === 'number') {
        ranges.push(low, low);
      } else {
        ranges.push(...low);
      }
    }
    let set = normalizeRanges(ranges);
    if (this.flags.ignoreCase) set = closeUnderCaseFold(set, this.flags.ascii);
    return { kind: 'set', set: negate ? negateSet(set) : set };
  }

  /** One class member: a code point, or a category's set (`\w` inside `[...]`). */
  private classItem(): number | CharSet {
    const at = this.pos;
    const cp = this.source.codePointAt(at) ?? 0;
    if (cp !== 0x5c) {
      this.pos += cp > 0xffff ? 2 : 1;
      return cp;
    }
    const char = this.source[at + 1];
    if (char === undefined) throw new RegexSyntaxError('bad escape (end of pattern)');
    this.pos = at + 2;
    const category = this.category(char);
    if (category !== undefined) return category;
    if (char === 'b') return 8;
    if (OCTAL.test(char)) {
      const octal = /^[0-7]{1,3}/.exec(this.source.slice(at + 1, at + 4))?.[0] ?? char;
      const value = parseInt(octal, 8);
      if (value > 0o377) throw new RegexSyntaxError(`octal escape value \\${octal} outside of range 0-0o377`);
      this.pos = at + 1 + octal.length;
      return value;
    }
    if (DIGIT.test(char)) throw new RegexSyntaxError(`bad escape \\${char} at position ${at}`);
    return this.escapedCodePoint(char, at);
  }
}
