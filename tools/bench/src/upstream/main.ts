import { createMockUpstream, listenOnLoopback } from './mock-upstream.js';

/**
 * `node dist/tools/bench/upstream/main.js [port] [chunks] [spacingMs]`: runs the mock upstream in its own
 * process (so its CPU is not the driver's) and prints `{"port":N}` once it listens.
 */
const [port = '0', chunks = '20', spacingMs = '0'] = process.argv.slice(2);
const server = createMockUpstream({ chunks: Number(chunks), spacingMs: Number(spacingMs) });
const bound = await listenOnLoopback(server, Number(port));
process.stdout.write(`${JSON.stringify({ port: bound })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
