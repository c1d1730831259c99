import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import { applyOverrides } from './apply-overrides.js';
import { interpolateEnv } from './interpolate-env.js';
import { isRecord } from './is-record.js';
import type { LoadConfigOptions } from './load-config-options.js';
import { parseYaml } from './parse-yaml.js';
import type { RouterConfig } from './router-config.js';
import { toRouterConfig } from './to-router-config.js';
import { validateConfigFile } from './validate-config-file.js';

/**
 * Parses and validates config YAML. `source` labels the result and YAML syntax problems (a file path, or e.g.
 * "<inline>"). Order: parse, substitute `${VAR}`, apply overrides (CLI > env > file), validate, apply defaults.
 * Throws `ConfigValidationError` listing every problem found; a YAML syntax error is reported alone.
 */
export function parseConfig(yamlText: string, source: string, options: LoadConfigOptions = {}): RouterConfig {
  const env = options.env ?? process.env;
  const parsed = parseYaml(yamlText, source);
  if (!parsed.ok) throw new ConfigValidationError([parsed.problem]);
  // An empty file (or one with only comments) is an empty mapping: it then lacks models.
  const document = parsed.value ?? {};
  if (!isRecord(document)) throw new ConfigValidationError([{ path: source, message: 'the top level must be a mapping' }]);

  const interpolated = interpolateEnv(document, env);
  const tree = isRecord(interpolated.value) ? interpolated.value : {};
  const overrides = applyOverrides(tree, options, env);
  const validated = validateConfigFile(tree);
  const problems = unique([
    // A file value replaced by an override cannot be wrong for want of a variable.
    ...interpolated.problems.filter((p) => !overrides.overridden.has(p.path)),
    ...overrides.problems,
    ...(validated.ok ? [] : validated.problems),
  ]);
  if (problems.length > 0 || !validated.ok) throw new ConfigValidationError(problems);
  return toRouterConfig(validated.file, source);
}

// One scalar reached through several YAML aliases reports the same problem more than once.
function unique(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
