import type { FieldPolicy } from './screen-fields.js';

const MAPPED = { fate: 'mapped' } as const;

/**
 * Every legacy completions field of §2 and what translation does with it (§5.10, §5.11). `prompt` and
 * `best_of` are mapped so the decoder can refuse only the values it cannot translate (several prompts,
 * token arrays, `best_of` > 1).
 */
export const COMPLETIONS_FIELD_POLICY: FieldPolicy = {
  model: MAPPED,
  prompt: MAPPED,
  suffix: MAPPED,
  echo: MAPPED,
  best_of: MAPPED,
  max_tokens: MAPPED,
  temperature: MAPPED,
  top_p: MAPPED,
  n: MAPPED,
  stream: MAPPED,
  stream_options: MAPPED,
  logprobs: MAPPED,
  stop: MAPPED,
  presence_penalty: MAPPED,
  frequency_penalty: MAPPED,
  seed: MAPPED,
  user: MAPPED,
  logit_bias: { fate: 'dropped' },
};
