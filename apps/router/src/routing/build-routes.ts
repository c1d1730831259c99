import type { RouterConfig } from '@llm-router/config';
import { ConfigValidationError, type ConfigProblem, type ProviderAdapter, type UpstreamTransport } from '@llm-router/core';
import { compileHeaderRules } from '@llm-router/header-rules';
import { compileTransformations } from '@llm-router/transforms';
import { deploymentsOf, routesByModel } from './deployment-routes.js';
import { splitEndpointCredentials } from './endpoint-credentials.js';
import { registryKey } from './provider-registry.js';
import type { Route } from './route.js';

/**
 * Compiles the config into one Route per deployment (the seed form: one per model), keyed by model name
 * (its first deployment's Route, holding them all in `deployments`), once, at boot. Every problem found here (unknown
 * provider, missing endpoint, bad regex or JSONPath in a rule) is collected and thrown together as a
 * ConfigValidationError, like the config lib's own validation, so the CLI reports them all and exits 2.
 */
export function buildRoutes(config: RouterConfig, providers: ReadonlyMap<string, ProviderAdapter>, http: UpstreamTransport): Map<string, Route> {
  const problems: ConfigProblem[] = [];
  const collect = <T>(compile: () => T): T | undefined => {
    try {
      return compile();
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };

  const compiled: Omit<Route, 'deployments'>[] = [];
  for (const { name, model, deployment, path } of deploymentsOf(config)) {
    // `api` (validated by the config: openai only) picks the provider's dialect adapter.
    const adapter = providers.get(registryKey(model.provider, model.api));
    if (adapter === undefined) {
      const known = [...providers.keys()].filter((key) => !key.includes(':'));
      problems.push({ path: `${path}.provider`, message: `unknown provider '${model.provider}' (known: ${known.join(', ')})` });
      continue;
    }
    const configured = model.endpoint ?? adapter.defaultEndpoint;
    if (configured === undefined) {
      problems.push({ path: `${path}.endpoint`, message: `required for provider ${model.provider}` });
      continue;
    }
    const { endpoint, basicAuth } = splitEndpointCredentials(configured);
    const authHeaders = model.apiKey === undefined ? {} : adapter.authHeaders(model.apiKey);
    if (basicAuth !== undefined && 'authorization' in authHeaders) {
      problems.push({
        path: `${path}.endpoint`,
        message: `has credentials (user:password@) and the model has an api_key: both would be sent as the Authorization header; drop one (a proxy's own header can go in header_rules.force_headers)`,
      });
      continue;
    }
    const headerRules = collect(() =>
      compileHeaderRules([
        { rules: config.headerRules, path: 'header_rules' },
        ...(model.headerRules ? [{ rules: model.headerRules, path: `${path}.header_rules` }] : []),
      ]),
    );
    const transformLayers = [
      { rules: config.transformations, path: 'transformations' },
      { rules: model.transformations, path: `${path}.transformations` },
    ];
    const stepBudget = config.server.transformStepBudget;
    const transforms = collect(() => compileTransformations(transformLayers, { stepBudget, stage: 'request' }));
    const upstreamTransforms = collect(() => compileTransformations(transformLayers, { stepBudget, stage: 'upstream' }));
    if (headerRules === undefined || transforms === undefined || upstreamTransforms === undefined) continue;

    compiled.push({
      name,
      model,
      deployment,
      adapter,
      transport: adapter.transport ?? http,
      endpoint: endpoint.replace(/\/+$/, ''),
      urls: Object.fromEntries(adapter.nativeFormats.map((format) => [format, adapter.url(endpoint, format)])),
      headerRules,
      transforms,
      upstreamTransforms,
      retry: model.retry,
      send: {
        connectTimeoutMs: model.connectTimeoutMs,
        responseTimeoutMs: model.timeoutMs,
        idleTimeoutMs: model.streamIdleTimeoutMs,
        rejectUnauthorized: model.sslVerify,
      },
      routerHeaders: {
        'content-type': 'application/json',
        ...(basicAuth === undefined ? {} : { authorization: basicAuth }),
        ...authHeaders,
      },
      streamFrameLimitChars: config.server.streamFrameLimitChars,
    });
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return routesByModel(compiled);
}
