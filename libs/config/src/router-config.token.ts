/** Injection token for the `RouterConfig` provided by `RouterConfigModule.forRoot`: `@Inject(ROUTER_CONFIG)`. */
export const ROUTER_CONFIG = Symbol('ROUTER_CONFIG');
