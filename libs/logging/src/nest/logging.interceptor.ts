import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { recordError } from '../request/record-error.js';
import { requestRecordOf } from '../request/request-record-of.js';

/**
 * Enriches the request's log record for requests that reach a controller: the handler
 * (`Controller.method`) and, when the handler fails, its error (message, class, causes; the error is
 * rethrown as is). The line itself is written by RequestLog, also for requests that never get here.
 */
@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const record = context.getType() === 'http' ? requestRecordOf(context.switchToHttp().getRequest<FastifyRequest>()) : undefined;
    if (record === undefined) return next.handle();
    record.handler = `${context.getClass().name}.${context.getHandler().name}`;
    return next.handle().pipe(
      tap({
        error: (error: unknown) => {
          if (record.error === undefined) recordError(record, error);
        },
      }),
    );
  }
}
