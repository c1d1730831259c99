/** The router's version, as in apps/router/package.json (a spec keeps the two equal). */
export const VERSION = '0.1.0';
