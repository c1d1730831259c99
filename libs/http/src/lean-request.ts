import http from 'node:http';
import https from 'node:https';

/**
 * got's `request` option: opens the Node request with only the options this transport uses (agent,
 * method, headers, setHost), where got would hand Node ~30 TLS and socket options, mostly undefined,
 * that Node copies again per request in Agent.addRequest and ClientRequest (a measurable share of a
 * proxied request's CPU and allocation).
 *
 * Safe because of how the transport is set up: TLS verification lives on the agents (one per mode, and
 * an agent's options override the request's in Agent.addRequest); no custom CA, client certificate,
 * DNS lookup, local address or socket factory is ever configured; Node derives SNI from the host. The
 * URL goes to Node as a URL object, so IPv6 literals and ports are handled by Node itself.
 */
export function leanRequest(url: URL, options: http.RequestOptions): http.ClientRequest {
  const lean: http.RequestOptions = { agent: options.agent, method: options.method, headers: options.headers, setHost: options.setHost };
  return url.protocol === 'https:' ? https.request(url, lean) : http.request(url, lean);
}
