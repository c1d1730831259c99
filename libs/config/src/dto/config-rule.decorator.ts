import { ValidateBy, type ValidationArguments } from 'class-validator';

/** A problem a rule finds. `at` is a path suffix below the property (`[2]`, `.X-Source`), '' for the property itself. */
export interface RuleProblem {
  at: string;
  message: string;
}

/** Returns the problems of a property's value ([] when valid). `object` is the DTO holding it, for cross-field rules. */
export type Rule = (value: unknown, object: object) => readonly RuleProblem[];

/** The constraint name under which `ConfigRule` failures appear in a class-validator `ValidationError`. */
export const CONFIG_RULE = 'configRule';

/**
 * Validates a property with a `Rule`. A class-validator failure carries one message string per constraint, so the
 * rule's problems travel as JSON in that string (decode with `decodeRuleProblems`): this lets one constraint name
 * an exact element (`retry_status_codes[2]`) and several at once. Put at most one `ConfigRule` on a property:
 * failures share the constraint name, so a second would overwrite the first.
 */
export function ConfigRule(rule: Rule): PropertyDecorator {
  const run = (args: ValidationArguments | undefined, value: unknown): readonly RuleProblem[] => rule(value, args?.object ?? {});
  return ValidateBy({
    name: CONFIG_RULE,
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => run(args, value).length === 0,
      defaultMessage: (args?: ValidationArguments) => encodeRuleProblems(run(args, args?.value)),
    },
  });
}

// class-validator replaces `$value`, `$property`... in messages; `$` only occurs inside JSON strings here,
// where `\u0024` is the same character to JSON.parse but no token to class-validator.
function encodeRuleProblems(problems: readonly RuleProblem[]): string {
  return JSON.stringify(problems).replaceAll('$', '\\u0024');
}

export function decodeRuleProblems(message: string): RuleProblem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return [{ at: '', message }];
  }
  if (!Array.isArray(parsed)) return [{ at: '', message }];
  return parsed.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'at' in item && 'message' in item && typeof item.at === 'string' && typeof item.message === 'string'
      ? [{ at: item.at, message: item.message }]
      : [],
  );
}
