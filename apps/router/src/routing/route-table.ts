import type { Route } from './route.js';

/** The compiled routes by client-facing model name. Injected as a singleton; built once at boot. */
export class RouteTable {
  constructor(private readonly routes: ReadonlyMap<string, Route>) {}

  get(model: string): Route | undefined {
    return this.routes.get(model);
  }

  all(): Route[] {
    return [...this.routes.values()];
  }
}
