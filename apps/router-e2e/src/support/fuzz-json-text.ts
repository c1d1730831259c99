import fc from 'fast-check';

/**
 * The fuzz vocabulary, as JSON *text* rather than JS values: text can hold what JSON.stringify never
 * writes (keys `__proto__`, duplicate keys, numbers like 1e400 or -0, nesting deeper than the stack).
 * Every generator below says which failure it aims at.
 */

/** Strings that break header writers (CR/LF, NUL, non-ASCII), log lines, UTF-16 handling and type sniffing. */
export const oddStrings: readonly string[] = [
  '',
  '\u0000',
  'a\r\nX-Injected: yes', // header / log injection
  '\r\n\r\nHTTP/1.1 200 OK\r\n\r\n',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  'x\ud83d', // surrogate pair cut in half
  'é', // non-ASCII: invalid in a header value written by Node
  '日本語\u{1f600}',
  '\u202e\ufeff\u2028\u2029', // bidi override, BOM, JS line separators
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  '__proto__',
  'constructor',
  '${OPENAI_API_KEY}', // config-style interpolation must not happen on client data
  '%s%d%n',
  '\\',
  '"',
];

/** A huge string: body-size, token-estimate and logging limits (up to ~1 M characters of 1-3 bytes; shrinks to empty). */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('x', 'é', '\u{1f600}', 'a\r\n'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/**
 * Any short string: the fixed odd ones, arbitrary code points (lone surrogates included), graphemes. Huge
 * strings come only through oddValueText: a body of many string fields would otherwise almost always
 * carry megabytes, and the property would spend its time budget moving bytes.
 */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...oddStrings) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** Object keys aimed at prototype pollution, header/credential names and field-name echoes in warnings. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'x-api-key', 'authorization', 'model', 'stream', ''),
  fc.constantFrom(...oddStrings.filter((s) => s.length < 100)),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** Number literals JSON allows but JS numbers do not round-trip: overflow to Infinity, -0, beyond 2^53. */
export const oddNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1e400', '-1e400', '-0', '0e0', '1E-400', '123456789012345678901234567890', '-9007199254740993', '4294967296', '0.1e1', '-1', '0'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
);

/** A JSON string literal of `value` (lone surrogates come out as \\u escapes, as JSON.stringify writes them). */
export const jsonString = (value: string): string => JSON.stringify(value);

/** `[[[...]]]` or `{"a":{"a":...}}` nested `depth` deep: parser recursion, depth limits, recursive walkers. */
export function nestedText(depth: number, kind: 'array' | 'object', leaf = '0'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

/** Deep nesting, up to 5,000 levels (the depth shrinks to the smallest that still fails). */
export const deepText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 5_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
  .map(([depth, kind]) => nestedText(depth, kind));

/** A wide array or object (up to 10,000 members): loops over members, per-key work, header counts. */
export const wideText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.boolean())
  .map(([width, asArray]) =>
    asArray ? `[${Array.from({ length: width }, () => '{}').join(',')}]` : `{${Array.from({ length: width }, (_, i) => `"k${i}":${i}`).join(',')}}`,
  );

const leafText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('null', 'true', 'false'), oddNumberText, oddString.map(jsonString));

/** Arbitrary small JSON of odd leaves and odd keys (duplicate and prototype keys included): wrong types anywhere. */
export const oddJsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafText, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(oddKey, tie('value')), { maxLength: 4 }).map((entries) => objectText(entries)),
})).value;

/**
 * What a field may be replaced with: odd JSON mostly, sometimes wide or huge. Deep nesting is its own
 * generator (deepText), fuzzed in its own property: otherwise it is found first and hides everything else.
 */
export const oddValueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: oddJsonText },
  { weight: 1, arbitrary: wideText },
  { weight: 1, arbitrary: hugeString.map(jsonString) },
);

/** `{"k":v,...}` from entries whose values are already JSON text (keys may repeat, as JSON text allows). */
export function objectText(entries: ReadonlyArray<readonly [string, string]>): string {
  return `{${entries.map(([key, value]) => `${jsonString(key)}:${value}`).join(',')}}`;
}

/** A field of a valid-ish object: mostly its valid value, sometimes left out, sometimes replaced by an odd value. */
export type FieldPlan = ReadonlyArray<readonly [name: string, valid: fc.Arbitrary<string>]>;

/**
 * A JSON object built from a plan: each field valid (most runs), absent, or of a wrong type/odd value,
 * plus up to two extra members with odd keys (unknown fields, `__proto__`, names echoed in warnings).
 */
export function mutatedObjectText(plan: FieldPlan, odd: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const fields = plan.map(([name, valid]) =>
    fc
      .oneof(
        { weight: 8, arbitrary: valid.map((value) => [name, value] as const) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: odd.map((value) => [name, value] as const) },
      )
      .map((entry) => (entry === undefined ? [] : [entry])),
  );
  const extras = fc.array(fc.tuple(oddKey, odd), { maxLength: 2 });
  return fc.tuple(fc.tuple(...fields), extras).map(([present, extra]) => objectText([...present.flat(), ...extra]));
}
