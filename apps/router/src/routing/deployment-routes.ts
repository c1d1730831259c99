import type { ModelConfig, ResolvedDeployment, RouterConfig } from '@llm-router/config';
import type { Route } from './route.js';

export interface DeploymentToCompile {
  /** The client-facing model name. */
  name: string;
  /** The model with the deployment's upstream fields at its top level: what one Route compiles. */
  model: ModelConfig;
  deployment: ResolvedDeployment;
  /** Where the deployment's fields are written, for problems (`models.m`, `models.m.deployments[1]`). */
  path: string;
}

/** Every deployment of every model, in config order. */
export function* deploymentsOf(config: RouterConfig): Generator<DeploymentToCompile> {
  for (const [name, model] of Object.entries(config.models)) {
    for (const deployment of model.deployments) yield { name, model: deploymentModel(model, deployment), deployment, path: deployment.path };
  }
}

/**
 * The model as one of its deployments sees it: the deployment's upstream fields over the model's (for the
 * seed form, the same values). Model-wide fields (deployments, fallbacks, routing, limits, pricing) stay.
 */
export function deploymentModel(model: ModelConfig, deployment: ResolvedDeployment): ModelConfig {
  const { key: _key, label: _label, index: _index, weight: _weight, priority: _priority, path: _path, ...upstream } = deployment;
  return { ...model, ...upstream };
}

/** Model name -> the Route of its first deployment; every Route of a model shares one `deployments` array. */
export function routesByModel(compiled: readonly Omit<Route, 'deployments'>[]): Map<string, Route> {
  const groups = new Map<string, Route[]>();
  for (const partial of compiled) {
    let group = groups.get(partial.name);
    if (group === undefined) {
      group = [];
      groups.set(partial.name, group);
    }
    group.push({ ...partial, deployments: group });
  }
  const routes = new Map<string, Route>();
  for (const [name, group] of groups) {
    const [first] = group;
    if (first !== undefined) routes.set(name, first);
  }
  return routes;
}
