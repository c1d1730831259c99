import { IsOptional, ValidateNested } from 'class-validator';
import { AuthConfigDto, isAuthBlock } from './auth-config.dto.js';
import { ConfigRule, type Rule } from './config-rule.decorator.js';
import { HeaderRulesConfigDto } from './header-rules-config.dto.js';
import { ModelConfigDto } from './model-config.dto.js';
import { NestedList, NestedMap, NestedObject } from './nested.decorator.js';
import { isList, isMapping, ok, problem } from './rules.js';
import { RoutingConfigDto } from './routing-config.dto.js';
import { ServerConfigDto } from './server-config.dto.js';
import { StateConfigDto } from './state-config.dto.js';
import { TransformationConfigDto } from './transformation-config.dto.js';

/** After NestedMap, a mapping of models is a `Map`; anything else is the raw value. */
const isModelMap: Rule = (value) => {
  if (value === undefined || value === null) return problem('must define at least one model');
  if (!(value instanceof Map)) return problem('must be a mapping of model names to settings');
  if (value.size === 0) return problem('must define at least one model');
  return value.has('') ? problem('model names must not be empty') : ok;
};

/** The whole file as written. Fields are trustworthy only after validation; null means absent. */
export class ConfigFileDto {
  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(ServerConfigDto)
  server?: ServerConfigDto | null;

  @ConfigRule(isModelMap)
  @ValidateNested()
  @NestedMap(ModelConfigDto)
  models!: Map<string, ModelConfigDto>;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(HeaderRulesConfigDto)
  header_rules?: HeaderRulesConfigDto | null;

  @IsOptional()
  @ConfigRule(isList)
  @ValidateNested()
  @NestedList(TransformationConfigDto)
  transformations?: TransformationConfigDto[] | null;

  @IsOptional()
  @ConfigRule(isAuthBlock)
  @ValidateNested()
  @NestedObject(AuthConfigDto)
  auth?: AuthConfigDto | null;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(StateConfigDto)
  state?: StateConfigDto | null;

  /** Global routing defaults (cooldown, fallback_on); a model's own `routing:` overrides them. */
  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(RoutingConfigDto)
  routing?: RoutingConfigDto | null;
}
