import 'reflect-metadata';
import { loadConfig, resolveConfigPath, type RouterConfig } from '@llm-router/config';
import { ConfigValidationError, formatConfigProblem } from '@llm-router/core';
import { createLogger, SecretMasker } from '@llm-router/logging';
import { fileURLToPath } from 'node:url';
import { configuredKeys } from './app.module.js';
import { HELP_TEXT, parseCliOptions, type CliOptions } from './cli/cli-options.js';
import { superviseWithReload } from './cli/supervise-reload.js';
import { createRouterApp } from './create-app.js';
import { ConfigReloader } from './lifecycle/config-reloader.js';
import { ConnectionDrainer } from './lifecycle/connection-drainer.js';
import { watchFile } from './lifecycle/watch-file.js';
import { ShutdownState } from './lifecycle/shutdown-state.js';

/** Where the bundled example config sits relative to this file once built (dist/apps/router/main.js). */
const BUNDLED_CONFIG = fileURLToPath(new URL('../../../config.example.yaml', import.meta.url));

function exitWithConfigErrors(source: string, error: ConfigValidationError): never {
  process.stderr.write(`llm-router: invalid config ${source}:\n${error.problems.map((p) => `  ${formatConfigProblem(p)}`).join('\n')}\n`);
  process.exit(2);
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

  let config: RouterConfig;
  try {
    config = loadConfig(path, { overrides: { host: cli.host, port: cli.port } });
  } catch (error) {
    if (error instanceof ConfigValidationError) exitWithConfigErrors(path, error);
    throw error;
  }
  const masker = new SecretMasker({ secrets: configuredKeys(config), enabled: config.server.maskApiKeys });
  const logger = createLogger({ level: config.server.logLevel, masker, pretty: process.stdout.isTTY === true });
  if (fellBack) logger.info({ config: path }, 'no ./config.yaml here: using the bundled example config (pass --config FILE to choose one)');

  const app = await createRouterApp(config, logger).catch((error: unknown) => {
    if (error instanceof ConfigValidationError) exitWithConfigErrors(path, error);
    throw error;
  });
  const drainer = new ConnectionDrainer(app.getHttpServer());
  await app.listen({ host: config.server.host, port: config.server.port });
  const address = app.getHttpServer().address();
  const url = typeof address === 'object' && address !== null ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  logger.info({ url, config: path, models: Object.keys(config.models) }, 'llm-router listening');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal, openConnections: drainer.openConnections }, 'shutting down: finishing requests in flight');
    const state = app.get(ShutdownState);
    state.startDraining();
    drainer.drain();
    // After the grace period, streams still open end with an in-band error in their own format, and
    // whatever is left (non-streamed requests) is cut a moment later.
    setTimeout(() => {
      const closed = state.closeOpenStreams();
      if (closed > 0) logger.warn({ streams: closed }, 'grace period over: open streams closed with an error');
      setTimeout(() => drainer.closeAll(), 1_000).unref();
    }, config.server.shutdownGraceMs).unref();
    app.close().then(
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
