import type { ConfigProblem } from '@llm-router/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigFileDto } from './dto/config-file.dto.js';
import { fallbackProblems } from './fallback-problems.js';
import { toConfigProblems } from './to-config-problems.js';

export type ValidatedConfigFile = { ok: true; file: ConfigFileDto } | { ok: false; problems: ConfigProblem[] };

/** Validates the parsed, interpolated, overridden tree against the file contract, reporting every problem. */
export function validateConfigFile(tree: Record<string, unknown>): ValidatedConfigFile {
  const file = plainToInstance(ConfigFileDto, tree);
  const errors = validateSync(file, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Per property: one message, and no descent into a section already rejected (e.g. `server: [1]`).
    stopAtFirstError: true,
    validationError: { target: false, value: true },
  });
  // Fallback names are checked across models, which no single DTO sees.
  const problems = [...toConfigProblems(errors), ...fallbackProblems(file.models)];
  return problems.length === 0 ? { ok: true, file } : { ok: false, problems };
}
