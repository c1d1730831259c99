import { jsonValueTooDeep, MAX_JSON_DEPTH, RouterError } from '@llm-router/core';
import { addJsonPath } from './add-json-path.js';
import type { CompiledTransformations } from './compiled-transformations.js';
import { dropJsonPath } from './drop-json-path.js';
import type { SearchStats } from '@llm-router/regex';
import { replaceInStrings } from './replace-in-strings.js';

/**
 * Applies the compiled rules, in order, to a parsed JSON request body, mutating it in place. Cheap per
 * request: regexes, JSONPath segments and filter scripts were all compiled by `compileTransformations`.
 * The body stays valid JSON: only strings are rewritten, nodes removed, and JSON values (cloned) set.
 * A body nested deeper than MAX_JSON_DEPTH is refused (400) before any rule walks it: jsonpath-plus
 * recurses over the body, so this lib must not rely on the HTTP edge having checked it. A string a
 * regex rule would need too much work on, or a request whose strings together would exceed
 * `compiled.stepBudget` steps of regex work, is refused the same way (see replaceInStrings).
 */
export function applyTransformations(body: Record<string, unknown>, compiled: CompiledTransformations): void {
  if (compiled.rules.length === 0) return;
  if (jsonValueTooDeep(body, MAX_JSON_DEPTH)) {
    throw RouterError.invalidRequest(`The request body nests deeper than ${MAX_JSON_DEPTH} levels, which transformations do not walk.`);
  }
  // One budget for the whole request: every regex rule over every string draws on it.
  const stats: SearchStats = compiled.stepBudget === undefined ? { steps: 0 } : { steps: 0, limit: compiled.stepBudget };
  for (const rule of compiled.rules) {
    switch (rule.type) {
      case 'regex_replace':
        replaceInStrings(body, rule.regex, rule.name, stats);
        break;
      case 'jsonpath_drop':
        dropJsonPath(body, rule.path);
        break;
      case 'jsonpath_add':
        addJsonPath(body, rule);
        break;
    }
  }
}
