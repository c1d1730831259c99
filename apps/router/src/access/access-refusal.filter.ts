import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { requestRecordOf } from '@llm-router/logging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RouterMetrics } from '../metrics/router-metrics.js';
import { AccessRefusal } from './access-refusal.js';

/**
 * Answers an AccessRefusal in the client's own error format, with the headers the lib rendered
 * (`retry-after`, the family's rate-limit headers, `x-should-retry`), and counts it by reason. Applied
 * with `@UseFilters` on the API controllers, so it runs before the catch-all RouterExceptionFilter.
 */
@Catch(AccessRefusal)
export class AccessRefusalFilter implements ExceptionFilter<AccessRefusal> {
  constructor(@Inject(RouterMetrics) private readonly metrics: RouterMetrics) {}

  catch(refusal: AccessRefusal, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const record = requestRecordOf(request);
    if (record) {
      record.error = refusal.message;
      if (refusal.denied.caller !== undefined) record.caller ??= refusal.denied.caller;
    }
    this.metrics.accessRejected(refusal.denied.reason);
    const error = refusal.render(Date.now());
    const requestId = record?.id ?? '';
    const body =
      refusal.family === 'openai'
        ? { error: { message: error.message, type: error.type, param: null, code: error.code } }
        : { type: 'error', error: { type: error.type, message: error.message }, request_id: requestId };
    const idHeader = refusal.family === 'openai' ? { 'x-request-id': requestId } : { 'request-id': requestId };
    void reply
      .code(error.status)
      .headers({ ...error.headers, ...idHeader, 'content-type': 'application/json' })
      .send(JSON.stringify(body));
  }
}
