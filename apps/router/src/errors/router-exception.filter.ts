import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { ROUTER_LOGGER, type Logger } from '@llm-router/logging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientRedactor } from '../redaction/client-redactor.js';
import { sendRouterError } from './send-router-error.js';
import { toRouterError } from './to-router-error.js';

/** Every error thrown in Nest's pipeline (guards, controllers, the router service), in the client's format. */
@Catch()
export class RouterExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
    @Inject(ClientRedactor) private readonly redactor: ClientRedactor,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = toRouterError(exception, request.method, request.url);
    if (error.status >= 500 && error.cause !== undefined && error.kind === 'api_error') {
      this.logger.error({ err: exception, url: request.url }, 'unhandled error');
    }
    sendRouterError(request, reply, error, this.redactor.current);
  }
}
