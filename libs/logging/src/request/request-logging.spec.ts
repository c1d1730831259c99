import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaptureStream } from '../logger/capture-stream.js';
import { createLogger, type Logger } from '../logger/create-logger.js';
import { PinoLoggerService } from '../logger/pino-logger.service.js';
import { SecretMasker } from '../masking/secret-masker.js';
import { LoggingInterceptor } from '../nest/logging.interceptor.js';
import { LoggingModule } from '../nest/logging.module.js';
import { ROUTER_LOGGER } from '../nest/logging.tokens.js';
import { installRequestLogging } from './install-request-logging.js';
import { CLIENT_CLOSED_REQUEST, RequestLog } from './request-log.js';
import type { RequestRecord } from './request-record.js';
import { requestRecordOf } from './request-record-of.js';

/** The configured upstream key (known to the masker). */
const CONFIGURED = 'cfg-upstream-key-0123456789abcdef';
/** The client's bearer key (also matches the sk- pattern). */
const CLIENT_BEARER = 'sk-client-0123456789abcdefXYZ';
/** The client's x-api-key: matches no pattern, only per-request masking can hide it. */
const CLIENT_KEY = 'client-plain-key-9876543210zyxw';
const RAW_KEYS = [CONFIGURED, CLIENT_BEARER, CLIENT_KEY];
const MASKED = { configured: 'cfg-upst...cdef', bearer: 'sk-clien...fXYZ', client: 'client-p...zyxw' };

const CLIENT_HEADERS = { authorization: `Bearer ${CLIENT_BEARER}`, 'x-api-key': CLIENT_KEY };

function recordOf(request: FastifyRequest): RequestRecord {
  const record = requestRecordOf(request);
  if (record === undefined) throw new Error('no request record');
  return record;
}

/** Resolved by /v1/hang once the handler runs, so the test aborts a request known to be in flight. */
let hangEntered: () => void = () => undefined;

@Controller()
class TestController {
  constructor(private readonly log: RequestLog) {}

  @Post('v1/chat/completions')
  @HttpCode(200)
  chat(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest): unknown {
    const record = recordOf(request);
    record.model = String(body['model']);
    record.provider = 'openai';
    record.upstreamModel = 'gpt-4o-2024-08-06';
    record.attempts = 1;
    record.upstreamUrl = `https://api.example.test/v1/chat/completions?key=${CONFIGURED}`;
    record.upstreamRequest = {
      url: record.upstreamUrl,
      headers: { authorization: `Bearer ${CONFIGURED}`, 'content-type': 'application/json' },
      body: { ...body, model: record.upstreamModel },
    };
    // An echo: the client's key comes back in the response body.
    return { id: 'chatcmpl-1', echo: body, key: request.headers['x-api-key'] };
  }

  @Post('v1/stream')
  stream(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const record = recordOf(request);
    record.stream = true;
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    this.log.markFirstByte(record);
    for (const chunk of ['data: {"delta":"Hel"}\n\n', `data: {"delta":"lo ${CLIENT_KEY}"}\n\n`, 'data: [DONE]\n\n']) {
      reply.raw.write(chunk);
      this.log.appendResponseBody(record, Buffer.from(chunk));
    }
    reply.raw.end();
  }

  @Post('v1/trickle')
  trickle(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    recordOf(request).stream = true;
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    reply.raw.write('data: {"delta":"first"}\n\n');
    // Never ends: the client goes away.
  }

  @Post('v1/hang')
  hang(@Req() request: FastifyRequest): Promise<unknown> {
    hangEntered();
    return new Promise((resolve) => request.raw.socket.once('close', () => resolve({ late: true })));
  }

  @Get('v1/fail')
  fail(): never {
    throw new Error(`upstream said: invalid key ${CONFIGURED}`);
  }
}

interface Sent {
  status: number;
  reqId: string;
  body: string;
  line: Record<string, unknown>;
}

class Harness {
  readonly destination = new CaptureStream();
  readonly logger: Logger;
  app!: NestFastifyApplication;
  base = '';

  constructor(private readonly options: { logRequests: boolean; logResponses: boolean }) {
    this.logger = createLogger({ masker: new SecretMasker({ secrets: [CONFIGURED] }), destination: this.destination });
  }

  async start(): Promise<void> {
    const moduleRef = await Test.createTestingModule({
      imports: [LoggingModule.forRoot({ logger: this.logger, ...this.options })],
      controllers: [TestController],
    }).compile();
    this.app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: 4096 }), {
      logger: new PinoLoggerService(this.logger),
    });
    const fastify = this.app.getHttpAdapter().getInstance();
    // A hook registered before ours that answers by itself (like the adapter's 503 while closing).
    fastify.addHook('onRequest', (request, reply, done) => {
      if (request.url === '/v1/early') void reply.code(503).send({ error: 'closing' });
      else done();
    });
    installRequestLogging(fastify, this.app.get(RequestLog));
    this.app.useGlobalInterceptors(this.app.get(LoggingInterceptor));
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address() as AddressInfo;
    this.base = `http://127.0.0.1:${address.port}`;
  }

  /** Sends a request and waits for its log line. */
  async send(path: string, init: RequestInit = {}): Promise<Sent> {
    const response = await fetch(this.base + path, init);
    const body = await response.text();
    const reqId = response.headers.get('x-request-id') ?? '';
    const line = await this.lineOf(reqId);
    return { status: response.status, reqId, body, line };
  }

  lineOf(reqId: string): Promise<Record<string, unknown>> {
    return this.destination.waitFor((line) => line['msg'] === 'request' && line['reqId'] === reqId);
  }

  requestLines(): Record<string, unknown>[] {
    return this.destination.records().filter((line) => line['msg'] === 'request');
  }
}

function jsonPost(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { ...CLIENT_HEADERS, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

describe('request logging with log_requests and log_responses', () => {
  const harness = new Harness({ logRequests: true, logResponses: true });
  const chatBody = {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: `my keys: ${CONFIGURED} ${CLIENT_BEARER} ${CLIENT_KEY}` }],
    api_key: CLIENT_KEY,
  };
  let chat: Sent;

  beforeAll(async () => {
    await harness.start();
    chat = await harness.send(
      `/v1/chat/completions?trace=${CLIENT_KEY}&key=${CONFIGURED}`,
      jsonPost(chatBody, { 'x-request-id': 'trace-abc.123:xyz' }),
    );
  });

  afterAll(async () => {
    await harness.app.close();
  });

  it('provides the logger, RequestLog and the interceptor through LoggingModule', () => {
    expect(harness.app.get(ROUTER_LOGGER)).toBe(harness.logger);
    expect(harness.app.get(RequestLog)).toBeInstanceOf(RequestLog);
    expect(harness.app.get(PinoLoggerService)).toBeInstanceOf(PinoLoggerService);
  });

  it('logs a request with its fields, headers and bodies, masked', () => {
    expect(chat.status).toBe(200);
    expect(chat.reqId).toBe('trace-abc.123:xyz');
    expect(chat.line).toMatchObject({
      level: 'info',
      msg: 'request',
      reqId: 'trace-abc.123:xyz',
      method: 'POST',
      url: `/v1/chat/completions?trace=${MASKED.client}&key=${MASKED.configured}`,
      handler: 'TestController.chat',
      model: 'gpt-4o',
      provider: 'openai',
      upstreamModel: 'gpt-4o-2024-08-06',
      upstreamUrl: `https://api.example.test/v1/chat/completions?key=${MASKED.configured}`,
      status: 200,
      attempts: 1,
      stream: false,
      request: {
        headers: { authorization: `Bearer ${MASKED.bearer}`, 'x-api-key': MASKED.client, 'x-request-id': 'trace-abc.123:xyz' },
        body: {
          model: 'gpt-4o',
          messages: [{ role: 'user', content: `my keys: ${MASKED.configured} ${MASKED.bearer} ${MASKED.client}` }],
          api_key: MASKED.client,
        },
      },
      upstreamRequest: {
        url: `https://api.example.test/v1/chat/completions?key=${MASKED.configured}`,
        headers: { authorization: `Bearer ${MASKED.configured}` },
        body: { model: 'gpt-4o-2024-08-06', api_key: MASKED.client },
      },
      response: { headers: { 'x-request-id': 'trace-abc.123:xyz', 'content-type': expect.stringContaining('application/json') } },
    });
    expect(chat.line).not.toHaveProperty('aborted');
    expect(typeof chat.line['ttfbMs']).toBe('number');
    const latency = chat.line['latencyMs'];
    expect(typeof latency).toBe('number');
    expect(Math.round(Number(latency) * 10) / 10).toBe(latency);
    const response = chat.line['response'] as { body: string };
    expect(JSON.parse(response.body)).toMatchObject({ id: 'chatcmpl-1', key: MASKED.client });
  });

  it('logs a hijacked streaming reply once, when it ends, with the whole body', async () => {
    const sent = await harness.send('/v1/stream', jsonPost({ model: 'gpt-4o', stream: true }));
    expect(sent.status).toBe(200);
    expect(sent.body).toContain(CLIENT_KEY);
    expect(sent.reqId).toMatch(/^req_[0-9a-f]{32}$/);
    expect(sent.line).toMatchObject({
      level: 'info',
      status: 200,
      stream: true,
      handler: 'TestController.stream',
      response: {
        headers: { 'content-type': 'text/event-stream', 'x-request-id': sent.reqId },
        body: `data: {"delta":"Hel"}\n\ndata: {"delta":"lo ${MASKED.client}"}\n\ndata: [DONE]\n\n`,
      },
    });
    expect(typeof sent.line['ttfbMs']).toBe('number');
    expect(Number(sent.line['ttfbMs'])).toBeLessThanOrEqual(Number(sent.line['latencyMs']));
  });

  it('logs a 404 for an unknown route', async () => {
    const sent = await harness.send('/v1/nope', { headers: CLIENT_HEADERS });
    expect(sent.status).toBe(404);
    expect(sent.line).toMatchObject({ level: 'info', status: 404, method: 'GET', url: '/v1/nope', attempts: 0 });
  });

  it("logs a malformed JSON body Fastify rejects before Nest (400), with Fastify's error", async () => {
    const sent = await harness.send('/v1/chat/completions', {
      method: 'POST',
      headers: { ...CLIENT_HEADERS, 'content-type': 'application/json' },
      body: `{"model": "gpt-4o", "messages": [ ${CLIENT_KEY}`,
    });
    expect(sent.status).toBe(400);
    expect(sent.line).toMatchObject({ level: 'info', status: 400, url: '/v1/chat/completions' });
    expect(typeof sent.line['error']).toBe('string');
    expect(sent.line).not.toHaveProperty('handler');
  });

  it('logs an oversized body Fastify rejects before Nest (413)', async () => {
    const sent = await harness.send('/v1/chat/completions', jsonPost({ model: 'gpt-4o', padding: 'x'.repeat(5000) }));
    expect(sent.status).toBe(413);
    expect(sent.line).toMatchObject({ level: 'info', status: 413, url: '/v1/chat/completions' });
    expect(sent.line).not.toHaveProperty('handler');
  });

  it('logs a handler error at warn with its message, masked', async () => {
    const sent = await harness.send('/v1/fail', { headers: CLIENT_HEADERS });
    expect(sent.status).toBe(500);
    expect(sent.line).toMatchObject({
      level: 'warn',
      status: 500,
      handler: 'TestController.fail',
      error: `upstream said: invalid key ${MASKED.configured}`,
    });
  });

  it('logs a request answered by an earlier onRequest hook', async () => {
    const sent = await harness.send('/v1/early', { headers: CLIENT_HEADERS });
    expect(sent.status).toBe(503);
    expect(sent.line).toMatchObject({ level: 'warn', status: 503, url: '/v1/early', response: { body: '{"error":"closing"}' } });
  });

  it('generates a request id when the incoming one is not a sane token', async () => {
    for (const incoming of ['has spaces', 'x'.repeat(129), 'semi;colon']) {
      const sent = await harness.send('/v1/nope', { headers: { 'x-request-id': incoming } });
      expect(sent.reqId).toMatch(/^req_[0-9a-f]{32}$/);
    }
    const longest = 'a'.repeat(128);
    expect((await harness.send('/v1/nope', { headers: { 'x-request-id': longest } })).reqId).toBe(longest);
  });

  it('marks a stream the client abandoned as aborted, at warn', async () => {
    const reqId = 'abort-mid-stream';
    const lineWritten = harness.lineOf(reqId);
    await new Promise<void>((resolve) => {
      const request = httpRequest(`${harness.base}/v1/trickle`, { method: 'POST', headers: { ...CLIENT_HEADERS, 'x-request-id': reqId } });
      request.on('error', () => resolve());
      request.on('close', () => resolve());
      request.on('response', (response) => response.once('data', () => request.destroy()));
      request.end();
    });
    const line = await lineWritten;
    expect(line).toMatchObject({ level: 'warn', status: 200, stream: true, aborted: true, response: { headers: { 'content-type': 'text/event-stream' } } });
    // The app appended nothing: no body.
    expect(line['response']).not.toHaveProperty('body');
  });

  it('marks a request abandoned before any response as aborted with 499', async () => {
    const reqId = 'abort-before-head';
    const lineWritten = harness.lineOf(reqId);
    const entered = new Promise<void>((resolve) => {
      hangEntered = resolve;
    });
    const request = httpRequest(`${harness.base}/v1/hang`, { method: 'POST', headers: { ...CLIENT_HEADERS, 'x-request-id': reqId } });
    request.on('error', () => undefined);
    request.end();
    await entered;
    request.destroy();
    expect(await lineWritten).toMatchObject({ level: 'warn', status: CLIENT_CLOSED_REQUEST, aborted: true, handler: 'TestController.hang' });
  });

  it('writes exactly one line per request', () => {
    const ids = harness.requestLines().map((line) => line['reqId']);
    // chat, stream, 404, 400, 413, 500, 503, 4 request ids, 2 aborted
    expect(ids).toHaveLength(13);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never lets a configured or client key reach the output, while the masked forms do', () => {
    const output = harness.destination.text;
    for (const key of RAW_KEYS) expect(output).not.toContain(key);
    for (const masked of Object.values(MASKED)) expect(output).toContain(masked);
    // Nest's own error log for /v1/fail went through the same masked logger.
    expect(harness.destination.records().some((line) => line['context'] === 'ExceptionsHandler')).toBe(true);
  });
});

describe('request logging at the default level', () => {
  const harness = new Harness({ logRequests: false, logResponses: false });

  beforeAll(async () => {
    await harness.start();
  });

  afterAll(async () => {
    await harness.app.close();
  });

  it('logs the summary fields only, still masked', async () => {
    const sent = await harness.send(`/v1/chat/completions?key=${CONFIGURED}`, jsonPost({ model: 'gpt-4o', note: CLIENT_KEY }));
    expect(sent.status).toBe(200);
    expect(sent.line).toMatchObject({ msg: 'request', status: 200, model: 'gpt-4o', url: `/v1/chat/completions?key=${MASKED.configured}` });
    for (const field of ['request', 'upstreamRequest', 'response']) expect(sent.line).not.toHaveProperty(field);
    const record = harness.destination.text;
    for (const key of RAW_KEYS) expect(record).not.toContain(key);
  });

  it('ignores appended chunks and keeps the first ttfb', () => {
    const log = harness.app.get(RequestLog);
    const record: RequestRecord = { id: 'r', method: 'GET', url: '/', startedAt: 0, stream: true, attempts: 0, secrets: [] };
    log.appendResponseBody(record, 'data: x\n\n');
    log.markFirstByte(record);
    const first = record.ttfbMs;
    log.markFirstByte(record);
    expect(record.responseBody).toBeUndefined();
    expect(record.ttfbMs).toBe(first);
  });
});

describe('RequestLog', () => {
  it('refuses a logger createLogger did not make', async () => {
    const { pino } = await import('pino');
    expect(() => new RequestLog(pino({ enabled: false }), { logRequests: false, logResponses: false })).toThrow(/createLogger/);
  });
});
