import Fastify, { type FastifyInstance } from 'fastify';
import got from 'got';
import http from 'node:http';

/**
 * The reference proxy: the floor for the router's own stack (Fastify + got 14 with keep-alive), doing
 * the least a model router must: parse the client's JSON body and serialise it again for the upstream,
 * forward the status and content type, rewrite a non-streamed JSON answer (a router swaps the model name
 * back) and pipe a stream through untouched. No config, logging, metrics, retries or translation.
 */
export function createReferenceProxy(upstream: string): FastifyInstance {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: 'lifo' });
  const client = got.extend({ retry: { limit: 0 }, followRedirect: false, decompress: false, throwHttpErrors: false, agent: { http: agent } });
  const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });

  const forward = (path: string) =>
    app.post(path, (request, reply) => {
      const body = request.body as Record<string, unknown>;
      const stream = body['stream'] === true;
      const upstreamStream = client.stream(`${upstream}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer reference-key' },
        body: JSON.stringify(body),
      });
      upstreamStream.once('response', (response: http.IncomingMessage) => {
        const type = response.headers['content-type'] ?? 'application/json';
        if (stream) {
          reply.hijack();
          reply.raw.writeHead(response.statusCode ?? 502, { 'content-type': type });
          upstreamStream.pipe(reply.raw);
          return;
        }
        const parts: Buffer[] = [];
        upstreamStream.on('data', (part: Buffer) => parts.push(part));
        upstreamStream.once('end', () => {
          const answer = JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>;
          answer['model'] = body['model'];
          void reply.code(response.statusCode ?? 502).header('content-type', type).send(JSON.stringify(answer));
        });
      });
      upstreamStream.once('error', (error: Error) => {
        if (!reply.sent) void reply.code(502).send({ error: { message: error.message } });
      });
      return reply;
    });
  forward('/v1/chat/completions');
  forward('/v1/messages');
  return app;
}
