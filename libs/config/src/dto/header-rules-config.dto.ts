import { IsBoolean, IsOptional } from 'class-validator';
import { ConfigRule } from './config-rule.decorator.js';
import { Raw } from './nested.decorator.js';
import { isHeaderValueMap, isListOf, isString } from './rules.js';

/**
 * `header_rules:` as written (global or per model). Names and `/regex/flags` entries are only type-checked here;
 * the header-rules lib compiles them. Fields are trustworthy only after validation; null means absent.
 */
export class HeaderRulesConfigDto {
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  drop_all?: boolean | null;

  @IsOptional()
  @ConfigRule(isListOf(isString, 'strings'))
  @Raw()
  drop_headers?: string[] | null;

  @IsOptional()
  @ConfigRule(isHeaderValueMap)
  @Raw()
  add_headers?: Record<string, string> | null;

  @IsOptional()
  @ConfigRule(isHeaderValueMap)
  @Raw()
  force_headers?: Record<string, string> | null;
}
