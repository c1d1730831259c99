import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import { applyOverrides } from './apply-overrides.js';
import type { ConfigReport } from './config-report.js';
import { interpolateEnv } from './interpolate-env.js';
import { isRecord } from './is-record.js';
import type { LoadConfigOptions } from './load-config-options.js';
import { parseYaml } from './parse-yaml.js';
import type { RouterConfig } from './router-config.js';
import { toRouterConfig } from './to-router-config.js';
import { validateConfigFile } from './validate-config-file.js';
import { withoutFaultyParts } from './valid-config-parts.js';

/**
 * Parses and validates config YAML. `source` labels the result and YAML syntax problems (a file path, or e.g.
 * "<inline>"). Order: parse, substitute `${VAR}`, apply overrides (CLI > env > file), validate, apply defaults.
 * Throws `ConfigValidationError` listing every problem found; a YAML syntax error is reported alone.
 */
export function parseConfig(yamlText: string, source: string, options: LoadConfigOptions = {}): RouterConfig {
  const report = parseConfigReport(yamlText, source, options);
  if (!report.ok) throw new ConfigValidationError(report.problems);
  return report.config;
}

/** How many times the faulty parts are pruned before giving up on a partial config (one prune can reveal another). */
const MAX_PRUNES = 3;

/**
 * Like `parseConfig`, but returns every problem instead of throwing, and for an invalid file the config
 * of its valid parts (`partial`, see ConfigReport), so the caller can compile those in the same round.
 */
export function parseConfigReport(yamlText: string, source: string, options: LoadConfigOptions = {}): ConfigReport {
  const env = options.env ?? process.env;
  const parsed = parseYaml(yamlText, source);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  // An empty file (or one with only comments) is an empty mapping: it then lacks models.
  const document = parsed.value ?? {};
  if (!isRecord(document)) return { ok: false, problems: [{ path: source, message: 'the top level must be a mapping' }] };

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
  if (problems.length === 0 && validated.ok) return { ok: true, config: toRouterConfig(validated.file, source) };
  const partial = validPartOf(tree, problems, source);
  return partial === undefined ? { ok: false, problems } : { ok: false, problems, partial };
}

/** The config of `tree` without the parts `problems` name, if what is left validates. */
function validPartOf(tree: Record<string, unknown>, problems: readonly ConfigProblem[], source: string): RouterConfig | undefined {
  let pruned = withoutFaultyParts(tree, problems);
  for (let prune = 1; ; prune++) {
    const validated = validateConfigFile(pruned);
    if (validated.ok) return toRouterConfig(validated.file, source);
    if (prune === MAX_PRUNES) return undefined;
    const next = withoutFaultyParts(pruned, validated.problems);
    if (sameParts(next, pruned)) return undefined;
    pruned = next;
  }
}

function sameParts(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keysOf = (tree: Record<string, unknown>) => [...Object.keys(tree), ...(isRecord(tree['models']) ? Object.keys(tree['models']).map((m) => `models.${m}`) : [])].join('\n');
  return keysOf(a) === keysOf(b);
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
