import { describe, expect, it } from '@jest/globals';
import { RouterError, type UpstreamResponse } from '@llm-router/core';
import { Readable } from 'node:stream';
import { AttemptFailure } from './attempt-failure.js';

const response = (status: number, headers: Record<string, string> = {}): UpstreamResponse => ({ status, headers, body: Readable.from([]) });
const invalid = (message: string, code?: string) => new RouterError('invalid_request', message, { ...(code !== undefined && { code }) });

describe('AttemptFailure', () => {
  it('classifies context-length and content-policy 400s by code or provider message, other 400s by status', () => {
    expect(AttemptFailure.status(response(400), Buffer.from('{}'), invalid('openai: too long', 'context_length_exceeded')).outcome.kind).toBe('context_length');
    expect(AttemptFailure.status(response(400), Buffer.from('{}'), invalid('anthropic: prompt is too long: 210000 tokens > 200000 maximum')).outcome.kind).toBe('context_length');
    expect(AttemptFailure.status(response(400), Buffer.from('{}'), invalid('openai: refused', 'content_policy_violation')).outcome.kind).toBe('content_policy');
    expect(AttemptFailure.status(response(400), Buffer.from('{}'), invalid("openai: Invalid value for 'temperature'", 'invalid_value')).outcome).toMatchObject({ kind: 'status', status: 400 });
  });

  it("keeps a 429's Retry-After and the error response, its body readable again", async () => {
    const failure = AttemptFailure.status(response(429, { 'retry-after': '7' }), Buffer.from('{"error":{}}'), new RouterError('rate_limit', 'slow down'));
    expect(failure.outcome).toMatchObject({ kind: 'status', status: 429, retryAfterMs: 7000 });
    expect(failure.outcome.error).toBe(failure);
    const chunks: Buffer[] = [];
    for await (const chunk of failure.response?.body ?? Readable.from([])) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).toString()).toBe('{"error":{}}');
  });

  it('maps a thrown timeout to timeout and any other transport failure to network', () => {
    expect(AttemptFailure.thrown(new RouterError('timeout', 'no headers')).outcome.kind).toBe('timeout');
    expect(AttemptFailure.thrown(new RouterError('bad_gateway', 'ECONNRESET')).outcome.kind).toBe('network');
  });
});
