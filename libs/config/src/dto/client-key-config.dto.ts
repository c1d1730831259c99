import { IsDefined, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { isClientKey, isSha256Hex, sibling } from './access-rules.js';
import { CallerPolicyConfigDto } from './caller-policy-config.dto.js';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { problem } from './rules.js';

const isKeySha256: Rule = (value, object) => {
  const key = sibling(object, 'key');
  if (key !== undefined && key !== null) return problem('set key or key_sha256, not both');
  return isSha256Hex(value, object);
};

/**
 * One entry of `auth.keys`. Neither `key` nor `key_sha256`: a policy-only entry for the JWT caller of that
 * name (allowed only with `auth.jwt`; checked by AuthConfigDto). Fields are trustworthy only after validation.
 */
export class ClientKeyConfigDto extends CallerPolicyConfigDto {
  @IsDefined({ message: 'required' })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'required' })
  name!: string;

  @IsOptional()
  @ConfigRule(isClientKey)
  key?: string | null;

  @IsOptional()
  @ConfigRule(isKeySha256)
  key_sha256?: string | null;
}

