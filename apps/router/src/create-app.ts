import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouterConfig } from '@llm-router/config';
import { installRequestLogging, PinoLoggerService, RequestLog, type Logger } from '@llm-router/logging';
import { AppModule } from './app.module.js';
import { createHttpEdge } from './http-edge/http-edge.js';
import { ShutdownState } from './lifecycle/shutdown-state.js';
import { trackWaitingRequests } from './lifecycle/track-waiting-requests.js';
import { ClientRedactor } from './redaction/client-redactor.js';

/**
 * Builds the router app on Fastify, initialised but not listening (tests use `app.inject()` or
 * `listen`). Throws ConfigValidationError when the config compiles badly (unknown provider, bad regex).
 */
export async function createRouterApp(config: RouterConfig, logger: Logger): Promise<NestFastifyApplication> {
  const edge = createHttpEdge(config.server);
  const adapter = new FastifyAdapter(edge.fastifyOptions);
  // bodyParser: false: Nest would otherwise register its own JSON parser (no depth bound) and a
  // form-urlencoded one (what a cross-site HTML form posts); the edge installs the only parser.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, logger }), adapter, {
    logger: new PinoLoggerService(logger),
    abortOnError: false,
    bodyParser: false,
  });
  // Before init(): Fastify applies hooks to the routes Nest registers then. Body-parsing errors need no
  // handler of ours: Nest passes them through the exception filters (RouterExceptionFilter).
  const fastify = app.getHttpAdapter().getInstance();
  installRequestLogging(fastify, app.get(RequestLog));
  const redactor = app.get(ClientRedactor);
  trackWaitingRequests(fastify, app.get(ShutdownState), () => redactor.current);
  edge.install(fastify);
  await app.init();
  return app;
}
