/** Nest injection token for the RetryClock RetryService uses; override it to control time. */
export const RETRY_CLOCK = Symbol('RETRY_CLOCK');
