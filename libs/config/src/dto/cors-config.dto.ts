import { IsOptional } from 'class-validator';
import type { Rule } from './config-rule.decorator.js';
import { ConfigRule } from './config-rule.decorator.js';
import { Raw } from './nested.decorator.js';
import { isIntegerAtLeast, isListOf, ok, problem } from './rules.js';

/** `*`, or an origin exactly as browsers send it: scheme, host and port only, no path or trailing slash. */
const isOrigin: Rule = (value) => {
  if (value === '*') return ok;
  if (typeof value !== 'string') return problem('must be an origin such as https://app.example.com, or *');
  try {
    const url = new URL(value);
    if (/^https?:$/.test(url.protocol) && url.origin === value) return ok;
  } catch {
    // reported below
  }
  return problem(`must be an origin such as https://app.example.com (scheme://host[:port], no path), or * (got '${value}')`);
};

/** An HTTP token (RFC 9110), as a method or header name must be; `*` where `allowStar`. */
function isToken(what: string, allowStar: boolean): Rule {
  return (value) =>
    typeof value === 'string' && (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value) || (allowStar && value === '*')) ? ok : problem(`must be a ${what}`);
}

/** `server.cors:` as written. Fields are trustworthy only after validation; null means absent. */
export class CorsConfigDto {
  @IsOptional()
  @ConfigRule(isListOf(isOrigin, 'origins'))
  @Raw()
  allowed_origins?: string[] | null;

  @IsOptional()
  @ConfigRule(isListOf(isToken('method name', false), 'method names'))
  @Raw()
  allowed_methods?: string[] | null;

  @IsOptional()
  @ConfigRule(isListOf(isToken('header name', true), 'header names'))
  @Raw()
  allowed_headers?: string[] | null;

  @IsOptional()
  @ConfigRule(isIntegerAtLeast(0))
  max_age?: number | null;
}
