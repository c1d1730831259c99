import type { FastifyReply } from 'fastify';

/** Aborted when the client's connection closes before the answer was written whole. */
export function clientGone(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  if (reply.raw.destroyed && !reply.raw.writableFinished) gone.abort(new Error('client disconnected'));
  else reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) gone.abort(new Error('client disconnected'));
  });
  return gone.signal;
}
