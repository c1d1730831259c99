import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import type { ModelApi } from '../router-config.js';
import { ConfigRule } from './config-rule.decorator.js';
import { HeaderRulesConfigDto } from './header-rules-config.dto.js';
import { NestedList, NestedObject } from './nested.decorator.js';
import { RetryConfigDto } from './retry-config.dto.js';
import { isHeaderValue, isHttpEndpoint, isList, isMapping, isNonEmptyString, isPositiveInteger, isPositiveNumber } from './rules.js';
import { isModelApi } from './model-api-rule.js';
import { TransformationConfigDto } from './transformation-config.dto.js';

/**
 * The fields of one upstream as written (seconds): what a seed model takes besides `provider`, and what each
 * entry of `deployments:` may set (model-level values are its defaults). Fields are trustworthy only after
 * validation; null means absent. Model-wide keys (`limits`, `pricing`, routing) live on ModelConfigDto only.
 */
export class UpstreamConfigDto {
  @IsOptional()
  @ConfigRule(isHttpEndpoint)
  endpoint?: string | null;

  /** Which OpenAI APIs serve the model (`auto`, `chat` or `responses`); openai models only. */
  @IsOptional()
  @ConfigRule(isModelApi)
  api?: ModelApi | null;

  /** Sent as a header value (Authorization / x-api-key): a line break would inject headers. */
  @IsOptional()
  @ConfigRule(isHeaderValue)
  api_key?: string | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  timeout?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  connect_timeout?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  stream_idle_timeout?: number | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  ssl_verify?: boolean | null;

  @IsOptional()
  @ConfigRule(isNonEmptyString)
  actual_model_name?: string | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  forward_client_credentials?: boolean | null;

  @IsOptional()
  @ConfigRule(isPositiveInteger)
  max_tokens?: number | null;

  @IsOptional()
  @ConfigRule(isPositiveInteger)
  max_output_tokens?: number | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  fetch_image_urls?: boolean | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  reasoning?: boolean | null;

  @IsOptional()
  @ConfigRule(isPositiveNumber)
  image_fetch_max_mb?: number | null;

  @IsOptional()
  @ConfigRule(isMapping)
  @ValidateNested()
  @NestedObject(RetryConfigDto)
  retry_config?: RetryConfigDto | null;

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
}
