import { IsDefined, IsOptional } from 'class-validator';
import { isAudience, isUrlWithProtocol } from './access-rules.js';
import { CallerPolicyConfigDto } from './caller-policy-config.dto.js';
import { ConfigRule } from './config-rule.decorator.js';
import { Raw } from './nested.decorator.js';
import { isNonEmptyString, isNonNegativeNumber, isPositiveNumber } from './rules.js';

/**
 * `auth.jwt:` as written (seconds). `models`, `limits` and `budget` are the policy of a JWT caller that has no
 * `auth.keys` entry of its name (default: all models, no limits). Fields are trustworthy only after validation.
 */
export class JwtConfigDto extends CallerPolicyConfigDto {
  @IsDefined({ message: 'required' })
  @ConfigRule(isNonEmptyString)
  issuer!: string;

  @IsDefined({ message: 'required' })
  @ConfigRule(isAudience)
  @Raw()
  audience!: string | string[];

  @IsDefined({ message: 'required' })
  @ConfigRule(isUrlWithProtocol(['http:', 'https:'], 'an http(s) URL'))
  jwks_url!: string;

  @IsOptional()
  @ConfigRule(isNonEmptyString)
  key_from_claim?: string | null;

  @IsOptional()
  @ConfigRule(isNonNegativeNumber)
  clock_tolerance?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  jwks_cache_max_age?: number | null;

  @IsOptional()
  @ConfigRule(isNonNegativeNumber)
  jwks_cooldown?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  jwks_timeout?: number | null;
}
