import type { CorsConfig } from '@llm-router/config';
import type { FastifyInstance } from 'fastify';
import { decideCors } from './cors-decision.js';

/**
 * Applies `decideCors` to every request, first among the hooks. Headers go on the raw response so that
 * hijacked (streamed) answers carry them too; an allowed preflight is answered `204` right here.
 */
export function installCors(fastify: FastifyInstance, config: CorsConfig): void {
  if (config.allowedOrigins.length === 0) return;
  fastify.addHook('onRequest', async (request, reply) => {
    const requested = request.headers['access-control-request-method'];
    const decision = decideCors(config, request.method, request.headers.origin, typeof requested === 'string' ? requested : undefined);
    for (const [name, value] of Object.entries(decision.headers)) reply.raw.setHeader(name, value);
    if (!decision.answerPreflight) return undefined;
    void reply.code(204).send();
    return reply;
  });
}
