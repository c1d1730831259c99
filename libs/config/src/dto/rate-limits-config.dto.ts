import { IsOptional } from 'class-validator';
import { ConfigRule } from './config-rule.decorator.js';
import { isPositiveInteger } from './rules.js';

/** `limits:` of a client key, of `auth.jwt`, or of a model (model-wide). All optional; absent means unlimited. */
export class RateLimitsConfigDto {
  @IsOptional()
  @ConfigRule(isPositiveInteger)
  rpm?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveInteger)
  tpm?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveInteger)
  max_parallel?: number | null;
}
