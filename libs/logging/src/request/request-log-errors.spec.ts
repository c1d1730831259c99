import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { CaptureStream } from '../logger/capture-stream.js';
import { createLogger } from '../logger/create-logger.js';
import { SecretMasker } from '../masking/secret-masker.js';
import { installRequestLogging } from './install-request-logging.js';
import { recordError } from './record-error.js';
import { RequestLog } from './request-log.js';
import { requestRecordOf } from './request-record-of.js';

const CONFIGURED = 'cfg-upstream-key-0123456789abcdef';
const CLIENT_KEY = 'client-plain-key-9876543210zyxw';

/** Shaped like what got and Node give for a refused connection (got's RequestError wraps Node's AggregateError). */
class RequestError extends Error {
  readonly code: string;
  constructor(message: string, code: string, cause: unknown) {
    super(message, { cause });
    this.name = 'RequestError';
    this.code = code;
  }
}

/** Shaped like @llm-router/core's RouterError (this lib does not depend on its class, only on the shape). */
class RouterError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly status: number,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'RouterError';
  }
}

const system = (message: string, code: string) => Object.assign(new Error(message), { code });

async function lineFor(failure: unknown, status: number) {
  const destination = new CaptureStream();
  const log = new RequestLog(createLogger({ masker: new SecretMasker({ secrets: [CONFIGURED] }), destination }), { logRequests: false, logResponses: false });
  const app = Fastify({ logger: false });
  installRequestLogging(app, log);
  app.post('/v1/chat/completions', async (request, reply) => {
    const record = requestRecordOf(request);
    if (record) recordError(record, failure);
    return reply.code(status).send({ error: { message: 'failed' } });
  });
  await app.ready();
  await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'x-api-key': CLIENT_KEY }, payload: {} });
  const line = await destination.waitFor((l) => l['msg'] === 'request');
  await app.close();
  return { line, text: destination.text };
}

describe('the request line describes the error', () => {
  it('an upstream failure: its class, its code (the kind) and the cause chain with codes, masked; no stack', async () => {
    const refused = new AggregateError(
      [system('connect ECONNREFUSED ::1:9', 'ECONNREFUSED'), system(`connect ECONNREFUSED 127.0.0.1:9 (key ${CONFIGURED})`, 'ECONNREFUSED')],
      '',
    );
    const error = new RouterError(
      'bad_gateway',
      `upstream http://127.0.0.1:9 unreachable: ECONNREFUSED (sent ${CLIENT_KEY})`,
      502,
      new RequestError(`connect ECONNREFUSED 127.0.0.1:9 with ?key=${CONFIGURED}`, 'ECONNREFUSED', Object.assign(refused, { code: 'ECONNREFUSED' })),
    );
    const { line, text } = await lineFor(error, 502);

    expect(line).toMatchObject({
      status: 502,
      error: 'upstream http://127.0.0.1:9 unreachable: ECONNREFUSED (sent client-p...zyxw)',
      errorClass: 'RouterError',
      errorCode: 'bad_gateway',
      errorCause: [
        { class: 'RequestError', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9 with ?key=cfg-upst...cdef' },
        {
          class: 'AggregateError',
          code: 'ECONNREFUSED',
          errors: [
            { class: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED ::1:9' },
            { class: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9 (key cfg-upst...cdef)' },
          ],
        },
      ],
    });
    expect(line['errorStack']).toBeUndefined();
    expect(text).not.toContain(CONFIGURED);
    expect(text).not.toContain(CLIENT_KEY);
  });

  it('an unexpected error (a 500 from a bug): the stack of the root cause, masked', async () => {
    const bug = new TypeError(`Cannot read properties of undefined (reading '${CONFIGURED}')`);
    const error = new RouterError('api_error', 'The router failed to handle this request.', 500, bug);
    const { line, text } = await lineFor(error, 500);

    expect(line).toMatchObject({
      errorClass: 'RouterError',
      errorCode: 'api_error',
      errorCause: [{ class: 'TypeError', message: "Cannot read properties of undefined (reading 'cfg-upst...cdef')" }],
    });
    expect(String(line['errorStack'])).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'cfg-upst\.\.\.cdef'\)\n\s+at /);
    expect(text).not.toContain(CONFIGURED);
  });

  it("an upstream's own 500, classified by the router: no stack", async () => {
    const { line } = await lineFor(new RouterError('api_error', 'upstream said: internal error', 500), 500);
    expect(line).toMatchObject({ errorClass: 'RouterError', errorCode: 'api_error' });
    expect(line['errorCause']).toBeUndefined();
    expect(line['errorStack']).toBeUndefined();
  });

  it('a cause chain that loops, or runs deeper than the bound, ends', async () => {
    const a: Error & { cause?: unknown } = system('a', 'EA');
    const b = new Error('b', { cause: a });
    a.cause = b;
    const looped = await lineFor(a, 502);
    expect(looped.line).toMatchObject({ errorClass: 'Error', errorCode: 'EA', errorCause: [{ class: 'Error', message: 'b' }] });

    let deep: unknown = new Error('root');
    for (let i = 0; i < 50; i++) deep = new Error(`wrap ${i}`, { cause: deep });
    const bounded = await lineFor(deep, 502);
    expect(bounded.line['errorCause']).toHaveLength(8);
  });

  it('a thrown non-error is described by its type', async () => {
    const { line } = await lineFor('plain string', 500);
    expect(line).toMatchObject({ error: 'plain string', errorClass: 'string' });
  });

  it('an error recorded later as a message only is not described with the earlier one', async () => {
    const destination = new CaptureStream();
    const log = new RequestLog(createLogger({ masker: new SecretMasker(), destination }), { logRequests: false, logResponses: false });
    const app = Fastify({ logger: false });
    installRequestLogging(app, log);
    app.get('/x', async (request, reply) => {
      const record = requestRecordOf(request);
      if (record) {
        recordError(record, system('first', 'EFIRST'));
        record.error = 'second';
      }
      return reply.code(502).send('');
    });
    await app.ready();
    await app.inject({ method: 'GET', url: '/x' });
    const line = await destination.waitFor((l) => l['msg'] === 'request');
    expect(line['error']).toBe('second');
    expect(line['errorClass']).toBeUndefined();
    await app.close();
  });
});
