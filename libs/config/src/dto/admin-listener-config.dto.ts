import { IsOptional } from 'class-validator';
import { ConfigRule } from './config-rule.decorator.js';
import { isIntegerBetween, isNonEmptyString } from './rules.js';

/**
 * `server.admin:` as written: the operator listener serving `/metrics` (and `/health/live`), never the
 * public one. Fields are trustworthy only after validation; null means absent.
 */
export class AdminListenerConfigDto {
  @IsOptional()
  @ConfigRule(isNonEmptyString)
  host?: string | null;

  @IsOptional()
  @ConfigRule(isIntegerBetween(0, 65535))
  port?: number | null;
}
