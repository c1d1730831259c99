/** How many causes `describeError` follows (and how many errors of an AggregateError it lists). */
export const MAX_CAUSE_DEPTH = 8;

/** One error of a cause chain, as a log line shows it. */
export interface ErrorCauseLog {
  /** The error's class (`RequestError`, `TypeError`); `typeof` for a thrown non-object. */
  class: string;
  /** Node's and libraries' `code` (`ECONNREFUSED`, `ERR_TLS_CERT_ALTNAME_INVALID`); a RouterError's kind. */
  code?: string;
  message: string;
  /** An AggregateError's errors (Node's connect gives one per address tried), at most MAX_CAUSE_DEPTH. */
  errors?: ErrorCauseLog[];
}

/** The structured fields a log line carries for an error, next to its `error` message. */
export interface ErrorDetails {
  errorClass: string;
  errorCode?: string;
  /** `error.cause`, its cause, ...: at most MAX_CAUSE_DEPTH, a cycle ends the list. */
  errorCause?: ErrorCauseLog[];
  /** The stack of the chain's root (its deepest error), when `withStack`. */
  errorStack?: string;
}

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  stack?: unknown;
}

/**
 * The class, code and cause chain of `error` (anything thrown), for a log line; with `withStack` also
 * the stack of the root cause: where an unexpected error happened, not where it was wrapped. Bounded in
 * depth and breadth, safe with cycles (`a.cause = a`). Nothing is masked here: the log line is (see
 * RequestLog, which also catches whatever a hostile getter might throw).
 */
export function describeError(error: unknown, options: { withStack?: boolean } = {}): ErrorDetails {
  const [top, ...causes] = chainOf(error).map((link) => entryOf(link));
  const details: ErrorDetails = { errorClass: top?.class ?? typeof error };
  if (top?.code !== undefined) details.errorCode = top.code;
  if (causes.length > 0) details.errorCause = causes;
  if (options.withStack === true) {
    const stack = fieldsOf(rootOf(error))?.stack;
    if (typeof stack === 'string') details.errorStack = stack;
  }
  return details;
}

/** The class of the chain's root (its deepest error): `RouterError` when the router made the error itself. */
export function rootClassOf(error: unknown): string {
  return classOf(rootOf(error));
}

/** `error`, its cause, the cause's cause...: at most 1 + MAX_CAUSE_DEPTH links, each once. */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [error];
  for (let current = causeOf(error); current !== undefined && chain.length <= MAX_CAUSE_DEPTH && !chain.includes(current); current = causeOf(current)) {
    chain.push(current);
  }
  return chain;
}

function rootOf(error: unknown): unknown {
  return chainOf(error).at(-1);
}

function entryOf(error: unknown, withErrors = true): ErrorCauseLog {
  const fields = fieldsOf(error);
  if (fields === undefined) return { class: typeof error, message: String(error) };
  const entry: ErrorCauseLog = { class: classOf(error), message: typeof fields.message === 'string' ? fields.message : safeString(error) };
  const code = codeOf(fields);
  if (code !== undefined) entry.code = code;
  if (withErrors && Array.isArray(fields.errors) && fields.errors.length > 0) {
    entry.errors = fields.errors.slice(0, MAX_CAUSE_DEPTH).map((inner: unknown) => entryOf(inner, false));
  }
  return entry;
}

// A RouterError's decision is its kind (its `code` is the client-facing OpenAI code); elsewhere `code`.
function codeOf(fields: ErrorFields): string | undefined {
  if (fields.name === 'RouterError' && typeof fields.kind === 'string') return fields.kind;
  if (typeof fields.code === 'string') return fields.code;
  return typeof fields.code === 'number' ? String(fields.code) : undefined;
}

function classOf(error: unknown): string {
  const fields = fieldsOf(error);
  if (fields === undefined) return typeof error;
  // The class, as `instanceof` sees it; a bare object (a plain `{ message }` thrown) has none worth naming.
  const proto: unknown = Object.getPrototypeOf(error);
  const ctor = typeof proto === 'object' && proto !== null ? (proto as { constructor?: unknown }).constructor : undefined;
  const name = typeof ctor === 'function' ? ctor.name : '';
  if (name !== '' && name !== 'Object') return name;
  return typeof fields.name === 'string' && fields.name !== '' ? fields.name : 'Object';
}

function causeOf(error: unknown): unknown {
  return fieldsOf(error)?.cause;
}

function fieldsOf(error: unknown): ErrorFields | undefined {
  return typeof error === 'object' && error !== null ? (error as ErrorFields) : undefined;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[unprintable]';
  }
}
