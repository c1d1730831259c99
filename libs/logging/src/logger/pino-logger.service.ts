import { Inject, Injectable, type LoggerService, type LogLevel } from '@nestjs/common';
import type { Level } from 'pino';
import { ROUTER_LOGGER } from '../nest/logging.tokens.js';
import type { Logger } from './create-logger.js';

/** Nest's levels mapped to pino's. */
const PINO_LEVEL: Readonly<Record<LogLevel, Level>> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** From most to least verbose, to turn Nest's set of enabled levels into pino's threshold. */
const NEST_LEVELS_ASCENDING: readonly LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

const STACK_LIKE = /\n\s+at /;

/**
 * Nest's LoggerService over the router's pino logger, so Nest's own messages (boot, routes mapped,
 * uncaught exceptions) are masked JSON lines too. Usage: `NestFactory.create(AppModule, adapter,
 * { logger: new PinoLoggerService(logger) })`, or `bufferLogs: true` + `app.useLogger(app.get(PinoLoggerService))`.
 *
 * Nest's calling convention is followed: a trailing string argument is the context (logged as
 * `context`), and `error(message, stack?, context?)` carries a stack. Writes go to a child logger,
 * so `setLogLevels` (Nest's `logger: ['error', 'warn']`) filters Nest's messages only, never the
 * request lines.
 */
@Injectable()
export class PinoLoggerService implements LoggerService {
  private readonly logger: Logger;

  constructor(@Inject(ROUTER_LOGGER) logger: Logger) {
    this.logger = logger.child({});
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Enables exactly Nest's least verbose level and above (pino has a threshold, not a set). */
  setLogLevels(levels: LogLevel[]): void {
    const lowest = NEST_LEVELS_ASCENDING.find((level) => levels.includes(level));
    this.logger.level = lowest === undefined ? 'silent' : PINO_LEVEL[lowest];
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !(level === 'error' && rest.length === 1 && STACK_LIKE.test(last))) {
      fields['context'] = last;
      rest.pop();
    }
    if (level === 'error' && typeof rest[0] === 'string' && (rest.length === 1 || STACK_LIKE.test(rest[0]))) {
      fields['stack'] = rest.shift();
    }
    // Nest's Logger pads a missing stack with undefined before the context.
    const extra = rest.filter((param) => param !== undefined);
    if (extra.length > 0) fields['params'] = extra;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, data: message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
