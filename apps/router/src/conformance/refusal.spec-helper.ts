import { RouterError } from '@llm-router/core';

/** The RouterError `run` throws; fails when it throws anything else or nothing. */
export function refusalOf(run: () => unknown): RouterError {
  try {
    run();
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected a RouterError, nothing was thrown');
}
