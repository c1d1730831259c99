import { Inject, Injectable, Optional } from '@nestjs/common';
import { ROUTER_CONFIG, type LoadConfigOptions, type RouterConfig } from '@llm-router/config';
import { ConfigValidationError, formatConfigProblem, type ConfigProblem, type ProviderAdapter } from '@llm-router/core';
import type { GotTransport } from '@llm-router/http';
import { maskerOf, ROUTER_LOGGER, type Logger } from '@llm-router/logging';
import { AccessRuntime } from '../access/access-runtime.js';
import { ClientRedactor } from '../redaction/client-redactor.js';
import { configuredSecrets } from '../redaction/configured-secrets.js';
import { RouteTable } from '../routing/route-table.js';
import { PROVIDERS, UPSTREAM_HTTP } from '../routing/tokens.js';
import { compileConfigFile } from './compile-config-file.js';
import { configHash } from './config-hash.js';

/** Keys whose change needs a restart: they shape the HTTP server and the logger, built once at boot. */
const RESTART_ONLY = ['host', 'port', 'bodyLimitBytes', 'logLevel', 'logRequests', 'logResponses', 'maskApiKeys'] as const;

/**
 * Reloads the config file without dropping traffic (SIGHUP, or `--reload` on a config change): loads and
 * validates it, compiles new routes, and swaps them in at once for new requests; in-flight requests finish
 * on the old ones. An invalid file changes nothing and every problem is logged. Models, header rules and
 * transformations reload; `server` settings need a restart (a warning says so).
 */
@Injectable()
export class ConfigReloader {
  private current: RouterConfig;

  constructor(
    @Inject(ROUTER_CONFIG) config: RouterConfig,
    @Inject(RouteTable) private readonly routes: RouteTable,
    @Inject(PROVIDERS) private readonly providers: ReadonlyMap<string, ProviderAdapter>,
    @Inject(UPSTREAM_HTTP) private readonly http: GotTransport,
    @Inject(ROUTER_LOGGER) private readonly logger: Logger,
    @Inject(ClientRedactor) private readonly redactor: ClientRedactor,
    @Optional() @Inject(AccessRuntime) private readonly access?: AccessRuntime,
  ) {
    this.current = config;
  }

  /** Returns whether the new config is now active. */
  reload(path: string, options: LoadConfigOptions = {}): boolean {
    // Schema and compile problems in one round, as at boot; the access policy's own checks with them.
    const compiled = compileConfigFile(path, options, this.providers, this.http);
    let problems: readonly ConfigProblem[] = compiled.ok ? [] : compiled.problems;
    let swapAccess: (() => void) | undefined;
    if (compiled.ok) {
      try {
        swapAccess = this.access?.prepare(compiled.config);
      } catch (error) {
        if (!(error instanceof ConfigValidationError)) throw error;
        problems = error.problems;
      }
    }
    if (!compiled.ok || problems.length > 0) {
      this.logger.error({ config: path, problems: problems.map(formatConfigProblem) }, 'config reload refused: the running config stays');
      return false;
    }
    const next = compiled.config;
    this.routes.replace(compiled.routes, configHash(next));
    swapAccess?.();
    // The new config's secrets are redacted from client output and masked in the log from now on; the
    // previous config's stay too, for the requests still in flight on the old routes.
    const secrets = [...configuredSecrets(next), ...configuredSecrets(this.current)];
    this.redactor.rebuild(secrets);
    maskerOf(this.logger)?.replaceSecrets(secrets);
    const restartOnly = [
      ...RESTART_ONLY.filter((key) => next.server[key] !== this.current.server[key]).map((key) => `server.${key}`),
      // The admin listener (/metrics) is bound once at boot, like the public one.
      ...(['host', 'port'] as const).filter((key) => next.server.admin[key] !== this.current.server.admin[key]).map((key) => `server.admin.${key}`),
    ];
    if (restartOnly.length > 0) this.logger.warn({ keys: restartOnly }, 'config reload: these server settings take effect at the next restart');
    this.current = next;
    this.logger.info({ config: path, configHash: this.routes.configHash, models: Object.keys(next.models) }, 'config reloaded');
    return true;
  }
}
