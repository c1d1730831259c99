import type { RouterError } from '@llm-router/core';
import { errorTypeForKind } from './error-type-for-kind.js';
import { formatStreamEvent } from './format-stream-event.js';

/**
 * The in-band error that ends a started stream: `event: error`. Nothing may follow it (no
 * `message_delta`, no `message_stop`); the SDK throws an APIError when it reads it.
 */
export function streamErrorFrame(error: RouterError): string {
  return formatStreamEvent({ type: 'error', error: { type: errorTypeForKind(error.kind), message: error.message } });
}
