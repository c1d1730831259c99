import { loadConfigReport, type LoadConfigOptions, type RouterConfig } from '@llm-router/config';
import { ConfigValidationError, type ConfigProblem, type ProviderAdapter, type UpstreamTransport } from '@llm-router/core';
import { buildRoutes } from '../routing/build-routes.js';
import type { Route } from '../routing/route.js';

export type CompiledConfigFile = { ok: true; config: RouterConfig; routes: Map<string, Route> } | { ok: false; problems: ConfigProblem[] };

/**
 * Reads, validates and compiles a config file, reporting every problem in one round: the schema's
 * (types, ranges, unknown keys, unset variables) and the compile step's (unknown provider, bad regex or
 * JSONPath, endpoint credentials). When the schema has problems, the schema-valid parts (see the config
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
  const problems = unique([...(report.ok ? [] : report.problems), ...compiled.problems]);
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

// The global rules are compiled with each model's: a problem in them would be listed once per model.
function unique(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
