import 'reflect-metadata';
import { resolveConfigPath, type LoadConfigOptions } from '@llm-router/config';
import { ConfigValidationError, formatConfigProblem, type ConfigProblem } from '@llm-router/core';
import { GotTransport } from '@llm-router/http';
import { createLogger, SecretMasker } from '@llm-router/logging';
import { fileURLToPath } from 'node:url';
import { configuredKeys } from './app.module.js';
import { HELP_TEXT, parseCliOptions, type CliOptions } from './cli/cli-options.js';
import { superviseWithReload } from './cli/supervise-reload.js';
import { createRouterApp } from './create-app.js';
import { compileConfigFile, type CompiledConfigFile } from './lifecycle/compile-config-file.js';
import { ConfigReloader } from './lifecycle/config-reloader.js';
import { ConnectionDrainer } from './lifecycle/connection-drainer.js';
import { watchFile } from './lifecycle/watch-file.js';
import { ShutdownState } from './lifecycle/shutdown-state.js';
import { startAdminServer } from './metrics/admin-server.js';
import { RouterMetrics } from './metrics/router-metrics.js';
import { createProviderRegistry } from './routing/provider-registry.js';

/** Where the bundled example config sits relative to this file once built (dist/apps/router/main.js). */
const BUNDLED_CONFIG = fileURLToPath(new URL('../../../config.example.yaml', import.meta.url));

function exitWithConfigErrors(source: string, problems: readonly ConfigProblem[]): never {
  process.stderr.write(`llm-router: invalid config ${source}:\n${problems.map((p) => `  ${formatConfigProblem(p)}`).join('\n')}\n`);
  process.exit(2);
}

/**
 * Every problem of the file, schema and compile step together, before anything boots: a bad file is
 * reported in one round, on stderr, with no Nest line in between. The routes compiled here are thrown
 * away (with their throwaway transport); the app compiles its own.
 */
function checkConfigFile(path: string, options: LoadConfigOptions): CompiledConfigFile {
  const transport = new GotTransport();
  try {
    return compileConfigFile(path, options, createProviderRegistry((headers) => headers), transport);
  } finally {
    transport.close();
  }
}

async function main(argv: string[]): Promise<void> {
  let cli: CliOptions;
  try {
    cli = parseCliOptions(argv);
  } catch (error) {
    process.stderr.write(`llm-router: ${(error as Error).message}\nTry --help.\n`);
    process.exit(2);
  }
  if (cli.help) {
    process.stdout.write(HELP_TEXT);
    return;
  }
  const { path, fellBack } = resolveConfigPath(cli.config, { cwd: process.cwd(), fallback: BUNDLED_CONFIG });
  if (cli.reload) {
    superviseWithReload(fileURLToPath(import.meta.url), argv);
    return;
  }

  const checked = checkConfigFile(path, { overrides: { host: cli.host, port: cli.port } });
  if (!checked.ok) exitWithConfigErrors(path, checked.problems);
  const { config } = checked;
  const masker = new SecretMasker({ secrets: configuredKeys(config), enabled: config.server.maskApiKeys });
  const logger = createLogger({ level: config.server.logLevel, masker, pretty: process.stdout.isTTY === true });
  if (fellBack) logger.info({ config: path }, 'no ./config.yaml here: using the bundled example config (pass --config FILE to choose one)');

  const app = await createRouterApp(config, logger).catch((error: unknown) => {
    if (error instanceof ConfigValidationError) exitWithConfigErrors(path, error.problems);
    throw error;
  });
  const drainer = new ConnectionDrainer(app.getHttpServer());
  await app.listen({ host: config.server.host, port: config.server.port });
  const address = app.getHttpServer().address();
  const url = typeof address === 'object' && address !== null ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  // The admin listener (/metrics) is up before `llm-router listening` is logged: that line means both serve.
  const { host: adminHost, port: adminPort } = config.server.admin;
  const admin = await startAdminServer(app.get(RouterMetrics), adminHost, adminPort).catch((error: unknown) => {
    process.stderr.write(`llm-router: cannot listen on server.admin ${adminHost}:${adminPort} (/metrics): ${(error as Error).message}\n`);
    process.exit(1);
  });
  logger.info({ url: admin.url }, 'admin listening');
  logger.info({ url, adminUrl: admin.url, config: path, models: Object.keys(config.models) }, 'llm-router listening');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal, openConnections: drainer.openConnections }, 'shutting down: finishing requests in flight');
    const state = app.get(ShutdownState);
    state.startDraining();
    drainer.drain();
    // After the grace period, streams still open end with an in-band error in their own format and
    // requests still waiting (on an upstream) get a 503 in theirs, each with its log line; whatever is
    // left (a response being written, a client not reading) is cut a moment later.
    setTimeout(() => {
      const streams = state.closeOpenStreams();
      const requests = state.answerWaitingRequests();
      if (streams + requests > 0) logger.warn({ streams, requests }, 'grace period over: open streams closed with an error, waiting requests answered 503');
      setTimeout(() => drainer.closeAll(), 1_000).unref();
    }, config.server.shutdownGraceMs).unref();
    // The admin listener closes last, so /metrics can be scraped while requests drain.
    app.close().then(() => admin.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const reloader = app.get(ConfigReloader);
  const reload = () => reloader.reload(path, { overrides: { host: cli.host, port: cli.port } });
  process.on('SIGHUP', reload);
  if (cli.watchConfig) watchFile(path, reload);
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`llm-router: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
