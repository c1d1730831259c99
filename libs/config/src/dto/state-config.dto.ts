import { IsIn, IsOptional } from 'class-validator';
import { isUrlWithProtocol, sibling } from './access-rules.js';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { isPositiveInteger, isPositiveNumber, ok, problem } from './rules.js';

export const STATE_STORES = ['memory', 'redis'] as const;
export const ON_STORE_ERROR = ['fail_closed', 'fail_open'] as const;

const isRedisUrl = isUrlWithProtocol(['redis:', 'rediss:'], 'a redis:// or rediss:// URL');

/** Required with `store: redis`, refused with `memory` (where it would silently do nothing). */
const isStateUrl: Rule = (value, object) => {
  const store = sibling(object, 'store');
  const absent = value === undefined || value === null || value === '';
  if (store === 'redis') return absent ? problem('required for store: redis') : isRedisUrl(value, object);
  return absent ? ok : problem('only used with store: redis');
};

/** `state:` as written (seconds). Where limits and budgets are counted. */
export class StateConfigDto {
  @IsOptional()
  @IsIn(STATE_STORES, { message: `must be one of ${STATE_STORES.join(', ')}` })
  store?: (typeof STATE_STORES)[number] | null;

  @ConfigRule(isStateUrl)
  url?: string | null;

  @IsOptional()
  @IsIn(ON_STORE_ERROR, { message: `must be one of ${ON_STORE_ERROR.join(', ')}` })
  on_error?: (typeof ON_STORE_ERROR)[number] | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  timeout?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  reservation_ttl?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveInteger)
  memory_max_keys?: number | null;
}
