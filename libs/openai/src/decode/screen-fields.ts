import { headerSafe } from '../header-safe.js';
import { untranslatable } from '../inspect/parameter-errors.js';
import { unreachable } from '../unreachable.js';

/**
 * What becomes of a top-level request field when the request is translated for another API family:
 * - `mapped`: read by the decoder into the IR (which may still refuse particular values);
 * - `refused`: a feature no other family has; any non-null value is a 400 naming the field;
 * - `dropped`: a tuning knob or OpenAI-only hint; dropped with a warning.
 * `feature` names what is refused, for the error message.
 */
export type FieldFate = { fate: 'mapped' } | { fate: 'refused'; feature: string } | { fate: 'dropped' };

export type FieldPolicy = Readonly<Record<string, FieldFate>>;

/**
 * Applies `policy` to a request body's top-level fields: throws for the first refused one, warns for
 * each dropped one and for each field the policy does not know (vendor extensions, typos), which is
 * dropped too. `null` values count as absent and are never refused or warned about.
 */
export function screenFields(body: Record<string, unknown>, policy: FieldPolicy, warnings: string[]): void {
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    const fate = Object.hasOwn(policy, field) ? policy[field] : undefined;
    if (fate === undefined) {
      warnings.push(`${headerSafe(field)}: unknown parameter, dropped`);
      continue;
    }
    switch (fate.fate) {
      case 'mapped':
        break;
      case 'refused':
        throw untranslatable(field, fate.feature);
      case 'dropped':
        warnings.push(`${field}: not supported by the upstream, dropped`);
        break;
      default:
        unreachable(fate, undefined);
    }
  }
}
