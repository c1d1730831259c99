import { type ConfigProblem, ConfigValidationError } from '@llm-router/core';
import type { CompiledHeaderRules } from './compiled-header-rules.js';
import type { HeaderRulesLayer } from './header-rules.js';
import { compileDropEntry } from './compile-drop-entry.js';
import type { DropPattern } from './drop-pattern.js';
import { isHeaderName, isHeaderValue } from './header-name.js';

/**
 * Merges header-rule layers, global first then the model's, into one precompiled rule set: `dropAll` is
 * OR-ed, drop lists are concatenated, add/force maps are merged with later layers winning (names compared
 * case-insensitively). Run once at boot; `buildUpstreamHeaders` then does no parsing per request.
 *
 * Drop entries follow `compileDropEntry`: plain names (letters, digits, `-`, `_`) are exact, `/pattern/flags`
 * and everything else are Python regexes searched case-insensitively in the name.
 *
 * Throws one ConfigValidationError listing every problem of every layer, each named by the layer's path,
 * e.g. `models.gpt-4.header_rules.drop_headers[2]`.
 */
export function compileHeaderRules(layers: readonly HeaderRulesLayer[]): CompiledHeaderRules {
  const problems: ConfigProblem[] = [];
  let dropAll = false;
  const dropNames = new Set<string>();
  const dropPatterns: DropPattern[] = [];
  const addHeaders = new Map<string, string>();
  const forceHeaders = new Map<string, string>();

  for (const { rules, path } of layers) {
    dropAll ||= rules.dropAll === true;
    (rules.dropHeaders ?? []).forEach((entry, index) => {
      const compiled = compileDropEntry(entry);
      if ('name' in compiled) dropNames.add(compiled.name);
      else if ('pattern' in compiled) dropPatterns.push(compiled.pattern);
      else problems.push({ path: `${path}.drop_headers[${index}]`, message: compiled.error });
    });
    mergeHeaderMap(rules.addHeaders, `${path}.add_headers`, addHeaders, problems);
    mergeHeaderMap(rules.forceHeaders, `${path}.force_headers`, forceHeaders, problems);
  }

  if (problems.length > 0) throw new ConfigValidationError(problems);
  return { dropAll, dropNames, dropPatterns, addHeaders, forceHeaders };
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
