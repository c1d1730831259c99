import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { CaptureStream } from '../logger/capture-stream.js';
import { createLogger } from '../logger/create-logger.js';
import { NESTED_TOO_DEEP, SecretMasker } from '../masking/secret-masker.js';
import { installRequestLogging } from './install-request-logging.js';
import { RequestLog } from './request-log.js';

async function appWith(log: RequestLog) {
  const app = Fastify({ logger: false });
  installRequestLogging(app, log);
  app.post('/echo', async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('the request log cannot take the process down', () => {
  it('a listener that throws in the close handler is reported, and the line is still written', async () => {
    const destination = new CaptureStream();
    const log = new RequestLog(createLogger({ masker: new SecretMasker(), destination }), { logRequests: false, logResponses: false });
    log.onComplete(() => {
      throw new Error('listener broke');
    });
    const app = await appWith(log);
    const response = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(response.statusCode).toBe(200);
    const failure = await destination.waitFor((line) => line['msg'] === 'request log failed');
    expect(failure).toMatchObject({ level: 'error', error: 'listener broke' });
    await destination.waitFor((line) => line['msg'] === 'request');
    await app.close();
  });

  it('logs a body nested 100,000 deep with log_requests as a placeholder, without throwing', async () => {
    const destination = new CaptureStream();
    const log = new RequestLog(createLogger({ masker: new SecretMasker(), destination }), { logRequests: true, logResponses: false });
    const app = await appWith(log);
    // Fastify's JSON.parse takes this text (it is not recursive); the log must too.
    const payload = `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const response = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });
    expect(response.statusCode).toBe(200);
    const line = await destination.waitFor((l) => l['msg'] === 'request');
    expect((line['request'] as { body: unknown }).body).toBe(NESTED_TOO_DEEP);
    await app.close();
  });
});
