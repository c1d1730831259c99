// Public API of @llm-router/retry: pure functions for plain Node, plus a thin Nest service/module.
export type { RetryPolicy } from './retry-policy.js';
export { BACKOFF_JITTER, backoffDelayMs, retryWaitMs } from './backoff-delay.js';
export { type RetryClock, systemRetryClock } from './retry-clock.js';
export { attemptsOf } from './retry-attempts.js';
export { runWithRetry, type RetryableResponse, type RetryInfo, type RetryOptions, type RetryResult } from './run-with-retry.js';
export { RETRY_CLOCK } from './retry-clock.token.js';
export { RetryService } from './retry.service.js';
export { RetryModule } from './retry.module.js';
