import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { CaptureStream } from '../logger/capture-stream.js';
import { createLogger } from '../logger/create-logger.js';
import { SecretMasker } from '../masking/secret-masker.js';
import { installRequestLogging } from './install-request-logging.js';
import { RequestLog } from './request-log.js';
import { requestRecordOf } from './request-record-of.js';

// Outside Nest: a bare Fastify instance (the one the Nest adapter wraps) and a RequestLog made by hand.
describe('installRequestLogging on a bare Fastify instance', () => {
  const destination = new CaptureStream();
  const fastify = new FastifyAdapter().getInstance();
  let base = '';
  const seen: { sameRecord: boolean; viaRaw: boolean; capturedNothing: boolean }[] = [];

  beforeAll(async () => {
    const logger = createLogger({ level: 'warn', masker: new SecretMasker(), destination });
    const log = new RequestLog(logger, { logRequests: false, logResponses: false });
    installRequestLogging(fastify, log);
    fastify.get('/ok', (request, reply) => {
      const record = requestRecordOf(request);
      seen.push({
        sameRecord: record !== undefined && log.begin(request, reply) === record,
        viaRaw: requestRecordOf(request.raw) === record,
        // Default level: no headers copied, no body kept.
        capturedNothing: record?.requestHeaders === undefined && record?.requestBody === undefined,
      });
      return { ok: true };
    });
    fastify.get('/broken', async () => {
      throw new Error('Incorrect API key provided: sk-abcdefghijklmnopqrstuvwx');
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(fastify.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await fastify.close();
  });

  it('keeps one record per request, reachable from the Node request too', async () => {
    expect((await fetch(`${base}/ok`)).status).toBe(200);
    expect(seen).toEqual([{ sameRecord: true, viaRaw: true, capturedNothing: true }]);
  });

  it('writes nothing below the logger level and warns on 5xx with the masked error', async () => {
    const ok = await fetch(`${base}/ok`);
    await ok.text();
    const broken = await fetch(`${base}/broken`);
    await broken.text();
    const reqId = broken.headers.get('x-request-id');
    const line = await destination.waitFor((candidate) => candidate['reqId'] === reqId);
    expect(line).toMatchObject({ level: 'warn', status: 500, url: '/broken', error: 'Incorrect API key provided: sk-abcde...uvwx' });
    expect(typeof line['ttfbMs']).toBe('number');
    expect(destination.records().filter((candidate) => candidate['msg'] === 'request')).toHaveLength(1);
    expect(destination.text).not.toContain('sk-abcdefghijklmnopqrstuvwx');
  });
});
