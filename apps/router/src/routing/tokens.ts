/** DI tokens of the app (the libs export their own). */
export const UPSTREAM_HTTP = Symbol('UPSTREAM_HTTP');
export const PROVIDERS = Symbol('PROVIDERS');
