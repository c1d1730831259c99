import { IsOptional, ValidateNested } from 'class-validator';
import { isRecord } from '../is-record.js';
import { ConfigRule, type Rule, type RuleProblem } from './config-rule.decorator.js';
import { DeploymentConfigDto } from './deployment-config.dto.js';
import { ModelPricingConfigDto } from './model-pricing-config.dto.js';
import { NestedList, NestedObject, Raw } from './nested.decorator.js';
import { RateLimitsConfigDto } from './rate-limits-config.dto.js';
import { RoutingConfigDto } from './routing-config.dto.js';
import { isListOf, isMapping, isNonEmptyString, isPositiveNumber, ok, problem } from './rules.js';
import { UpstreamConfigDto } from './upstream-config.dto.js';

/** How a model picks among its deployments (the routing lib's LOAD_BALANCING). */
export const LOAD_BALANCING_NAMES = ['weighted', 'least_busy', 'latency', 'ordered'] as const;

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Required, unless the model lists `deployments` (each then needs its own, checked by `isDeploymentList`). */
const isModelProvider: Rule = (value, object) => {
  if (absent(value)) return isRecord(object) && Array.isArray(object['deployments']) ? ok : problem('required');
  if (typeof value !== 'string') return problem('must be a string');
  return value === '' ? problem('required') : ok;
};

const isLoadBalancing: Rule = (value) =>
  typeof value === 'string' && (LOAD_BALANCING_NAMES as readonly string[]).includes(value) ? ok : problem(`must be one of ${LOAD_BALANCING_NAMES.join(', ')}`);

const isModelNameList = isListOf(isNonEmptyString, 'model names');

/** After NestedList: DeploymentConfigDto instances, or null for an entry that is not a mapping (reported by ValidateNested). */
const isDeploymentList: Rule = (value, object) => {
  if (!Array.isArray(value)) return problem('must be a list of deployments');
  if (value.length === 0) return problem('must list at least one deployment');
  const modelProvider = isRecord(object) ? object['provider'] : undefined;
  const problems: RuleProblem[] = [];
  const names = new Map<string, number>();
  value.forEach((item: unknown, index) => {
    if (!isRecord(item)) return;
    if (absent(item['provider']) && absent(modelProvider)) problems.push({ at: `[${index}].provider`, message: 'required (here or at the model level)' });
    const name = item['name'];
    if (typeof name === 'string') {
      const first = names.get(name);
      if (first !== undefined) problems.push({ at: `[${index}].name`, message: `duplicate deployment name (also deployments[${first}])` });
      else names.set(name, index);
    }
  });
  const weights = value.map((item: unknown) => (isRecord(item) && !absent(item['weight']) ? item['weight'] : 1));
  if (weights.every((weight) => weight === 0)) problems.push({ at: '', message: 'at least one deployment needs a weight > 0' });
  return problems;
};

/**
 * One entry of `models:` as written (seconds): the upstream fields (the seed's single-deployment form, or the
 * defaults of each entry of `deployments`), plus what is model-wide: limits, pricing and routing. Fields are
 * trustworthy only after validation; null means absent. Fallback names are checked across models by
 * `fallbackProblems`.
 */
export class ModelConfigDto extends UpstreamConfigDto {
  /** Any non-empty string: the app checks it against the providers it has. */
  @ConfigRule(isModelProvider)
  provider?: string | null;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(ModelPricingConfigDto)
  pricing?: ModelPricingConfigDto | null;

  /** Model-wide, on top of each caller's own: protects the upstream's quota. */
  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(RateLimitsConfigDto)
  limits?: RateLimitsConfigDto | null;

  /** Several upstreams serving this model; absent: the model's own fields are its one deployment. */
  @IsOptional()
  @ConfigRule(isDeploymentList)
  @ValidateNested()
  @NestedList(DeploymentConfigDto)
  deployments?: (DeploymentConfigDto | null)[] | null;

  @IsOptional()
  @ConfigRule(isLoadBalancing)
  load_balancing?: string | null;

  @IsOptional()
  @ConfigRule(isModelNameList)
  @Raw()
  fallbacks?: string[] | null;

  @IsOptional()
  @ConfigRule(isModelNameList)
  @Raw()
  context_window_fallbacks?: string[] | null;

  /** Seconds from the response headers to the first content of a stream; then the request fails over. */
  @IsOptional()
  @ConfigRule(isPositiveNumber)
  first_token_timeout?: number | null;

  /** Overrides of the global `routing:` for this model. */
  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(RoutingConfigDto)
  routing?: RoutingConfigDto | null;
}
