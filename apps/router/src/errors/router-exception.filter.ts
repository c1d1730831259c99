import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientRedactor } from '../redaction/client-redactor.js';
import { sendRouterError } from './send-router-error.js';
import { toRouterError } from './to-router-error.js';

/**
 * Every error thrown in Nest's pipeline (guards, controllers, the router service), in the client's format.
 * Nothing is logged here: the request's own line carries the error (class, code, cause chain, and for an
 * unexpected 500 the stack of the original exception), masked with that request's secrets too.
 */
@Catch()
export class RouterExceptionFilter implements ExceptionFilter {
  constructor(@Inject(ClientRedactor) private readonly redactor: ClientRedactor) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendRouterError(request, reply, toRouterError(exception, request.method, request.url), this.redactor.current);
  }
}
