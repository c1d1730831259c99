import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { DEFAULTS } from '../config-defaults.js';
import { isRecord } from '../is-record.js';
import { LOG_LEVELS, type LogLevel } from '../router-config.js';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { AdminListenerConfigDto } from './admin-listener-config.dto.js';
import { CorsConfigDto } from './cors-config.dto.js';
import { NestedObject } from './nested.decorator.js';
import { isFiniteNumber, isIntegerBetween, isMapping, isNonEmptyString, isNonNegativeNumber, isPositiveNumber, ok, problem } from './rules.js';

/** The in-flight budget must hold at least one body of the largest size allowed, or such bodies could never pass. */
const isInflightBudget: Rule = (value, object) => {
  const problems = isPositiveNumber(value, object);
  if (problems.length > 0 || !isFiniteNumber(value)) return problems;
  const written = isRecord(object) ? object['body_limit_mb'] : undefined;
  const bodyLimit = written === undefined || written === null ? DEFAULTS.bodyLimitMb : written;
  return isFiniteNumber(bodyLimit) && value < bodyLimit ? problem(`must be >= body_limit_mb (${bodyLimit})`) : ok;
};

/**
 * `server.admin` is a mapping whose port, when fixed, differs from the public port: both listen at once, and
 * the same port on two hosts that overlap (0.0.0.0 and 127.0.0.1) would fail at boot with EADDRINUSE.
 */
const isAdminListener: Rule = (value, object) => {
  const problems = isMapping(value, object);
  if (problems.length > 0 || !isRecord(value) || !isRecord(object)) return problems;
  const adminPort = value['port'] ?? DEFAULTS.adminPort;
  const publicPort = object['port'] ?? DEFAULTS.port;
  return adminPort !== 0 && adminPort === publicPort ? problem(`must differ from server.port (${String(publicPort)}): both listen at once`, '.port') : ok;
};

/** The public port; with `server.admin` omitted, it must not be the default admin port (isAdminListener covers the rest). */
const isPublicPort: Rule = (value, object) => {
  const problems = isIntegerBetween(0, 65535)(value, object);
  if (problems.length > 0 || !isRecord(object) || isRecord(object['admin'])) return problems;
  return value === DEFAULTS.adminPort ? problem(`must differ from server.admin.port (${DEFAULTS.adminPort}, the default): both listen at once`) : ok;
};

/** `server:` as written in the file. Fields are trustworthy only after validation; null means absent. */
export class ServerConfigDto {
  @IsOptional()
  @ConfigRule(isNonEmptyString)
  host?: string | null;

  @IsOptional()
  @ConfigRule(isPublicPort)
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
  @ConfigRule(isInflightBudget)
  max_inflight_body_mb?: number | null;

  @IsOptional()
  @ConfigRule(isIntegerBetween(1, 1000))
  max_json_depth?: number | null;

  @IsOptional()
  @ConfigRule(isIntegerBetween(1_000, 1_000_000_000))
  transform_step_budget?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  request_timeout?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  keep_alive_timeout?: number | null;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(CorsConfigDto)
  cors?: CorsConfigDto | null;

  @IsOptional()
  @ConfigRule(isAdminListener)
  @ValidateNested()
  @NestedObject(AdminListenerConfigDto)
  admin?: AdminListenerConfigDto | null;

  @IsOptional()
  @ConfigRule(isNonNegativeNumber)
  shutdown_grace_period?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  stream_frame_limit_mb?: number | null;
}
