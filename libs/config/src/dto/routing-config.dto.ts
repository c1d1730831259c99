import { IsOptional, ValidateNested } from 'class-validator';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { NestedObject, Raw } from './nested.decorator.js';
import { isIntegerAtLeast, isListOf, isMapping, isPositiveNumber, ok, problem } from './rules.js';

/** The failure classes `fallback_on` may name besides upstream statuses (the routing lib's FAILURE_CLASS_NAMES). */
export const FALLBACK_ON_CLASSES = ['timeout', 'network'] as const;

const isFallbackOnEntry: Rule = (value) => {
  if (typeof value === 'string') return (FALLBACK_ON_CLASSES as readonly string[]).includes(value) ? ok : problem(`must be an HTTP status (100-599) or one of ${FALLBACK_ON_CLASSES.join(', ')}`);
  return Number.isInteger(value) && Number(value) >= 100 && Number(value) <= 599 ? ok : problem(`must be an HTTP status (100-599) or one of ${FALLBACK_ON_CLASSES.join(', ')}`);
};

/** `routing.cooldown:` as written (seconds). */
export class CooldownConfigDto {
  @IsOptional()
  @ConfigRule(isIntegerAtLeast(1))
  allowed_fails?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  cooldown_time?: number | null;
}

/** `routing:` as written, at the top level (global defaults) or under a model (its overrides). Null means absent. */
export class RoutingConfigDto {
  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(CooldownConfigDto)
  cooldown?: CooldownConfigDto | null;

  @IsOptional()
  @ConfigRule(isListOf(isFallbackOnEntry, 'HTTP statuses or failure classes'))
  @Raw()
  fallback_on?: (number | string)[] | null;
}
