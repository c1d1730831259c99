import { createHash } from 'node:crypto';
import { IsOptional, ValidateNested } from 'class-validator';
import { isRecord } from '../is-record.js';
import { sibling } from './access-rules.js';
import { ConfigRule, type Rule, type RuleProblem } from './config-rule.decorator.js';
import { ClientKeyConfigDto } from './client-key-config.dto.js';
import { JwtConfigDto } from './jwt-config.dto.js';
import { NestedList, NestedObject } from './nested.decorator.js';
import { isMapping, ok, problem } from './rules.js';

const absent = (value: unknown): boolean => value === undefined || value === null;

/**
 * The list as a whole: names unique, no key configured twice (compared by digest, never printed), and an
 * entry with neither key nor key_sha256 only when `auth.jwt` can name its caller.
 */
const isKeyList: Rule = (value, object) => {
  if (!Array.isArray(value)) return problem('must be a list');
  const hasJwt = !absent(sibling(object, 'jwt'));
  const names = new Map<string, number>();
  const digests = new Map<string, number>();
  const problems: RuleProblem[] = [];
  value.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) return;
    const { name, key, key_sha256: sha } = entry;
    if (typeof name === 'string' && name !== '') {
      const first = names.get(name);
      if (first !== undefined) problems.push({ at: `[${index}].name`, message: `duplicate name (also auth.keys[${first}])` });
      else names.set(name, index);
    }
    const digest = typeof key === 'string' ? createHash('sha256').update(key, 'utf8').digest('hex') : typeof sha === 'string' ? sha.toLowerCase() : undefined;
    if (digest !== undefined) {
      const first = digests.get(digest);
      if (first !== undefined) problems.push({ at: `[${index}].key`, message: `the same key as auth.keys[${first}]` });
      else digests.set(digest, index);
    } else if (absent(key) && absent(sha) && !hasJwt) {
      problems.push({ at: `[${index}].key`, message: 'required (or key_sha256); an entry with neither is for JWT callers and needs auth.jwt' });
    }
  });
  return problems;
};

/**
 * For the `auth` property of the file: a mapping with `auth.jwt` or at least one key (an `auth` block that
 * admits nobody is a mistake).
 */
export const isAuthBlock: Rule = (value, object) => {
  const problems = isMapping(value, object);
  if (problems.length > 0 || !isRecord(value)) return problems;
  const keys = value['keys'];
  if (!absent(value['jwt']) || (Array.isArray(keys) && keys.length > 0)) return ok;
  return problem('set auth.keys or auth.jwt (an auth block with neither would refuse every request)');
};

/** `auth:` as written. When present, every API request must carry a key or a JWT. */
export class AuthConfigDto {
  @IsOptional()
  @ConfigRule(isKeyList)
  @ValidateNested()
  @NestedList(ClientKeyConfigDto)
  keys?: ClientKeyConfigDto[] | null;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(JwtConfigDto)
  jwt?: JwtConfigDto | null;
}
