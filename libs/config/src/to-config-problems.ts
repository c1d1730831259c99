import type { ConfigProblem } from '@llm-router/core';
import type { ValidationError } from 'class-validator';
import { CONFIG_RULE, decodeRuleProblems } from './dto/config-rule.decorator.js';

/**
 * Flattens class-validator's error tree into problems with file paths (`models.gpt-4.retry_config.max_retries`,
 * `transformations[1].pattern`). A child's `property` is a key, a list index, or a `Map` key (models).
 */
export function toConfigProblems(errors: readonly ValidationError[], parentPath = '', parentValue?: unknown): ConfigProblem[] {
  return errors.flatMap((error) => {
    const path = childPath(parentPath, error.property, Array.isArray(parentValue));
    const own = Object.entries(error.constraints ?? {}).flatMap(([constraint, message]): ConfigProblem[] => {
      switch (constraint) {
        case 'whitelistValidation':
          return [{ path, message: 'unknown key' }];
        // A nested slot holding a non-mapping (see NestedList/NestedMap), or a value with no DTO class.
        case 'nestedValidation':
        case 'unknownValue':
          return [{ path, message: 'must be a mapping' }];
        case CONFIG_RULE:
          return decodeRuleProblems(message).map((p) => ({ path: `${path}${p.at}`, message: p.message }));
        default:
          return [{ path, message }];
      }
    });
    return [...own, ...toConfigProblems(error.children ?? [], path, error.value)];
  });
}

function childPath(parent: string, property: string | undefined, inList: boolean): string {
  if (property === undefined) return parent;
  if (inList) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

