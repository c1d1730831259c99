import type { SseEvent } from '@llm-router/core';

/** A data object whose first key is `error` (how OpenAI and compatible servers fail mid-stream). */
const ERROR_DATA = /^\s*\{\s*"error"\s*:/;

/**
 * The upstream's in-band error (§1.6, §1.8): `data: {"error":…}`, or an `event: error` frame, which the
 * SDK also throws on. Checked without parsing: this runs per frame on the passthrough hot path.
 */
export function isErrorFrame(frame: SseEvent): boolean {
  return frame.event === 'error' || ERROR_DATA.test(frame.data);
}
