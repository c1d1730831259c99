import { RouterError } from '@llm-router/core';

/**
 * A failure to reach or hear from an upstream (connection refused, DNS, TLS, timeouts, a socket cut
 * mid-stream), as the client may see it: the error kind and the provider, never the upstream's address.
 * Node's messages name it (`connect ECONNREFUSED 10.1.2.3:8080`, `upstream https://host:8080 sent
 * nothing for 30s`): the log keeps them in `message`, the client gets `clientMessage`. Errors that are
 * not transport failures (those with a provider: the upstream answered; other kinds) pass unchanged.
 */
export function upstreamFailureForClient(error: unknown, provider: string, model: string): unknown {
  if (!(error instanceof RouterError) || error.clientMessage !== undefined || error.provider !== undefined) return error;
  let clientMessage: string;
  if (error.kind === 'timeout') clientMessage = `The ${provider} upstream for model '${model}' timed out.`;
  else if (error.kind === 'bad_gateway') clientMessage = `The ${provider} upstream for model '${model}' is unreachable.`;
  else return error;
  return new RouterError(error.kind, error.message, {
    status: error.status,
    param: error.param,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    code: error.code,
    clientMessage,
    cause: error.cause,
  });
}

/** The error to render for the client: its `clientMessage` as the message when it has one, else itself. */
export function errorForClient(error: RouterError): RouterError {
  if (error.clientMessage === undefined) return error;
  return new RouterError(error.kind, error.clientMessage, {
    status: error.status,
    param: error.param,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    provider: error.provider,
    code: error.code,
  });
}
