import { IsDefined, IsOptional } from 'class-validator';
import { isPeriod, sibling } from './access-rules.js';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { isPositiveInteger, isPositiveNumber, ok, problem } from './rules.js';

const absent = (value: unknown): boolean => value === undefined || value === null;

/** Exactly one of usd and tokens: reported on `usd`, whichever is missing or doubled. */
const isUsd: Rule = (value, object) => {
  const tokens = sibling(object, 'tokens');
  if (absent(value)) return absent(tokens) ? problem('set usd or tokens') : ok;
  if (!absent(tokens)) return problem('set usd or tokens, not both');
  return isPositiveNumber(value, object);
};

/** `budget:` of a client key or of `auth.jwt`. Periods are fixed windows aligned to the Unix epoch (see README). */
export class BudgetConfigDto {
  @ConfigRule(isUsd)
  usd?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveInteger)
  tokens?: number | null;

  @IsDefined({ message: 'required (e.g. 30d)' })
  @ConfigRule(isPeriod)
  period!: string;
}
