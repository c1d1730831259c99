import { RouterError } from '@llm-router/core';

/** The phases of got's TimeoutError (`event`) that mean the connection was never made. */
const CONNECT_PHASES = new Set(['lookup', 'connect', 'secureConnect']);

/** Certificate verification failures (OpenSSL / Node codes): the client is told about `ssl_verify`. */
const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/**
 * A failure to reach or hear from an upstream (connection refused, DNS, TLS, timeouts, a socket cut
 * mid-stream), as the client may see it: the error kind, the provider and the model, and the hint that
 * helps (`ssl_verify`), never the upstream's address. Node's messages name it (`connect ECONNREFUSED
 * 10.1.2.3:8080`, `upstream https://host:8080 sent nothing for 30s`): the log keeps them in `message`,
 * the client gets `clientMessage`. Transport failures are the RouterErrors without a `provider` (errors
 * built from an upstream's answer carry one) of kind `timeout`, or of kind `bad_gateway` with a `cause`
 * (the transport's classification wraps the network error; the router's own bad_gateway errors without
 * a cause, such as an oversized body or a stream that ended early, name no address and pass unchanged).
 * A timeout without a cause is the transport's stream idle timeout. What is said is read from the error's fields and its cause's `code` / `event`,
 * never from message text.
 */
export function upstreamFailureForClient(error: unknown, provider: string, model: string): unknown {
  if (!(error instanceof RouterError) || error.clientMessage !== undefined || error.provider !== undefined) return error;
  if (error.kind !== 'timeout' && !(error.kind === 'bad_gateway' && error.cause !== undefined)) return error;
  const upstream = `The ${provider} upstream for model '${model}'`;
  const cause = fieldsOf(error.cause);
  let clientMessage: string;
  if (error.kind === 'timeout') {
    if (cause === undefined) clientMessage = `${upstream} sent no content for longer than the stream idle timeout.`;
    else if (CONNECT_PHASES.has(cause.event ?? '')) clientMessage = `${upstream} timed out: connecting took longer than the connect timeout.`;
    else clientMessage = `${upstream} timed out: it took longer than the response timeout.`;
  } else if (cause?.code !== undefined && CERTIFICATE_CODE.test(cause.code)) {
    clientMessage = `${upstream} failed TLS verification (${cause.code}); set ssl_verify: false for this model to accept a self-signed certificate.`;
  } else {
    clientMessage = `${upstream} is unreachable.`;
  }
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

function fieldsOf(cause: unknown): { code?: string; event?: string } | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const code: unknown = Reflect.get(cause, 'code');
  const event: unknown = Reflect.get(cause, 'event');
  return { code: typeof code === 'string' ? code : undefined, event: typeof event === 'string' ? event : undefined };
}
