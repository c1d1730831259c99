import { IsOptional, ValidateNested } from 'class-validator';
import { isListOfAtLeastOne, isModelGlob } from './access-rules.js';
import { BudgetConfigDto } from './budget-config.dto.js';
import { ConfigRule } from './config-rule.decorator.js';
import { NestedObject, Raw } from './nested.decorator.js';
import { RateLimitsConfigDto } from './rate-limits-config.dto.js';
import { isMapping } from './rules.js';

/** What a caller may use and how much: shared by `auth.keys[]` entries and the `auth.jwt` block's defaults. */
export abstract class CallerPolicyConfigDto {
  @IsOptional()
  @ConfigRule(isListOfAtLeastOne(isModelGlob, 'model names or globs'))
  @Raw()
  models?: string[] | null;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(RateLimitsConfigDto)
  limits?: RateLimitsConfigDto | null;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(BudgetConfigDto)
  budget?: BudgetConfigDto | null;
}
