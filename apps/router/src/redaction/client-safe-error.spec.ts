import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { errorForClient, upstreamFailureForClient } from './client-safe-error.js';

describe('upstreamFailureForClient / errorForClient', () => {
  it('shows the kind and the provider of a connection failure, never its address; the message keeps the detail', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:8080'), { code: 'ECONNREFUSED' });
    const network = new RouterError('bad_gateway', 'upstream http://10.1.2.3:8080 unreachable: ECONNREFUSED: connect ECONNREFUSED 10.1.2.3:8080', { retryable: true, cause: refused });
    const safe = upstreamFailureForClient(network, 'openai', 'gpt-x') as RouterError;
    expect(safe.message).toBe(network.message);
    expect(safe).toMatchObject({ kind: 'bad_gateway', status: 502, retryable: true, clientMessage: "The openai upstream for model 'gpt-x' is unreachable." });
    expect(errorForClient(safe).message).toBe("The openai upstream for model 'gpt-x' is unreachable.");
    const connect = Object.assign(new Error('Timeout awaiting connect'), { name: 'TimeoutError', event: 'connect' });
    const timeout = upstreamFailureForClient(new RouterError('timeout', 'upstream timeout: connecting to http://10.1.2.3:8080 took longer than 5s', { cause: connect }), 'ollama', 'llama') as RouterError;
    expect(errorForClient(timeout).message).toBe("The ollama upstream for model 'llama' timed out: connecting took longer than the connect timeout.");
    const response = upstreamFailureForClient(new RouterError('timeout', 'x', { cause: { event: 'request' } }), 'ollama', 'llama') as RouterError;
    expect(response.clientMessage).toBe("The ollama upstream for model 'llama' timed out: it took longer than the response timeout.");
    const idle = upstreamFailureForClient(new RouterError('timeout', 'upstream http://10.1.2.3:8080 sent nothing for 30s (stream idle timeout)'), 'ollama', 'llama') as RouterError;
    expect(idle.clientMessage).toBe("The ollama upstream for model 'llama' sent no content for longer than the stream idle timeout.");
  });

  it('keeps the ssl_verify hint for certificate failures', () => {
    const cause = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const tls = upstreamFailureForClient(new RouterError('bad_gateway', 'upstream TLS verification failed for https://10.0.0.1', { cause }), 'openai', 'm') as RouterError;
    expect(tls.clientMessage).toBe(
      "The openai upstream for model 'm' failed TLS verification (DEPTH_ZERO_SELF_SIGNED_CERT); set ssl_verify: false for this model to accept a self-signed certificate.",
    );
  });

  it("leaves the router's own bad_gateway errors without a cause alone (they name no address)", () => {
    const oversized = new RouterError('bad_gateway', 'upstream response larger than 10 bytes');
    expect(upstreamFailureForClient(oversized, 'openai', 'm')).toBe(oversized);
  });

  it("leaves errors that are the upstream's answer (with a provider), other kinds and non-RouterErrors alone", () => {
    const answered = new RouterError('bad_gateway', 'openai upstream refused the credentials', { provider: 'openai' });
    expect(upstreamFailureForClient(answered, 'openai', 'm')).toBe(answered);
    const invalid = RouterError.invalidRequest('bad field');
    expect(upstreamFailureForClient(invalid, 'openai', 'm')).toBe(invalid);
    const plain = new Error('x');
    expect(upstreamFailureForClient(plain, 'openai', 'm')).toBe(plain);
    expect(errorForClient(invalid)).toBe(invalid);
  });
});
