import type { Logger } from '@llm-router/logging';
import type { RouterMetrics } from '../metrics/router-metrics.js';

/**
 * The `onSkippedFrame` sink of one stream (core's malformed-frame contract: skipped, never forwarded):
 * every skipped frame counts in `llm_router_upstream_malformed_frames_total{model,provider}`; the first
 * of a stream is also logged as a warning with its description, the rest only counted, so an upstream
 * spewing garbage cannot flood the log.
 */
export function skippedFrameReporter(metrics: RouterMetrics, logger: Logger, labels: { reqId: string | undefined; model: string; provider: string }): (description: string) => void {
  let logged = false;
  return (description) => {
    metrics.malformedFrameSkipped(labels.model, labels.provider);
    if (logged) return;
    logged = true;
    logger.warn({ reqId: labels.reqId, model: labels.model, provider: labels.provider, frame: description }, 'malformed upstream stream frame skipped (later ones of this stream are only counted)');
  };
}
