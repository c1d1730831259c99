/** Upstream bodies read whole (non-streamed answers, error bodies) are capped at this size. */
export const MAX_UPSTREAM_BODY_BYTES = 64 * 1024 * 1024;
