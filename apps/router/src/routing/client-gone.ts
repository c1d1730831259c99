import type { FastifyReply } from 'fastify';

const signals = new WeakMap<object, AbortSignal>();

/**
 * Aborted when the client's connection closes before the answer was written whole. One signal (one
 * controller, one `close` listener) per response, however many callers ask: the upstream sends, a routed
 * request's attempt plan and a stream's hold-back all share it.
 */
export function clientGone(reply: FastifyReply): AbortSignal {
  const raw = reply.raw;
  const known = signals.get(raw);
  if (known !== undefined) return known;
  const gone = new AbortController();
  if (raw.destroyed && !raw.writableFinished) gone.abort(new Error('client disconnected'));
  else raw.once('close', () => {
    if (!raw.writableFinished) gone.abort(new Error('client disconnected'));
  });
  signals.set(raw, gone.signal);
  return gone.signal;
}
