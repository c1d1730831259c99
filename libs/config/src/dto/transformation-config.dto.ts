import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { isRecord } from '../is-record.js';
import type { TransformationStage, TransformationType } from '../router-config.js';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { Raw } from './nested.decorator.js';
import { isListOf, isNonEmptyString, isString, ok, problem } from './rules.js';

const TRANSFORMATION_TYPES: readonly TransformationType[] = ['regex_replace', 'jsonpath_drop', 'jsonpath_add'];
const TRANSFORMATION_STAGES: readonly TransformationStage[] = ['request', 'upstream'];

interface UsedByOptions {
  required: boolean;
  /** Whether `null` is a value (jsonpath_add's `value`) rather than absence. */
  nullable?: boolean;
}

/**
 * A key that belongs to some transformation types only: required (or optional) for those, and a problem when
 * written for any other type. Silent while `type` itself is invalid, which is reported on its own.
 */
function usedBy(types: readonly TransformationType[], rule: Rule, options: UsedByOptions): Rule {
  return (value, object) => {
    const type = isRecord(object) ? object['type'] : undefined;
    if (!isTransformationType(type)) return ok;
    const absent = value === undefined || (value === null && !options.nullable);
    if (!types.includes(type)) return absent ? ok : problem(`not used by ${type}`);
    if (absent) return options.required ? problem(`required for ${type}`) : ok;
    return rule(value, object);
  };
}

function isTransformationType(value: unknown): value is TransformationType {
  return TRANSFORMATION_TYPES.some((type) => type === value);
}

const isFlags: Rule = (value, object) => {
  if (typeof value === 'string') return ok;
  if (Array.isArray(value)) return isListOf(isString, 'strings')(value, object);
  return problem('must be a string or a list of strings');
};

const isAnything: Rule = () => ok;

/** One entry of `transformations:` as written. Fields are trustworthy only after validation. */
export class TransformationConfigDto {
  @IsDefined({ message: 'required' })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'required' })
  name!: string;

  @IsDefined({ message: 'required' })
  @IsIn(TRANSFORMATION_TYPES, { message: `must be one of ${TRANSFORMATION_TYPES.join(', ')}` })
  type!: TransformationType;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean | null;

  @ConfigRule(usedBy(['regex_replace'], isNonEmptyString, { required: true }))
  pattern?: string;

  @ConfigRule(usedBy(['regex_replace'], isString, { required: true }))
  replacement?: string;

  @ConfigRule(usedBy(['regex_replace'], isFlags, { required: false }))
  @Raw()
  flags?: string | string[] | null;

  @ConfigRule(usedBy(['jsonpath_drop', 'jsonpath_add'], isNonEmptyString, { required: true }))
  path?: string;

  @ConfigRule(usedBy(['jsonpath_add'], isAnything, { required: true, nullable: true }))
  @Raw()
  value?: unknown;

  @IsOptional()
  @IsIn(TRANSFORMATION_STAGES, { message: `must be one of ${TRANSFORMATION_STAGES.join(', ')}` })
  stage?: TransformationStage | null;
}
