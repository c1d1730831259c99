import { afterEach, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { BodyMemoryBudget } from './body-memory-budget.js';
import { installBodyBudget } from './install-body-budget.js';
import { installJsonBodyParser } from './json-body-parser.js';
import { rejectNonJsonBodies } from './reject-non-json-bodies.js';
import { toRouterError } from '../errors/to-router-error.js';
import { sendRouterError } from '../errors/send-router-error.js';

let app: FastifyInstance | undefined;

/** A bare Fastify app with the edge's body hooks and one echoing route, errors answered as the router does. */
async function edgeApp(budget = new BodyMemoryBudget(1024 * 1024)): Promise<FastifyInstance> {
  app = Fastify({ bodyLimit: 1024 * 1024 });
  rejectNonJsonBodies(app);
  installBodyBudget(app, budget);
  installJsonBodyParser(app, { bodyLimitBytes: 1024 * 1024, maxJsonDepth: 8 });
  app.setErrorHandler((error, request, reply) => sendRouterError(request, reply, toRouterError(error, request.method, request.url)));
  app.post('/v1/messages', async (request) => ({ got: request.body, heldBytes: budget.inUseBytes }));
  app.post('/v1/chat/completions', async (request) => ({ got: request.body }));
  await app.ready();
  return app;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the JSON body parser', () => {
  it('parses application/json with a charset', async () => {
    const response = await (await edgeApp()).inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: '{"a":[1]}' });
    expect(response.json()).toEqual({ got: { a: [1] } });
  });

  it('refuses nesting over the limit with a 400 in the client format, before parsing', async () => {
    const deep = `${'['.repeat(9)}${']'.repeat(9)}`;
    const response = await (await edgeApp()).inject({ method: 'POST', url: '/v1/messages', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('deeper than 8 levels') } });
    const atLimit = await app?.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, payload: `${'['.repeat(8)}${']'.repeat(8)}` });
    expect(atLimit?.statusCode).toBe(200);
  });

  it("keeps Fastify's prototype-poisoning refusal (__proto__, constructor.prototype) and empty-body refusal as 400s", async () => {
    const fastify = await edgeApp();
    for (const payload of ['{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '']) {
      const response = await fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    }
  });
});

describe('rejectNonJsonBodies', () => {
  it('answers 415 in the client format for form, multipart, text and untyped bodies', async () => {
    const fastify = await edgeApp();
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', undefined]) {
      const response = await fastify.inject({ method: 'POST', url: '/v1/messages', headers: type === undefined ? {} : { 'content-type': type }, payload: 'model=x' });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('application/json') } });
    }
  });
});

describe('installBodyBudget', () => {
  it('holds the declared length while the request runs and releases it when the response closes', async () => {
    const budget = new BodyMemoryBudget(1024 * 1024);
    const fastify = await edgeApp(budget);
    const response = await fastify.inject({ method: 'POST', url: '/v1/messages', headers: { 'content-type': 'application/json' }, payload: '{"a":1}' });
    expect(response.json()).toEqual({ got: { a: 1 }, heldBytes: 7 });
    expect(budget.inUseBytes).toBe(0);
  });

  it('answers 503 in the client format when a declared body does not fit, reserving nothing for it', async () => {
    const budget = new BodyMemoryBudget(100);
    const fastify = await edgeApp(budget);
    const response = await fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ a: 'x'.repeat(200) }) });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({ error: { code: 'body_memory_exhausted' } });
    expect(budget.inUseBytes).toBe(0);
  });

  it('counts a chunked body as it arrives and fails it with the 503 once it does not fit', async () => {
    const budget = new BodyMemoryBudget(100);
    const fastify = await edgeApp(budget);
    const { Readable } = await import('node:stream');
    const response = await fastify.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      payload: Readable.from([Buffer.from('{"a":"'), Buffer.from('x'.repeat(200)), Buffer.from('"}')]),
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
    expect(budget.inUseBytes).toBe(0);
  });
});
