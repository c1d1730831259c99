import { RouterError, type TranslationContext } from '@llm-router/core';
import { readFileSync } from 'node:fs';

/** A deterministic TranslationContext for specs: ids `id000001`, `id000002`, ... (24 characters, padded). */
export function testContext(overrides: Partial<Omit<TranslationContext, 'newId' | 'warnings'>> = {}): TranslationContext {
  let counter = 0;
  return {
    upstreamModel: 'upstream-model',
    defaultMaxTokens: 4096,
    estimatedInputTokens: 100,
    ...overrides,
    warnings: [],
    newId: () => `id${String(++counter).padStart(22, '0')}`,
  };
}

/** A wire-format fixture of libs/testing/fixtures, as bytes. */
export function fixtureBytes(path: string): Buffer {
  return readFileSync(new URL(`../../testing/fixtures/${path}`, import.meta.url));
}

/** A JSON fixture, parsed afresh on each call. */
export function fixtureJson(path: string): unknown {
  return JSON.parse(fixtureBytes(path).toString('utf8'));
}

/** The RouterError `run` throws (fails the spec when it throws something else or nothing). */
export function rejection(run: () => unknown): RouterError {
  try {
    run();
  } catch (error) {
    if (error instanceof RouterError) return error;
    throw error;
  }
  throw new Error('expected a RouterError');
}
