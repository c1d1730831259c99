import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { LOG_LEVELS, type LogLevel } from '../router-config.js';
import { ConfigRule } from './config-rule.decorator.js';
import { isIntegerBetween, isNonEmptyString, isNonNegativeNumber, isPositiveNumber } from './rules.js';

/** `server:` as written in the file. Fields are trustworthy only after validation; null means absent. */
export class ServerConfigDto {
  @IsOptional()
  @ConfigRule(isNonEmptyString)
  host?: string | null;

  @IsOptional()
  @ConfigRule(isIntegerBetween(0, 65535))
  port?: number | null;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  log_level?: LogLevel | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  log_requests?: boolean | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  log_responses?: boolean | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  mask_api_keys?: boolean | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  body_limit_mb?: number | null;

  @IsOptional()
  @ConfigRule(isNonNegativeNumber)
  shutdown_grace_period?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  stream_frame_limit_mb?: number | null;
}
