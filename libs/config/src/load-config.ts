import { ConfigValidationError } from '@llm-router/core';
import { readFileSync } from 'node:fs';
import type { LoadConfigOptions } from './load-config-options.js';
import type { ConfigReport } from './config-report.js';
import { parseConfigReport } from './parse-config.js';
import type { RouterConfig } from './router-config.js';

/**
 * Reads and parses a config file (see `parseConfig`); `source` is `path`. An unreadable file throws
 * `ConfigValidationError` with one problem at `path`: "cannot read file: ENOENT: no such file or directory".
 */
export function loadConfig(path: string, options: LoadConfigOptions = {}): RouterConfig {
  const report = loadConfigReport(path, options);
  if (!report.ok) throw new ConfigValidationError(report.problems);
  return report.config;
}

/**
 * Reads and parses a config file, returning every problem instead of throwing, and for an invalid file
 * the config of its valid parts (see `parseConfigReport`), so the app can compile those in the same round.
 */
export function loadConfigReport(path: string, options: LoadConfigOptions = {}): ConfigReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (thrown: unknown) {
    return { ok: false, problems: [{ path, message: `cannot read file: ${readFailure(thrown)}` }] };
  }
  return parseConfigReport(text, path, options);
}

// Node's messages end in ", open '<path>'" (or ", read"), which the problem's path already says. Duck-typed:
// errors from another realm (a test VM) are not `instanceof Error`.
function readFailure(thrown: unknown): string {
  const message = typeof thrown === 'object' && thrown !== null && 'message' in thrown && typeof thrown.message === 'string' ? thrown.message : String(thrown);
  return message.replace(/, [a-z]+( '.*')?$/s, '');
}
