import { IsOptional } from 'class-validator';
import { DEFAULTS } from '../config-defaults.js';
import { isRecord } from '../is-record.js';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { Raw } from './nested.decorator.js';
import { isFiniteNumber, isIntegerAtLeast, isIntegerBetween, isListOf, isNumberAtLeast, ok, problem } from './rules.js';

const isDelay = isNumberAtLeast(0);

/** When max_delay is omitted, initial_delay must not exceed its default. */
const isInitialDelay: Rule = (value, object) => {
  const problems = isDelay(value, object);
  if (problems.length > 0 || !isFiniteNumber(value)) return problems;
  const maxDelay = isRecord(object) ? object['max_delay'] : undefined;
  const maxIsDefault = maxDelay === undefined || maxDelay === null;
  return maxIsDefault && value > DEFAULTS.maxDelaySeconds ? problem(`must be <= max_delay (${DEFAULTS.maxDelaySeconds} by default)`) : ok;
};

/** max_delay must be >= initial_delay (its default when omitted; no comparison when initial_delay is itself invalid). */
const isMaxDelay: Rule = (value, object) => {
  const problems = isDelay(value, object);
  if (problems.length > 0 || !isFiniteNumber(value)) return problems;
  const written = isRecord(object) ? object['initial_delay'] : undefined;
  const initialDelay = written === undefined || written === null ? DEFAULTS.initialDelaySeconds : written;
  return isFiniteNumber(initialDelay) && value < initialDelay ? problem('must be >= initial_delay') : ok;
};

/** `retry_config:` as written in the file (seconds). Fields are trustworthy only after validation; null means absent. */
export class RetryConfigDto {
  @IsOptional()
  @ConfigRule(isIntegerAtLeast(0))
  max_retries?: number | null;

  @IsOptional()
  @ConfigRule(isListOf(isIntegerBetween(100, 599), 'integers between 100 and 599'))
  @Raw()
  retry_status_codes?: number[] | null;

  @IsOptional()
  @ConfigRule(isNumberAtLeast(1))
  backoff_factor?: number | null;

  @IsOptional()
  @ConfigRule(isInitialDelay)
  initial_delay?: number | null;

  @IsOptional()
  @ConfigRule(isMaxDelay)
  max_delay?: number | null;
}
