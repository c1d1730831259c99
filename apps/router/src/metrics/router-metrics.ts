import { Inject, Injectable } from '@nestjs/common';
import { RequestLog, type RequestOutcome, type RequestRecord } from '@llm-router/logging';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from a cached passthrough (ms) to a long generation (minutes). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
/** The router's own overhead: expected well under a millisecond. */
const OVERHEAD_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

/**
 * The router's Prometheus metrics, in a registry of its own. Request metrics are taken once per request,
 * when its response ends (RequestLog.onComplete), from the same record the log line is written from, so
 * the two always agree. Labels are bounded: configured model names, provider names, client formats,
 * statuses, and callers (configured key names, `anonymous`, `jwt` for any other JWT caller, `''` for none).
 */
@Injectable()
export class RouterMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'llm_router_requests_total',
    help: 'Requests by model, provider, client format, status, streaming and caller.',
    labelNames: ['model', 'provider', 'client_format', 'status', 'stream', 'caller'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'llm_router_request_duration_seconds',
    help: 'Total time from the request arriving to the response ending.',
    labelNames: ['model', 'provider', 'client_format', 'stream'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly ttfb = new Histogram({
    name: 'llm_router_time_to_first_byte_seconds',
    help: 'Time from the request arriving to the first response byte sent to the client.',
    labelNames: ['model', 'provider', 'stream'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly upstream = new Histogram({
    name: 'llm_router_upstream_duration_seconds',
    help: "Time spent waiting for the upstream's response headers (all attempts and backoff).",
    labelNames: ['model', 'provider'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly overhead = new Histogram({
    name: 'llm_router_overhead_seconds',
    help: "The router's own time before the first byte: time to first byte minus the upstream wait.",
    labelNames: ['model', 'provider'] as const,
    buckets: OVERHEAD_BUCKETS,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'llm_router_upstream_retries_total',
    help: 'Upstream attempts beyond the first.',
    labelNames: ['model', 'provider'] as const,
    registers: [this.registry],
  });
  private readonly upstreamErrors = new Counter({
    name: 'llm_router_upstream_errors_total',
    help: 'Requests whose upstream failed, by class: an error kind (timeout, bad_gateway...) or http_<status>.',
    labelNames: ['model', 'provider', 'class'] as const,
    registers: [this.registry],
  });
  private readonly malformedFrames = new Counter({
    name: 'llm_router_upstream_malformed_frames_total',
    help: 'Upstream stream frames that were not a JSON object: skipped, never forwarded.',
    labelNames: ['model', 'provider'] as const,
    registers: [this.registry],
  });
  private readonly tokens = new Counter({
    name: 'llm_router_tokens_total',
    help: 'Tokens reported by upstream answers, by model, direction (input, output) and caller.',
    labelNames: ['model', 'direction', 'caller'] as const,
    registers: [this.registry],
  });
  private readonly spend = new Counter({
    name: 'llm_router_spend_usd_total',
    help: "Spend in USD of the answers' reported usage, by model and caller, for models with `pricing`.",
    labelNames: ['model', 'caller'] as const,
    registers: [this.registry],
  });
  private readonly accessRejections = new Counter({
    name: 'llm_router_access_rejections_total',
    help: 'Requests refused by the access layer, by reason (missing_key, invalid_key, model_not_allowed, rate_limited, over_budget, store_unavailable).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly accessStoreErrors = new Counter({
    name: 'llm_router_access_store_errors_total',
    help: 'Failed state-store operations (reserve, settle, extend), in both on_error modes.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  /** The `caller` label of a record's caller name; the access layer bounds it by the config (see labelCallersWith). */
  private callerLabel: (name: string | undefined) => string = (name) => name ?? '';
  private priceUsage: (model: string, usage: { inputTokens: number; outputTokens: number }) => number | undefined = () => undefined;
  private readonly activeStreams = new Gauge({
    name: 'llm_router_active_streams',
    help: 'Streams being forwarded right now.',
    labelNames: ['client_format'] as const,
    registers: [this.registry],
  });

  constructor(@Inject(RequestLog) requestLog: RequestLog) {
    collectDefaultMetrics({ register: this.registry, prefix: 'llm_router_' });
    requestLog.onComplete((record, outcome) => this.observe(record, outcome));
  }

  /** How caller names become `caller` label values: the access layer installs one bounded by the config. */
  labelCallersWith(label: (name: string | undefined) => string): void {
    this.callerLabel = label;
  }

  /** How a model's usage becomes USD (undefined: no pricing); the access layer installs one from the config. */
  priceUsageWith(price: (model: string, usage: { inputTokens: number; outputTokens: number }) => number | undefined): void {
    this.priceUsage = price;
  }

  accessRejected(reason: string): void {
    this.accessRejections.inc({ reason });
  }

  accessStoreError(operation: string): void {
    this.accessStoreErrors.inc({ operation });
  }

  malformedFrameSkipped(model: string, provider: string): void {
    this.malformedFrames.inc({ model, provider });
  }

  streamStarted(clientFormat: string): void {
    this.activeStreams.inc({ client_format: clientFormat });
  }

  streamEnded(clientFormat: string): void {
    this.activeStreams.dec({ client_format: clientFormat });
  }

  private observe(record: RequestRecord, outcome: RequestOutcome): void {
    // Requests rejected before a model was known (404 paths, malformed JSON) count under model "".
    const model = record.model ?? '';
    const provider = record.provider ?? '';
    const stream = String(record.stream);
    const caller = this.callerLabel(record.caller);
    this.requests.inc({ model, provider, client_format: record.clientFormat ?? '', status: String(outcome.status), stream, caller });
    this.duration.observe({ model, provider, client_format: record.clientFormat ?? '', stream }, outcome.latencyMs / 1000);
    if (record.ttfbMs !== undefined) this.ttfb.observe({ model, provider, stream }, record.ttfbMs / 1000);
    if (record.upstreamMs !== undefined) {
      this.upstream.observe({ model, provider }, record.upstreamMs / 1000);
      if (record.ttfbMs !== undefined) this.overhead.observe({ model, provider }, Math.max(0, record.ttfbMs - record.upstreamMs) / 1000);
    }
    if (record.attempts > 1) this.retries.inc({ model, provider }, record.attempts - 1);
    if (record.upstreamError !== undefined) this.upstreamErrors.inc({ model, provider, class: record.upstreamError });
    if (record.usage !== undefined) {
      this.tokens.inc({ model, direction: 'input', caller }, record.usage.inputTokens);
      this.tokens.inc({ model, direction: 'output', caller }, record.usage.outputTokens);
      const usd = this.priceUsage(model, record.usage);
      if (usd !== undefined && usd > 0) this.spend.inc({ model, caller }, usd);
    }
  }
}
