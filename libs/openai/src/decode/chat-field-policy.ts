import type { FieldPolicy } from './screen-fields.js';

const MAPPED = { fate: 'mapped' } as const;
const DROPPED = { fate: 'dropped' } as const;

/**
 * Every chat request field of §1.2 (and the openai SDK 6.49 types) and what translation does with it
 * (§5.5, §5.10). `modalities` is mapped so that `['text']` passes; the decoder refuses anything else.
 * `top_k` is not OpenAI's but a common extension of OpenAI-compatible servers (vLLM): mapped to the IR.
 */
export const CHAT_FIELD_POLICY: FieldPolicy = {
  model: MAPPED,
  messages: MAPPED,
  max_completion_tokens: MAPPED,
  max_tokens: MAPPED,
  temperature: MAPPED,
  top_p: MAPPED,
  top_k: MAPPED,
  stop: MAPPED,
  n: MAPPED,
  stream: MAPPED,
  stream_options: MAPPED,
  tools: MAPPED,
  tool_choice: MAPPED,
  parallel_tool_calls: MAPPED,
  response_format: MAPPED,
  logprobs: MAPPED,
  top_logprobs: MAPPED,
  seed: MAPPED,
  user: MAPPED,
  safety_identifier: MAPPED,
  frequency_penalty: MAPPED,
  presence_penalty: MAPPED,
  reasoning_effort: MAPPED,
  modalities: MAPPED,
  audio: { fate: 'refused', feature: 'audio output' },
  prediction: { fate: 'refused', feature: 'predicted outputs' },
  web_search_options: { fate: 'refused', feature: 'web search' },
  functions: { fate: 'refused', feature: 'deprecated function calling (use tools)' },
  function_call: { fate: 'refused', feature: 'deprecated function calling (use tool_choice)' },
  logit_bias: DROPPED,
  metadata: DROPPED,
  store: DROPPED,
  service_tier: DROPPED,
  prompt_cache_key: DROPPED,
  prompt_cache_retention: DROPPED,
  prompt_cache_options: DROPPED,
  verbosity: DROPPED,
  moderation: DROPPED,
};
