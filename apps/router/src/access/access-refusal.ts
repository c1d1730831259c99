import { accessErrorFor, type AccessClientFamily, type AccessDenied } from '@llm-router/access';
import type { ClientFormat } from '@llm-router/core';

/**
 * A request the access layer refused, thrown by AccessGuard (and the model list) and answered by
 * AccessRefusalFilter in the client's format. `denied.logDetail` is for the log line only.
 */
export class AccessRefusal extends Error {
  constructor(
    readonly denied: AccessDenied,
    readonly family: AccessClientFamily,
  ) {
    super(denied.logDetail === undefined ? `access refused (${denied.reason}): ${denied.message}` : `access refused (${denied.reason}): ${denied.logDetail}`);
    this.name = 'AccessRefusal';
  }

  /** The status, error type/code, message and headers (rate limits, `retry-after`) the client gets. */
  render(now: number): ReturnType<typeof accessErrorFor> {
    return accessErrorFor(this.denied, this.family, now);
  }
}

/** The error family of a client format. */
export function accessFamilyOf(format: ClientFormat): AccessClientFamily {
  return format === 'anthropic-messages' ? 'anthropic' : 'openai';
}
