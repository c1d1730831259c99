import { createReferenceProxy } from './reference-proxy.js';

/** `node dist/tools/bench/reference/main.js <upstream origin> [port]`: prints `{"port":N}` once it listens. */
const [upstream, port = '0'] = process.argv.slice(2);
if (upstream === undefined) throw new Error('usage: reference/main.js <upstream origin> [port]');
const app = createReferenceProxy(upstream);
await app.listen({ host: '127.0.0.1', port: Number(port) });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
