import fc from 'fast-check';
import { jsonString, mutatedObjectText, oddKey, oddString, type FieldPlan } from './fuzz-json-text.js';

/**
 * Request bodies per endpoint: a valid request's shape with fields mutated (fuzz-json-text.ts), so most
 * runs get past the first checks and reach routing, translation, the upstream mock and the reply.
 */

/** The model names the fuzz router serves (one per upstream kind), and one it does not. */
export const FUZZ_MODELS = ['gpt', 'claude', 'llama', 'echo'] as const;

export type FuzzPath = '/v1/chat/completions' | '/v1/completions' | '/v1/messages' | '/v1/messages/count_tokens';
export const FUZZ_PATHS: readonly FuzzPath[] = ['/v1/chat/completions', '/v1/completions', '/v1/messages', '/v1/messages/count_tokens'];

const TOOL_SCHEMA = '{"type":"object","properties":{"city":{"type":"string"}}}';
const streamText = fc.constantFrom('true', 'false');
const smallIntText = fc.integer({ min: 1, max: 64 }).map(String);
const arrayText = (item: fc.Arbitrary<string>, maxLength = 3) => fc.array(item, { minLength: 1, maxLength }).map((items) => `[${items.join(',')}]`);

/**
 * The body generator of `path`, each field and nested field mutated with `odd` (wrong types, odd
 * strings and keys: oddValueText; or deep nesting: deepText). Every endpoint gets a random `stream` flag
 * (count_tokens ignores it) and models on every upstream kind, so passthrough and translation both run.
 */
export function endpointBody(path: FuzzPath, odd: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const obj = (plan: FieldPlan) => mutatedObjectText(plan, odd);
  const modelText = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FUZZ_MODELS, 'no-such-model').map(jsonString) }, { weight: 1, arbitrary: odd });
  const textPart = obj([
    ['type', fc.constant('"text"')],
    ['text', oddString.map(jsonString)],
  ]);
  /** A message content: a string (odd ones included) or an array of text parts. */
  const contentText = fc.oneof(oddString.map(jsonString), arrayText(textPart));
  switch (path) {
    case '/v1/chat/completions': {
      const message = obj([
        ['role', fc.constantFrom('"user"', '"system"', '"assistant"', '"developer"', '"tool"')],
        ['content', contentText],
      ]);
      const fn = obj([
        ['name', fc.constantFrom('"get_weather"', '"a-b_c"')],
        ['parameters', fc.constant(TOOL_SCHEMA)],
      ]);
      const tool = obj([
        ['type', fc.constant('"function"')],
        ['function', fn],
      ]);
      return obj([
        ['model', modelText],
        ['messages', arrayText(message)],
        ['stream', streamText],
        ['max_tokens', smallIntText],
        ['temperature', fc.constantFrom('0', '0.5', '1')],
        ['tools', arrayText(tool, 2)],
        ['stop', fc.constantFrom('"\\n"', '["END"]')],
      ]);
    }
    case '/v1/completions':
      return obj([
        ['model', modelText],
        ['prompt', oddString.map(jsonString)],
        ['stream', streamText],
        ['max_tokens', smallIntText],
        ['suffix', oddString.map(jsonString)],
      ]);
    case '/v1/messages':
    case '/v1/messages/count_tokens': {
      const message = obj([
        ['role', fc.constantFrom('"user"', '"assistant"')],
        ['content', contentText],
      ]);
      const tool = obj([
        ['name', fc.constantFrom('"get_weather"', '"a-b_c"')],
        ['input_schema', fc.constant(TOOL_SCHEMA)],
      ]);
      const common: FieldPlan = [
        ['model', modelText],
        ['messages', arrayText(message)],
        ['system', oddString.map(jsonString)],
        ['tools', arrayText(tool, 2)],
      ];
      if (path === '/v1/messages/count_tokens') return obj(common);
      return obj([...common, ['max_tokens', smallIntText], ['stream', streamText], ['metadata', fc.constant('{"user_id":"u-1"}')]]);
    }
  }
}

/** A valid request of `path` for `model` as a template: `@TOP` and `@MSG` mark where extra members go. */
function template(path: FuzzPath, model: string, stream: boolean): string {
  const m = jsonString(model);
  const message = '{"role":"user","content":"hi"@MSG}';
  switch (path) {
    case '/v1/chat/completions':
      return `{"model":${m},"messages":[${message}],"stream":${stream}@TOP}`;
    case '/v1/completions':
      return `{"model":${m},"prompt":"hi","max_tokens":5,"stream":${stream}@TOP}`;
    case '/v1/messages':
      return `{"model":${m},"max_tokens":5,"messages":[${message}],"stream":${stream}@TOP}`;
    case '/v1/messages/count_tokens':
      return `{"model":${m},"messages":[${message}]@TOP}`;
  }
}

/**
 * A valid request with one to three extra members whose *names* are odd (CR/LF, NUL, non-ASCII, lone
 * surrogates, `__proto__`, `constructor`, credential header names), at the top level or in a message,
 * for every model: unknown field names end up in warnings (the `x-router-warnings` header), error
 * messages and logs, and prototype keys in every object walk. Values are small so that the runs are cheap.
 */
export function oddFieldNamesBody(path: FuzzPath): fc.Arbitrary<string> {
  const member = fc.tuple(oddKey, fc.constantFrom('1', '"x"', 'null', '{}', '[]', '{"__proto__":{"polluted":true}}'));
  const members = fc.array(fc.tuple(fc.boolean(), member), { minLength: 1, maxLength: 3 });
  return fc.tuple(fc.constantFrom(...FUZZ_MODELS), fc.boolean(), members).map(([model, stream, extras]) => {
    const at = (top: boolean) => extras.filter(([isTop]) => isTop === top).map(([, [key, value]]) => `,${jsonString(key)}:${value}`).join('');
    return template(path, model, stream).replace('@TOP', at(true)).replace('@MSG', path === '/v1/completions' ? '' : at(false));
  });
}

/** A valid request per endpoint (the raw-protocol property corrupts these). */
export const VALID_BODIES: Readonly<Record<FuzzPath, string>> = {
  '/v1/chat/completions': '{"model":"gpt","messages":[{"role":"user","content":"hi"}]}',
  '/v1/completions': '{"model":"gpt","prompt":"hi","max_tokens":5}',
  '/v1/messages': '{"model":"claude","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}',
  '/v1/messages/count_tokens': '{"model":"claude","messages":[{"role":"user","content":"hi"}]}',
};

/** Content types: JSON ones (with odd parameters) and others the router must refuse rather than parse. */
export const contentTypeArb: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json; charset=latin1',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/jsonx',
  'text/json',
  '',
  undefined,
);

/** A body as bytes: valid, truncated at any point, with invalid UTF-8 spliced in, empty, or not JSON at all. */
export function rawBodyArb(path: FuzzPath): fc.Arbitrary<{ bytes: Buffer; note: string }> {
  const valid = Buffer.from(VALID_BODIES[path]);
  const invalidUtf8 = fc.constantFrom(
    Buffer.from([0xff]),
    Buffer.from([0xc3]), // a lead byte without its continuation
    Buffer.from([0xed, 0xa0, 0x80]), // a UTF-16 surrogate encoded as UTF-8 (CESU)
    Buffer.from([0xc0, 0xaf]), // overlong '/'
    Buffer.from([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
  );
  return fc.oneof(
    fc.constant({ bytes: valid, note: 'valid' }),
    fc.integer({ min: 0, max: valid.length - 1 }).map((at) => ({ bytes: valid.subarray(0, at), note: `truncated at ${at}` })),
    fc
      .tuple(fc.integer({ min: 0, max: valid.length }), invalidUtf8)
      .map(([at, bad]) => ({ bytes: Buffer.concat([valid.subarray(0, at), bad, valid.subarray(at)]), note: `invalid UTF-8 ${bad.toString('hex')} at ${at}` })),
    fc.constantFrom('', 'null', '[]', '"x"', '1', 'model=gpt', '{"model":"gpt"', '\ufeff{}', '{"model":"gpt"}garbage').map((text) => ({
      bytes: Buffer.from(text),
      note: 'not a request object',
    })),
  );
}
