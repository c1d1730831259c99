import { describe, expect, it } from '@jest/globals';
import { compilePythonRegex, pythonSub, RegexWorkLimitError } from './python-regex.js';
import type { RegexFlags } from './regex-ast.js';

function flagsOf(letters: string): RegexFlags {
  return { ignoreCase: letters.includes('I'), multiline: letters.includes('M'), dotAll: letters.includes('S'), ascii: letters.includes('A'), verbose: letters.includes('X') };
}

function sub(pattern: string, replacement: string, text: string, letters = ''): string {
  return pythonSub(compilePythonRegex(pattern, flagsOf(letters), replacement), text);
}

function errorOf(pattern: string, replacement = '', letters = ''): string {
  try {
    compilePythonRegex(pattern, flagsOf(letters), replacement);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a compile error');
}

/** [pattern, flags (I M S A X), replacement, input, what CPython 3's re.sub returns (recorded from it)]. */
const PYTHON_RESULTS: ReadonlyArray<readonly [string, string, string, string, string]> = [
  ["\\b[\\w.-]+@[\\w.-]+\\.\\w+\\b", "", "[EMAIL]", "Write to josé.garcía@empresa.es or jürgen@müller.de today.", "Write to [EMAIL] or [EMAIL] today."],
  ["[\\w.]+@[\\w.]+", "", "<e>", "ナオキ@例え.jp and x@y", "<e> and <e>"],
  ["\\w+", "", "<\\g<0>>", "naïve café_1 ٣٤ Ⅻ 😀", "<naïve> <café_1> <٣٤> <Ⅻ> 😀"],
  ["\\d+", "", "#", "a1٣٤b２", "a#b#"],
  ["\\s+", "", "_", "a b c\u001cd​e", "a_b_c_d​e"],
  ["\\W+", "", "|", "über-straße!", "über|straße|"],
  ["\\w+", "A", "<\\g<0>>", "naïve café_1", "<na>ï<ve> <caf>é<_1>"],
  ["\\d", "A", "#", "1٣", "#٣"],
  ["\\s", "A", "_", "a b c", "a b_c"],
  ["\\bcafé\\b", "", "X", "café cafés écafé", "X cafés écafé"],
  ["\\bcaf\\b", "A", "X", "café caf", "Xé X"],
  ["\\B\\w", "", ".", "abc déf", "a.. d.."],
  ["a.c", "", "X", "abc a\nc a😀c", "X a\nc X"],
  ["a.c", "S", "X", "a\nc", "X"],
  ["^\\w", "", "X", "ab\ncd", "Xb\ncd"],
  ["^\\w", "M", "X", "ab\ncd", "Xb\nXd"],
  ["\\w$", "", "X", "ab\ncd\n", "ab\ncX\n"],
  ["\\w$", "M", "X", "ab\ncd\n", "aX\ncX\n"],
  ["$", "", "X", "ab\n", "abX\nX"],
  ["\\Z", "", "X", "ab\n", "ab\nX"],
  ["\\Aa", "M", "X", "ab\nab", "Xb\nab"],
  ["straße", "I", "X", "STRASSE Straße STRAẞE", "STRASSE X X"],
  ["k", "I", "X", "kKK", "XXX"],
  ["s", "I", "X", "sSſ", "XXX"],
  ["[a-c]+", "I", "X", "ABCabcd", "Xd"],
  ["[^a]", "I", "X", "aAb", "aAX"],
  ["é", "I", "X", "éÉe", "XXe"],
  ["k", "IA", "X", "kKK", "XXK"],
  ["(?i)hello", "", "X", "HeLLo", "X"],
  ["a(?i:b)c", "", "X", "aBc ABC abC", "X ABC abC"],
  ["(?i)a(?-i:b)c", "", "X", "AbC ABC", "X ABC"],
  ["\\d+ # digits\n   \\s* - \\s*  # dash\n   \\d+", "X", "R", "call 12 - 34", "call R"],
  ["a\\ b [ ]c", "X", "X", "a b c", "X"],
  ["(?P<user>\\w+)@(?P<host>\\w+)", "", "\\g<host>:\\g<user> \\g<0> \\2\\1", "bob@ex", "ex:bob bob@ex exbob"],
  ["(a)|(b)", "", "[\\1\\2]", "ab", "[a][b]"],
  ["(a)", "", "\\n\\t\\\\\\&\\0\\101", "a", "\n\t\\\\&\u0000A"],
  ["(\\w)(\\w)?", "", "<\\2>", "abc", "<b><>"],
  ["(?:a|b)+", "", "<\\g<0>>", "aabbc", "<aabb>c"],
  ["a{2,3}", "", "X", "aaaaaaa", "XXa"],
  ["a{,2}", "", "X", "aaa", "XXX"],
  ["a{2}?", "", "X", "aaaaa", "XXa"],
  ["a{,}", "", "X", "aaa", "XX"],
  ["x{}", "", "X", "x{}", "X"],
  ["a+?", "", "X", "aaa", "XXX"],
  ["a*?b", "", "X", "aab", "X"],
  ["(?#comment)a", "", "X", "ba", "bX"],
  ["x*", "", "-", "abxd", "-a-b--d-"],
  ["|a", "", "-", "a", "---"],
  ["(?:|a)*", "", "<\\g<0>>", "aa", "<><a><><a><>"],
  ["\\b", "", "|", "hi there", "|hi| |there|"],
  ["a|", "", "-", "baac", "-b---c-"],
  ["\\x41\\u00e9\\U0001F600\\101\\0", "", "X", "Aé😀A\u0000", "X"],
  ["[\\x41-\\x43]+", "", "X", "ABCD", "XD"],
  ["\\.\\-\\@\\#", "", "X", ".-@#", "X"],
  ["[]a]", "", "X", "]a", "XX"],
  ["[a-]", "", "X", "a-", "XX"],
  ["[\\b]", "", "X", "a\bb", "aXb"],
  ["😀+", "", "X", "😀😀a", "Xa"],
  ["[😀-😂]", "", "X", "😁", "X"],
];

describe('Python re.sub semantics', () => {
  it.each(PYTHON_RESULTS)('re.sub(%j, flags %j, %j, %j) is %j', (pattern, letters, replacement, text, expected) => {
    expect(sub(pattern, replacement, text, letters)).toBe(expected);
  });

  it("turns the seed's e-mail examples into [EMAIL] (Unicode \\w and \\b)", () => {
    const rule = '\\b[\\w.-]+@[\\w.-]+\\.\\w+\\b';
    expect(sub(rule, '[EMAIL]', 'josé.garcía@empresa.es')).toBe('[EMAIL]');
    expect(sub(rule, '[EMAIL]', 'jürgen@müller.de')).toBe('[EMAIL]');
  });

  it('treats a surrogate pair as one code point, also for . and classes', () => {
    expect(sub('^.$', 'one', '😀')).toBe('one');
    expect(sub('[^a]', 'x', '😀a')).toBe('xa');
  });
});

describe('refused patterns and replacements (Python syntax errors, and constructs that need backtracking)', () => {
  it.each([
    ['a{3,2}', 'min repeat greater than max repeat at position 1'],
    ['a**', 'multiple repeat at position 2'],
    ['*a', 'nothing to repeat at position 0'],
    ['\\b*', 'nothing to repeat at position 2'],
    ['(a', 'missing ), unterminated subpattern at position 0'],
    ['a)', 'unbalanced parenthesis at position 1'],
    ['\\q', 'bad escape \\q at position 0'],
    ['[b-a]', 'bad character range at position 2'],
    ['[\\w-z]', 'bad character range at position 3'],
    ['(?P<1x>a)', "bad character in group name '1x' at position 4"],
    ['(?P<x>a)(?P<x>b)', "redefinition of group name 'x' at position 12"],
    ['a(?i)b', 'global flags not at the start of the expression at position 1'],
    ['\\8', 'backreference \\8 is not supported (it needs backtracking)'],
    ['(?P<x>a)(?P=x)', 'backreference (?P=name) is not supported (it needs backtracking)'],
    ['a(?=b)', 'lookahead (?=...) is not supported (it needs backtracking)'],
    ['(?<!a)b', 'negative lookbehind (?<!...) is not supported (it needs backtracking)'],
    ['(?>a)', 'atomic group (?>...) is not supported (it needs backtracking)'],
    ['a*+', 'possessive quantifier *+ is not supported (it needs backtracking)'],
    ['(?(1)a|b)', 'conditional (?(...)...) is not supported (it needs backtracking)'],
    ['(?-a:x)', "bad inline flags: cannot turn off flag 'a'"],
    ['[a', 'unterminated character set at position 0'],
    ['\\N{DASH}', 'named Unicode escapes \\N{...} are not supported; write the character or \\uXXXX'],
    ['\\777', 'octal escape value \\777 outside of range 0-0o377'],
    ['a{1000}{0}', 'multiple repeat at position 7'],
  ])('refuses %j: %s', (pattern, message) => {
    expect(errorOf(pattern)).toBe(message);
  });

  it('refuses groups nested deeper than the bound instead of overflowing the stack', () => {
    expect(errorOf('('.repeat(5000) + ')'.repeat(5000))).toBe('groups nested deeper than 100');
  });

  it('refuses a program over the size cap, counting counted repetition', () => {
    expect(errorOf('[a-z]{2000}')).toMatch(/^the pattern is too large: it compiles to 2003 instructions, more than 2000/);
    expect(errorOf('(?:(?:a{100}){100}){100}')).toMatch(/^the pattern is too large: it compiles to 1000003 instructions/);
  });

  it.each([
    ['\\3', 'invalid group reference 3'],
    ['\\g<3>', 'invalid group reference 3'],
    ['\\g<nope>', "unknown group name 'nope'"],
    ['\\g<1', 'missing >, unterminated name at position 3'],
    ['\\g1', 'missing < at position 2'],
    ['\\q', 'bad escape \\q at position 0'],
    ['\\x41', 'bad escape \\x at position 0'],
    ['a\\', 'bad escape (end of pattern)'],
    ['$1', 'JS-style reference $1 at position 0: replacements use Python syntax (\\1, \\g<name>, \\g<0>)'],
    ['$<w>', 'JS-style reference $< at position 0: replacements use Python syntax (\\1, \\g<name>, \\g<0>)'],
    ['$&', 'JS-style reference $& at position 0: replacements use Python syntax (\\1, \\g<name>, \\g<0>)'],
  ])('refuses the replacement %j: %s', (replacement, message) => {
    expect(errorOf('(?P<w>a)(b)', replacement)).toBe(message);
  });

  it('keeps a $ that is not a JS reference literal, as Python does', () => {
    expect(sub('price', 'US$ 5 $', 'price')).toBe('US$ 5 $');
  });
});

describe('linear time (no timing: the engine cannot backtrack, and its steps are counted)', () => {
  it('answers (a+)+$ over 50_000 a and a ! (exponential for a backtracking engine)', () => {
    const text = `${'a'.repeat(50_000)}!`;
    expect(sub('(a+)+$', 'X', text)).toBe(text);
  });

  it.each([
    ['(a+)+$', (n: number) => `${'a'.repeat(n)}!`],
    ['[\\w.]+@[\\w.]+', (n: number) => `${'a.'.repeat(n / 2)}@`],
    ['(?:a|aa)*c', (n: number) => `${'a'.repeat(n)}bc`],
    ['\\b[\\w.-]+@[\\w.-]+\\.\\w+\\b', (n: number) => `${'é'.repeat(n)}@`],
  ])('steps of %j grow linearly with the input', (pattern, input) => {
    const compiled = compilePythonRegex(pattern, flagsOf(''), 'X');
    const steps = (n: number): number => {
      const stats = { steps: 0 };
      pythonSub(compiled, input(n), stats);
      return stats.steps;
    };
    const small = steps(2_000);
    const large = steps(20_000);
    // Ten times the input, about ten times the steps (quadratic would be a hundred times).
    expect(large).toBeLessThanOrEqual(small * 11);
    expect(large).toBeGreaterThanOrEqual(small * 9);
  });

  it('bounds the rescans of successive searches with a work limit error', () => {
    // Each search for `a` first follows `a.*b` to the end of the text: quadratic over many matches.
    const compiled = compilePythonRegex('a.*b|a', flagsOf(''), 'X');
    expect(() => pythonSub(compiled, 'a'.repeat(5_000))).toThrow(RegexWorkLimitError);
    expect(pythonSub(compiled, 'aaa')).toBe('XXX');
  });

  it('skips strings without the required literal and positions that cannot start a match', () => {
    const compiled = compilePythonRegex('[\\w.]+@[\\w.]+', flagsOf(''), 'X');
    expect(compiled.program.requiredChar).toBe('@');
    const stats = { steps: 0 };
    pythonSub(compiled, 'a'.repeat(100_000), stats);
    expect(stats.steps).toBe(0);
    const tail = { steps: 0 };
    expect(pythonSub(compiled, `a@b ${'a'.repeat(100_000)}`, tail)).toBe(`X ${'a'.repeat(100_000)}`);
    expect(tail.steps).toBeLessThan(100);
    const spaces = { steps: 0 };
    pythonSub(compilePythonRegex('x\\d', flagsOf(''), 'X'), `${' '.repeat(100_000)}x1`, spaces);
    expect(spaces.steps).toBeLessThan(20);
  });
});
