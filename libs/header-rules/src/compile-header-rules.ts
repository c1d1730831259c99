import { type ConfigProblem, ConfigValidationError } from '@llm-router/core';
import type { CompiledHeaderRules } from './compiled-header-rules.js';
import type { HeaderRulesLayer } from './header-rules.js';
import { isHeaderName, isHeaderValue } from './header-name.js';
import { regexErrorReason } from './regex-error-reason.js';

/**
 * Merges header-rule layers, global first then the model's, into one precompiled rule set: `dropAll` is
 * OR-ed, drop lists are concatenated, add/force maps are merged with later layers winning (names compared
 * case-insensitively). Run once at boot; `buildUpstreamHeaders` then does no parsing per request.
 *
 * Throws one ConfigValidationError listing every problem of every layer, each named by the layer's path,
 * e.g. `models.gpt-4.header_rules.drop_headers[2]`.
 */
export function compileHeaderRules(layers: readonly HeaderRulesLayer[]): CompiledHeaderRules {
  const problems: ConfigProblem[] = [];
  let dropAll = false;
  const dropNames = new Set<string>();
  const dropPatterns: RegExp[] = [];
  const addHeaders = new Map<string, string>();
  const forceHeaders = new Map<string, string>();

  for (const { rules, path } of layers) {
    dropAll ||= rules.dropAll === true;
    (rules.dropHeaders ?? []).forEach((entry, index) => {
      const at = `${path}.drop_headers[${index}]`;
      const regex = parseDropRegex(entry);
      if (regex === undefined) {
        if (isHeaderName(entry)) dropNames.add(entry.toLowerCase());
        else problems.push({ path: at, message: invalidDropNameMessage(entry) });
      } else if ('error' in regex) {
        problems.push({ path: at, message: `invalid regex ${entry}: ${regex.error}` });
      } else {
        dropPatterns.push(regex.regex);
      }
    });
    mergeHeaderMap(rules.addHeaders, `${path}.add_headers`, addHeaders, problems);
    mergeHeaderMap(rules.forceHeaders, `${path}.force_headers`, forceHeaders, problems);
  }

  if (problems.length > 0) throw new ConfigValidationError(problems);
  return { dropAll, dropNames, dropPatterns, addHeaders, forceHeaders };
}

function invalidDropNameMessage(entry: string): string {
  const hint = entry.startsWith('/') ? ' (a regex is written /pattern/flags)' : '';
  return `invalid header name '${entry}'${hint}`;
}

/** Undefined when `entry` is not written as `/pattern/flags`. */
function parseDropRegex(entry: string): { regex: RegExp } | { error: string } | undefined {
  const close = entry.lastIndexOf('/');
  if (!entry.startsWith('/') || close === 0) return undefined;
  const source = entry.slice(1, close);
  const flags = entry.slice(close + 1);
  // A global or sticky regex keeps lastIndex between test() calls, so it would match every other header.
  const stateful = [...flags].find((flag) => flag === 'g' || flag === 'y');
  if (stateful !== undefined) return { error: `flag '${stateful}' is not allowed` };
  try {
    return { regex: new RegExp(source, flags) };
  } catch (error) {
    return { error: regexErrorReason(error, source, flags) };
  }
}

function mergeHeaderMap(
  headers: Readonly<Record<string, string>> | undefined,
  path: string,
  into: Map<string, string>,
  problems: ConfigProblem[],
): void {
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    const at = isHeaderName(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
    const lower = name.toLowerCase();
    if (!isHeaderName(name)) problems.push({ path: at, message: `invalid header name '${name}'` });
    else if (seen.has(lower)) problems.push({ path: at, message: `duplicate header '${lower}' (names are case-insensitive)` });
    if (typeof value !== 'string') problems.push({ path: at, message: 'header value must be a string' });
    else if (!isHeaderValue(value)) problems.push({ path: at, message: 'header value contains control characters' });
    seen.add(lower);
    into.set(lower, value);
  }
}
