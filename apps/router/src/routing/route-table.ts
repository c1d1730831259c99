import type { Route } from './route.js';

/**
 * The compiled routes by client-facing model name. Built at boot; a config reload swaps the whole map at
 * once (`replace`), so a request sees either the old routes or the new ones, never a mix. In-flight
 * requests keep the Route they were given and finish on it.
 */
export class RouteTable {
  constructor(
    private routes: ReadonlyMap<string, Route>,
    private hash: string = '',
  ) {}

  get(model: string): Route | undefined {
    return this.routes.get(model);
  }

  all(): Route[] {
    return [...this.routes.values()];
  }

  /** A short hash of the config the routes were built from (shown by /health). */
  get configHash(): string {
    return this.hash;
  }

  replace(routes: ReadonlyMap<string, Route>, hash: string): void {
    this.routes = routes;
    this.hash = hash;
  }
}
