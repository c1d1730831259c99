import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jsonTextTooDeep, MAX_JSON_DEPTH } from '@llm-router/core';
import fc from 'fast-check';
import { contentTypeArb, endpointBody, FUZZ_PATHS, oddFieldNamesBody, rawBodyArb, type FuzzPath } from './support/fuzz-bodies.js';
import { postRaw } from './support/fuzz-exchange.js';
import { FuzzRouter, FUZZ_SECRETS } from './support/fuzz-router.js';
import { deepText, oddValueText } from './support/fuzz-json-text.js';
import { fuzzParameters, fuzzTestTimeoutMs } from './support/fuzz-settings.js';
import { judgeAnswer, nestingDepth, type FuzzRequest } from './support/fuzz-verdict.js';

// Property-based proof of the hardening issue: generated requests (mutated valid ones: wrong types,
// nesting up to 5,000, huge and odd strings, prototype and CR/LF keys; and raw protocol oddities: content
// types, invalid UTF-8, truncated JSON) against every endpoint of the built router. Every answer is 200 in
// the client's format or a 4xx in the client's error format, completes within a bound, and carries no
// configured secret; the router never dies of a request and never forwards a body nested deeper than
// MAX_JSON_DEPTH; afterwards it is alive with no stream left open. Fixed seed by default
// (printed with any counterexample): FUZZ_SEED / FUZZ_PATH replay, FUZZ_RUNS=<n> runs longer.

/** A complete answer takes far less; a request still unanswered after this is a hang. */
const ANSWER_BOUND_MS = 4_000;
/** Each property's wall-clock cap, shrinking included (CI budget: well under 20 s each). */
const PROPERTY_TIME_MS = 15_000;
const SECRETS = Object.values(FUZZ_SECRETS);

describe('security fuzz: generated requests against every endpoint', () => {
  const harness = new FuzzRouter();

  beforeAll(() => harness.start(), 30_000);
  afterAll(() => harness.stop(), 30_000);

  let sent = 0;
  /** Sends one request and throws (for fast-check to shrink and report) when the answer breaks the oracle or kills the router. */
  async function check(request: FuzzRequest): Promise<void> {
    const url = await harness.url();
    const requestId = `fuzz-${++sent}`;
    harness.resetMocks();
    const answer = await postRaw(`${url}${request.path}`, request.bytes, request.contentType, requestId, ANSWER_BOUND_MS);
    const death = await harness.diedOf(requestId);
    // An upstream's 4xx relayed to the client looks like the router's own refusal: what reached the mocks tells them apart.
    const forwarded = harness.upstreamRequests().find(({ request: sentUp }) => jsonTextTooDeep(sentUp.rawBody));
    const tooDeepUpstream =
      forwarded === undefined ? undefined : `a body nested ${nestingDepth(forwarded.request.rawBody)} deep (over MAX_JSON_DEPTH ${MAX_JSON_DEPTH}) was forwarded to the ${forwarded.upstream} upstream`;
    const problem = judgeAnswer(request, answer, SECRETS) ?? death ?? tooDeepUpstream;
    if (problem === undefined) return;
    const also = death !== undefined && death !== problem ? `\n${death}` : '';
    const shape = `${request.bytes.length} bytes, nested ${nestingDepth(request.bytes.toString('utf8'))} deep${request.note === undefined ? '' : `, ${request.note}: ${JSON.stringify(request.bytes.toString('latin1').slice(0, 300))} as latin1`}`;
    throw new Error(`POST ${request.path} (content-type ${String(request.contentType)}, ${shape}): ${problem}${also}`);
  }

  it.each(FUZZ_PATHS)('answers mutated bodies (wrong types, odd strings and keys, wide, huge) on %s in its own format', async (path: FuzzPath) => {
    await fc.assert(
      fc.asyncProperty(endpointBody(path, oddValueText), async (body) => check({ path, contentType: 'application/json', bytes: Buffer.from(body) })),
      fuzzParameters(60, PROPERTY_TIME_MS),
    );
  }, fuzzTestTimeoutMs(60_000));

  it.each(FUZZ_PATHS)('answers valid requests with odd field names (CR/LF, non-ASCII, __proto__) on %s in its own format', async (path: FuzzPath) => {
    await fc.assert(
      fc.asyncProperty(oddFieldNamesBody(path), async (body) => check({ path, contentType: 'application/json', bytes: Buffer.from(body) })),
      fuzzParameters(80, PROPERTY_TIME_MS),
    );
  }, fuzzTestTimeoutMs(60_000));

  it.each(FUZZ_PATHS)('answers bodies nested up to 5,000 deep anywhere on %s with a 4xx in its own format', async (path: FuzzPath) => {
    await fc.assert(
      fc.asyncProperty(endpointBody(path, deepText), async (body) => check({ path, contentType: 'application/json', bytes: Buffer.from(body) })),
      fuzzParameters(30, PROPERTY_TIME_MS),
    );
  }, fuzzTestTimeoutMs(60_000));

  it('refuses raw protocol oddities (content types, invalid UTF-8, truncated JSON) in the client format', async () => {
    const request = fc
      .constantFrom(...FUZZ_PATHS)
      .chain((path) => fc.record({ path: fc.constant(path), contentType: contentTypeArb, body: rawBodyArb(path) }));
    await fc.assert(
      fc.asyncProperty(request, async ({ path, contentType, body }) => check({ path, contentType, bytes: body.bytes, note: body.note })),
      fuzzParameters(120, PROPERTY_TIME_MS),
    );
  }, fuzzTestTimeoutMs(60_000));

  it('is alive afterwards, never crashed, and has no stream left open', async () => {
    const url = await harness.url();
    expect(harness.crashes).toEqual([]);
    const live = await fetch(`${url}/health/live`);
    expect(live.status).toBe(200);
    const metrics = await (await fetch(`${await harness.adminUrl()}/metrics`)).text();
    const open = metrics
      .split('\n')
      .filter((line) => line.startsWith('llm_router_active_streams'))
      .map((line) => ({ line, value: Number(line.split(' ').at(-1)) }))
      .filter(({ value }) => value !== 0);
    expect(open).toEqual([]);
  }, 30_000);
});
