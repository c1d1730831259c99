import { isRecord } from '../is-record.js';
import type { ModelApi } from '../router-config.js';
import type { Rule } from './config-rule.decorator.js';
import { ok, problem } from './rules.js';

const MODEL_APIS: readonly ModelApi[] = ['auto', 'chat', 'responses'];

/**
 * `models.<name>.api`: `auto`, `chat` or `responses`, and only on `provider: openai` (the other providers have
 * one API each; naming one there would silently do nothing). Silent about the provider while the value
 * itself is wrong, which is reported on its own.
 */
export const isModelApi: Rule = (value, object) => {
  if (!MODEL_APIS.some((api) => api === value)) return problem(`must be one of ${MODEL_APIS.join(', ')}`);
  const provider = isRecord(object) ? object['provider'] : undefined;
  if (typeof provider === 'string' && provider !== 'openai') {
    return problem(`only for provider openai (the ${provider} provider has one API; remove the key)`);
  }
  return ok;
};
