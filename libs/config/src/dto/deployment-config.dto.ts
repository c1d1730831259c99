import { IsOptional } from 'class-validator';
import { ConfigRule } from './config-rule.decorator.js';
import { isIntegerAtLeast, isNonEmptyString, isNonNegativeNumber } from './rules.js';
import { UpstreamConfigDto } from './upstream-config.dto.js';

/**
 * One entry of `models.<name>.deployments:` as written: every upstream field of a seed model (the model's own
 * values are shallow defaults), plus its share and tier. Null means absent (the model's value applies).
 */
export class DeploymentConfigDto extends UpstreamConfigDto {
  /** Defaults to the model's `provider`; one of the two is required (checked by the model's `deployments` rule). */
  @IsOptional()
  @ConfigRule(isNonEmptyString)
  provider?: string | null;

  /** Shown in logs, metrics and `x-router-deployment` instead of the index: never put a secret here. */
  @IsOptional()
  @ConfigRule(isNonEmptyString)
  name?: string | null;

  @IsOptional()
  @ConfigRule(isNonNegativeNumber)
  weight?: number | null;

  @IsOptional()
  @ConfigRule(isIntegerAtLeast(0))
  priority?: number | null;
}
