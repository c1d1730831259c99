import type { IncomingHttpHeaders } from 'node:http';

/** Headers whose value is the client's own credential; the first two start with an auth scheme. */
const SCHEME_HEADERS = ['authorization', 'proxy-authorization'];
const KEY_HEADERS = ['x-api-key', 'api-key', 'x-goog-api-key'];

const SCHEME_PREFIX = /^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*\s+/;

/**
 * The credentials a client sent in its headers (`Bearer <token>` -> `<token>`), to be masked wherever
 * they show up in that request's line: echoed in a body, forwarded upstream, quoted in an error.
 */
export function clientSecretsOf(headers: IncomingHttpHeaders): string[] {
  const secrets: string[] = [];
  const add = (value: string | string[] | undefined, stripScheme: boolean): void => {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      const secret = (stripScheme ? item.replace(SCHEME_PREFIX, '') : item).trim();
      if (secret !== '') secrets.push(secret);
    }
  };
  for (const name of SCHEME_HEADERS) add(headers[name], true);
  for (const name of KEY_HEADERS) add(headers[name], false);
  return secrets;
}
