import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as PinoLogger, type LoggerOptions } from 'pino';
import type { SecretMasker } from '../masking/secret-masker.js';

/** The router's logger: a pino logger whose every line was masked by its SecretMasker. */
export type Logger = PinoLogger;

export interface CreateLoggerOptions {
  /** pino level name (`trace` ... `fatal`, `silent`); default `info`. An unknown name throws. */
  level?: string;
  /**
   * Human-readable output through pino-pretty (development); ignored when `destination` is given. When
   * pino-pretty cannot be found (a production install: it is a dev dependency) the logger writes JSON and
   * says so in one `warn` line, to `destination` if given.
   */
  pretty?: boolean;
  /** Finds pino-pretty's entry file, or throws when it is not installed. Default: resolved from this package. Tests inject one. */
  resolvePretty?: () => string;
  /** Masks every serialised line before it is written. */
  masker: SecretMasker;
  /** Where lines go; default stdout. Tests pass a capture stream. */
  destination?: DestinationStream;
}

const MASKERS = new WeakMap<object, SecretMasker>();

/**
 * Creates the pino logger. Every serialised line, whatever put it there (messages, error messages and
 * stacks, URLs, bound fields), goes through `masker.maskString` in pino's `streamWrite` hook, just
 * before the stream gets it: masking is total, and costs one regex pass per line. Lines carry
 * `level` as a label (`"info"`) and `time` as an ISO string.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const { masker } = options;
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    hooks: masker.enabled ? { streamWrite: (line) => masker.maskString(line) } : {},
  };
  const prettyEntry = options.pretty === true ? findPretty(options.resolvePretty ?? resolvePrettyHere) : undefined;
  let logger: Logger;
  if (options.destination !== undefined) {
    logger = pino(config, options.destination);
  } else if (typeof prettyEntry === 'string') {
    // Loaded (in a worker thread) only here, by the path found above: pino's own lookup of a missing
    // target throws, and at boot that was an exit 1 of a container run with a TTY.
    logger = pino({ ...config, transport: { target: prettyEntry, options: { ignore: 'pid,hostname' } } });
  } else {
    logger = pino(config);
  }
  MASKERS.set(logger, masker);
  if (prettyEntry instanceof Error) {
    logger.warn({ reason: prettyEntry.message }, 'pretty printing is unavailable (pino-pretty is not installed): logging JSON');
  }
  return logger;
}

function resolvePrettyHere(): string {
  return createRequire(import.meta.url).resolve('pino-pretty');
}

/** pino-pretty's entry, or why it cannot be used. */
function findPretty(resolve: () => string): string | Error {
  try {
    return resolve();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The masker a logger made by `createLogger` writes through (also for its child loggers, which pino
 * derives from their parent's prototype); undefined for any other logger.
 */
export function maskerOf(logger: Logger): SecretMasker | undefined {
  let current: object | null = logger;
  while (current !== null) {
    const masker = MASKERS.get(current);
    if (masker !== undefined) return masker;
    const proto: object | null = Object.getPrototypeOf(current);
    current = proto;
  }
  return undefined;
}
