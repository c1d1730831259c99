import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouterMetrics } from './router-metrics.js';

/** The operator listener, bound and serving. */
export interface AdminServer {
  /** e.g. `http://127.0.0.1:9464`: the bound address, so a configured port 0 shows the port picked. */
  readonly url: string;
  /** Stops accepting and ends idle keep-alive connections; resolves once every connection is gone. */
  close(): Promise<void>;
}

/**
 * The admin listener (`server.admin`): `GET /metrics` in Prometheus' text format from the app's registry,
 * and `GET /health/live`. Nothing else, no auth, no request log: it is meant for a loopback or cluster-internal
 * address that the public Ingress never routes to. `/metrics` is served here only, never on the public port.
 * Rejects when the address cannot be bound (EADDRINUSE), so the router fails at boot instead of running blind.
 */
export function startAdminServer(metrics: Pick<RouterMetrics, 'registry'>, host: string, port: number): Promise<AdminServer> {
  const server = createServer((request, response) => {
    answer(metrics, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'application/json', JSON.stringify({ error: `metrics failed: ${(error as Error).message}` }));
      else response.destroy();
    });
  });
  // A scraper keeps its connection open; never let it hold the process's exit.
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve({ url: urlOf(server), close: () => closeServer(server) });
    });
  });
}

async function answer(metrics: Pick<RouterMetrics, 'registry'>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  const known = path === '/metrics' || path === '/health/live';
  if (!known) return send(response, 404, 'application/json', JSON.stringify({ error: `not found: ${path}; this listener serves GET /metrics and /health/live` }));
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'application/json', JSON.stringify({ error: `method ${request.method ?? ''} not allowed` }));
  }
  if (path === '/health/live') return send(response, 200, 'application/json', JSON.stringify({ status: 'ok' }), request.method === 'HEAD');
  send(response, 200, metrics.registry.contentType, await metrics.registry.metrics(), request.method === 'HEAD');
}

function send(response: ServerResponse, status: number, contentType: string, body: string, headOnly = false): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  response.end(headOnly ? undefined : body);
}

function urlOf(server: Server): string {
  const address = server.address() as AddressInfo;
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

/** A scrape still being answered gets a moment to finish; then its connection is cut too. */
const CLOSE_GRACE_MS = 1_000;

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}
