import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { errorForClient, upstreamFailureForClient } from './client-safe-error.js';

describe('upstreamFailureForClient / errorForClient', () => {
  it('shows the kind and the provider of a connection failure, never its address; the message keeps the detail', () => {
    const network = new RouterError('bad_gateway', 'upstream http://10.1.2.3:8080 unreachable: ECONNREFUSED: connect ECONNREFUSED 10.1.2.3:8080', { retryable: true });
    const safe = upstreamFailureForClient(network, 'openai', 'gpt-x') as RouterError;
    expect(safe.message).toBe(network.message);
    expect(safe).toMatchObject({ kind: 'bad_gateway', status: 502, retryable: true, clientMessage: "The openai upstream for model 'gpt-x' is unreachable." });
    expect(errorForClient(safe).message).toBe("The openai upstream for model 'gpt-x' is unreachable.");
    const timeout = upstreamFailureForClient(new RouterError('timeout', 'upstream timeout: connecting to http://10.1.2.3:8080 took longer than 5s'), 'ollama', 'llama') as RouterError;
    expect(errorForClient(timeout).message).toBe("The ollama upstream for model 'llama' timed out.");
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
