import { loadConfigReport, type LoadConfigOptions, type RouterConfig } from '@llm-router/config';
import { ConfigValidationError, type ConfigProblem, type ProviderAdapter, type UpstreamTransport } from '@llm-router/core';
import { compileHeaderRules } from '@llm-router/header-rules';
import { compileTransformations } from '@llm-router/transforms';
import { accessPolicyOf } from '../access/access-runtime.js';
import { buildRoutes } from '../routing/build-routes.js';
import type { Route } from '../routing/route.js';

export type CompiledConfigFile = { ok: true; config: RouterConfig; routes: Map<string, Route> } | { ok: false; problems: ConfigProblem[] };

/**
 * Reads, validates and compiles a config file, reporting every problem in one round: the schema's
 * (types, ranges, unknown keys, unset variables) and the compile step's (unknown provider, bad regex or
 * JSONPath, endpoint credentials, the access policy's checks). When the schema has problems, the schema-valid parts (see the config
 * lib's ConfigReport `partial`) are compiled all the same, so fixing the schema problems cannot reveal
 * a second round. Used before Nest boots (main.ts: exit 2 with every problem) and on reload.
 */
export function compileConfigFile(
  path: string,
  options: LoadConfigOptions,
  providers: ReadonlyMap<string, ProviderAdapter>,
  http: UpstreamTransport,
): CompiledConfigFile {
  const report = loadConfigReport(path, options);
  const config = report.ok ? report.config : report.partial;
  const compiled = config === undefined ? { routes: undefined, problems: [] } : compile(config, providers, http);
  const rules = config === undefined ? [] : [...ruleProblems(config), ...problemsOf(() => accessPolicyOf(config))];
  const problems = unique([...(report.ok ? [] : report.problems), ...compiled.problems, ...rules]);
  if (report.ok && compiled.routes !== undefined && problems.length === 0) return { ok: true, config: report.config, routes: compiled.routes };
  return { ok: false, problems };
}

function compile(config: RouterConfig, providers: ReadonlyMap<string, ProviderAdapter>, http: UpstreamTransport): { routes?: Map<string, Route>; problems: readonly ConfigProblem[] } {
  try {
    return { routes: buildRoutes(config, providers, http), problems: [] };
  } catch (error) {
    if (error instanceof ConfigValidationError) return { problems: error.problems };
    throw error;
  }
}

/**
 * Every rule list compiled on its own: buildRoutes compiles a model's rules (with the global ones) only
 * once its provider is known, so a bad regex next to an unknown provider, or in the global rules of a
 * file whose every model has an unknown provider, would only show in a second round.
 */
function ruleProblems(config: RouterConfig): ConfigProblem[] {
  const layers = [
    { headerRules: config.headerRules, transformations: config.transformations, path: '' },
    ...Object.entries(config.models).map(([name, model]) => ({ headerRules: model.headerRules, transformations: model.transformations, path: `models.${name}.` })),
  ];
  return layers.flatMap(({ headerRules, transformations, path }) => [
    ...problemsOf(() => headerRules !== undefined && compileHeaderRules([{ rules: headerRules, path: `${path}header_rules` }])),
    ...problemsOf(() => compileTransformations([{ rules: transformations, path: `${path}transformations` }], { stepBudget: config.server.transformStepBudget })),
  ]);
}

function problemsOf(compileStep: () => unknown): readonly ConfigProblem[] {
  try {
    compileStep();
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

// Rules are compiled alone and (the global ones) again with each model's: each problem is listed once.
function unique(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
