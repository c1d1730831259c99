import { addJsonPath } from './add-json-path.js';
import type { CompiledTransformations } from './compiled-transformations.js';
import { dropJsonPath } from './drop-json-path.js';
import { replaceInStrings } from './replace-in-strings.js';

/**
 * Applies the compiled rules, in order, to a parsed JSON request body, mutating it in place. Cheap per
 * request: regexes, JSONPath segments and filter scripts were all compiled by `compileTransformations`.
 * The body stays valid JSON: only strings are rewritten, nodes removed, and JSON values (cloned) set.
 * A filter that throws on some node (e.g. `@.content.length` where content is absent) does not match it.
 */
export function applyTransformations(body: Record<string, unknown>, compiled: CompiledTransformations): void {
  for (const rule of compiled.rules) {
    switch (rule.type) {
      case 'regex_replace':
        replaceInStrings(body, rule.regex, rule.name);
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
