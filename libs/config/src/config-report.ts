import type { ConfigProblem } from '@llm-router/core';
import type { RouterConfig } from './router-config.js';

/**
 * The outcome of reading a config file, every problem at once. When the file is invalid, `partial` is
 * the config of its schema-valid parts (the models whose own settings are valid, the global sections
 * that are valid; see `validConfigParts`), so a caller can compile those too (regexes, JSONPaths,
 * provider names) and report everything in one round. `partial` is for finding more problems, never for
 * serving traffic; it is absent when nothing could be salvaged (a YAML syntax error, no valid model).
 */
export type ConfigReport = { ok: true; config: RouterConfig } | { ok: false; problems: ConfigProblem[]; partial?: RouterConfig };
