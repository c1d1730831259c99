import { EventEmitter } from 'node:events';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { AccessLimiter, AccessPolicy, Authenticator, MemoryStateStore, renderOpenAiRateLimitHeaders, sha256Hex, systemClock, type AccessTicket } from '@llm-router/access';
import { median } from './stats.js';

/** The client key and limits of ACCESS_BLOCK (setup/router-config.ts), as the access lib's settings. */
const KEY = 'sk-client-0123456789abcdef';
const IN_FLIGHT = 32;

/**
 * The access layer's own CPU per request, measured in this process: exactly what AccessGuard does for an
 * admitted request with the memory store (credential from the headers, key lookup, admission over rpm,
 * tpm, max_parallel and a token budget, the rate-limit headers set on a real ServerResponse, a close
 * listener, the settle), `IN_FLIGHT` requests outstanding at once as at 32 connections. CPU is
 * `process.cpuUsage()` over the loop, so the garbage collection its allocations cause is included.
 * The end-to-end figure (router against router) moves by ±30 µs on a shared 2-core machine; this one by
 * about a microsecond, which is what a 30 µs budget needs. Returns the median of `rounds`.
 */
export function accessCostInProcess(rounds: number, iterations = 200_000): { micros: number; perRound: number[] } {
  const policy = new AccessPolicy({
    auth: {
      keys: [
        {
          name: 'bench',
          keySha256: sha256Hex(KEY),
          models: ['*'],
          limits: { rpm: 100_000_000, tpm: 100_000_000_000, maxParallel: 100_000 },
          budget: { tokens: 100_000_000_000, period: '1d', periodMs: 86_400_000 },
        },
      ],
    },
    models: { 'bench-openai': {} },
  });
  const authenticator = new Authenticator(policy, { clock: systemClock });
  const limiter = new AccessLimiter(policy, new MemoryStateStore({ maxKeys: 100_000 }), { clock: systemClock, onError: 'fail_closed', reservationTtlMs: 600_000 });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, 'content-length': '312' };
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  const outstanding: (AccessTicket | undefined)[] = new Array<AccessTicket | undefined>(IN_FLIGHT);
  const usage = { inputTokens: 80, outputTokens: 40 };

  const once = (index: number): void => {
    const caller = authenticator.authenticate(headers);
    if (caller instanceof Promise || 'allowed' in caller) throw new Error('the bench key was refused');
    const admitted = limiter.admit({ caller, model: 'bench-openai', estimate: { inputTokens: 78, maxOutputTokens: 256 } });
    if (admitted instanceof Promise || !admitted.allowed) throw new Error('the bench request was not admitted synchronously');
    const rendered = renderOpenAiRateLimitHeaders(admitted.rateLimit, Date.now());
    for (const name in rendered) response.setHeader(name, rendered[name] as string);
    const closed = new EventEmitter();
    closed.once('close', () => void limiter.settle(admitted.ticket, usage));
    // The request admitted IN_FLIGHT iterations ago ends now.
    const slot = index % IN_FLIGHT;
    const previous = outstanding[slot];
    if (previous !== undefined) void limiter.settle(previous, usage);
    outstanding[slot] = admitted.ticket;
    closed.removeAllListeners('close');
  };

  for (let i = 0; i < 20_000; i++) once(i);
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < iterations; i++) once(i);
    const spent = process.cpuUsage(before);
    perRound.push((spent.user + spent.system) / iterations);
  }
  for (const ticket of outstanding) if (ticket !== undefined) void limiter.settle(ticket, usage);
  return { micros: median(perRound), perRound };
}
