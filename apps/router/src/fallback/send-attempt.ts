import { RouterError, type UpstreamRequest, type UpstreamResponse } from '@llm-router/core';
import { checkUpstreamResponse } from '../routing/check-upstream-response.js';
import { readBody } from '../routing/read-body.js';
import type { Route } from '../routing/route.js';
import { MAX_UPSTREAM_BODY_BYTES } from '../routing/upstream-body-limit.js';
import { AttemptFailure } from './attempt-failure.js';

/**
 * One send of a routed request to one deployment, no retry (the plan decides those): resolves with a
 * checked 2xx response, or throws an AttemptFailure (an error status, classified by the provider; a timeout
 * or connection failure; an answer of the wrong kind). Rethrows as is when `signal` aborted (the client left).
 */
export async function sendAttempt(route: Route, request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse> {
  let checked: UpstreamResponse;
  try {
    const response = await route.transport.send(request, { ...route.send, signal });
    checked = checkUpstreamResponse(response, request.stream, route.adapter.provider);
  } catch (error) {
    if (signal.aborted || !(error instanceof RouterError)) throw error;
    throw AttemptFailure.thrown(error);
  }
  if (checked.status < 400) return checked;
  const body = await readBody(checked.body, MAX_UPSTREAM_BODY_BYTES);
  const error = route.adapter.classifyError(checked.status, body.toString('utf8'), checked.headers);
  throw AttemptFailure.status(checked, body, error);
}
