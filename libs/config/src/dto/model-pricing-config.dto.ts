import { IsDefined, IsOptional } from 'class-validator';
import { isPrice } from './access-rules.js';
import { ConfigRule } from './config-rule.decorator.js';

/** `models.<name>.pricing:` USD per million tokens, for USD budgets. */
export class ModelPricingConfigDto {
  @IsDefined({ message: 'required' })
  @ConfigRule(isPrice)
  input_per_mtok!: number;

  @IsDefined({ message: 'required' })
  @ConfigRule(isPrice)
  output_per_mtok!: number;

  @IsOptional()
  @ConfigRule(isPrice)
  cached_input_per_mtok?: number | null;
}
