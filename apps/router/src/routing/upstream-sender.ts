import { Inject, Injectable } from '@nestjs/common';
import { RouterError, type UpstreamRequest, type UpstreamResponse } from '@llm-router/core';
import { requestRecordOf, RequestLog, ROUTER_LOGGER, type Logger } from '@llm-router/logging';
import { RetryService } from '@llm-router/retry';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkUpstreamResponse } from './check-upstream-response.js';
import { clientGone } from './client-gone.js';
import type { RoutingContext } from './routing-context.js';
import { sendAttempt } from '../fallback/send-attempt.js';

/**
 * Sends one upstream request for a routed client request: through the route's transport (or `transport`
 * when the operation brings its own), with the route's retry policy, aborted when the client goes away,
 * and recorded in the request log (URL, attempts, upstream time and error, the body when `log_requests`).
 * Shared by every operation (generation, token counting, embeddings).
 */
@Injectable()
export class UpstreamSender {
  constructor(
    @Inject(RetryService) private readonly retry: RetryService,
    @Inject(RequestLog) private readonly requestLog: RequestLog,
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Sends with retries, before any byte goes to the client. Resolves with the final response (whatever its
   * status), or undefined when the client went away meanwhile (nobody to answer: 499).
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    { route, clientModel, attempt }: RoutingContext,
    upstreamRequest: UpstreamRequest,
    transport = route.transport,
  ): Promise<UpstreamResponse | undefined> {
    const record = requestRecordOf(request);
    if (record) {
      record.upstreamUrl = upstreamRequest.url;
      if (this.requestLog.logRequests) {
        record.upstreamRequest = { url: upstreamRequest.url, headers: upstreamRequest.headers, body: JSON.parse(upstreamRequest.body.toString('utf8')) as unknown };
      }
    }
    // Aborted when the client goes away, before or during the answer.
    const signal = clientGone(reply);
    const started = performance.now();
    try {
      // One attempt of a routed request: a single send (the attempt plan owns retries, deployments, fallbacks).
      if (attempt !== undefined) return await sendAttempt(route, upstreamRequest, signal);
      const { response } = await this.retry.runWithRetry(
        (attempt) => {
          if (record) record.attempts = attempt;
          return transport.send(upstreamRequest, { ...route.send, signal });
        },
        {
          policy: route.retry,
          signal,
          discard: (r) => r.body.destroy(),
          onRetry: ({ attempt, delayMs, status, error }) =>
            this.logger.warn(
              { reqId: record?.id, model: clientModel, provider: route.adapter.provider, attempt, status, error: error?.message, delayMs: Math.round(delayMs) },
              'upstream attempt failed; retrying',
            ),
        },
      );
      if (record) {
        record.upstreamMs = performance.now() - started;
        if (response.status >= 400) record.upstreamError = `http_${response.status}`;
      }
      return checkUpstreamResponse(response, upstreamRequest.stream, route.adapter.provider);
    } catch (error) {
      if (signal.aborted) return undefined;
      if (record) record.upstreamError = error instanceof RouterError ? error.kind : 'error';
      throw error;
    }
  }
}
