import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { CaptureStream } from '../logger/capture-stream.js';
import { createLogger } from '../logger/create-logger.js';
import { SecretMasker } from '../masking/secret-masker.js';
import { installRequestLogging } from './install-request-logging.js';
import { RequestLog } from './request-log.js';

async function appLoggingAt(level: string) {
  const destination = new CaptureStream();
  const log = new RequestLog(createLogger({ level, masker: new SecretMasker(), destination }), { logRequests: false, logResponses: false });
  const app = Fastify({ logger: false });
  installRequestLogging(app, log);
  for (const path of ['/health', '/health/live', '/health/ready', '/metrics', '/v1/models', '/healthz']) app.get(path, async () => ({ ok: true }));
  app.get('/health/broken', async (_request, reply) => reply.code(500).send({ ok: false }));
  // Real HTTP: light-my-request's responses never report `writableFinished`, so every line would say aborted.
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    await (await fetch(`${origin}${url}`, { headers })).arrayBuffer();
  };
  return { app, destination, get };
}

describe('probe and scrape lines', () => {
  it('/health, /health/* and /metrics log at debug; other requests at info; a failing probe at warn', async () => {
    const { app, destination, get } = await appLoggingAt('debug');
    for (const url of ['/health', '/health/live', '/health/ready?verbose=1', '/metrics', '/v1/models', '/healthz', '/health/broken']) await get(url);
    await destination.waitFor((l) => l['url'] === '/health/broken');
    const levels = Object.fromEntries(destination.records().map((l) => [l['url'], l['level']]));
    expect(levels).toEqual({
      '/health': 'debug',
      '/health/live': 'debug',
      '/health/ready?verbose=1': 'debug',
      '/metrics': 'debug',
      '/v1/models': 'info',
      '/healthz': 'info',
      '/health/broken': 'warn',
    });
    await app.close();
  });

  it('at the default info level, probes and scrapes write no line', async () => {
    const { app, destination, get } = await appLoggingAt('info');
    await get('/health/ready');
    await get('/metrics');
    await get('/v1/models');
    await destination.waitFor((l) => l['url'] === '/v1/models');
    expect(destination.records().map((l) => l['url'])).toEqual(['/v1/models']);
    await app.close();
  });
});

describe('the client address', () => {
  it("logs the socket's address, and x-forwarded-for as its own field (untrusted, as sent)", async () => {
    const { app, destination, get } = await appLoggingAt('info');
    await get('/v1/models');
    await get('/v1/models?forwarded', { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' });
    const plain = await destination.waitFor((l) => l['url'] === '/v1/models');
    const forwarded = await destination.waitFor((l) => l['url'] === '/v1/models?forwarded');
    expect(plain['remoteAddress']).toBe('127.0.0.1');
    expect(plain['forwardedFor']).toBeUndefined();
    expect(forwarded).toMatchObject({ remoteAddress: '127.0.0.1', forwardedFor: '203.0.113.7, 10.0.0.1' });
    await app.close();
  });
});
