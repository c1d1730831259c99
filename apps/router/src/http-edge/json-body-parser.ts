import { jsonTextTooDeep, RouterError } from '@llm-router/core';
import type { FastifyInstance } from 'fastify';

export interface JsonBodyParserOptions {
  bodyLimitBytes: number;
  maxJsonDepth: number;
}

/**
 * Replaces every body parser with one for `application/json` (parameters allowed) that refuses text
 * nested deeper than `maxJsonDepth` with a 400, in one linear scan before anything parses it, then
 * parses with Fastify's own default JSON parser: secure-json-parse with `__proto__` and
 * `constructor.prototype` keys refused (a 400, as before), an empty body refused, and `bodyLimitBytes`
 * enforced while reading. Other content types find no parser (Fastify's 415), but rejectNonJsonBodies
 * answers them before the body is read.
 */
export function installJsonBodyParser(fastify: FastifyInstance, options: JsonBodyParserOptions): void {
  const parseSecurely = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: options.bodyLimitBytes }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonTextTooDeep(text, options.maxJsonDepth)) {
      done(RouterError.invalidRequest(`The request body nests JSON deeper than ${options.maxJsonDepth} levels (server.max_json_depth).`), undefined);
      return;
    }
    parseSecurely(request, text, done);
  });
}
