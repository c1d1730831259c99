// The container's HEALTHCHECK (`node dist/apps/router/healthcheck.js`): probes /health/live of the router
// running as PID 1, on the address it really listens on: its flags are read from /proc/1/cmdline and its
// working directory from /proc/1/cwd, so `--port`, LLM_ROUTER_SERVER_PORT and `server.port` all work
// (a HEALTHCHECK that hard-codes 8000 marks a router on another port unhealthy). Exit 0 healthy, 1 not.
import { readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { healthcheckUrl } from './cli/healthcheck-url.js';

const BUNDLED_CONFIG = fileURLToPath(new URL('../../../config.example.yaml', import.meta.url));

async function probe(): Promise<number> {
  const cmdline = readFileSync('/proc/1/cmdline', 'utf8').split('\0').filter((arg) => arg !== '');
  const main = cmdline.findIndex((arg) => arg.endsWith('main.js'));
  const url = healthcheckUrl(main === -1 ? [] : cmdline.slice(main + 1), readlinkSync('/proc/1/cwd'), BUNDLED_CONFIG);
  if (url === undefined) {
    process.stdout.write('llm-router listens on a random port (0): nothing to probe\n');
    return 0;
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(2_500) });
  return response.ok ? 0 : 1;
}

probe().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`llm-router healthcheck: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
