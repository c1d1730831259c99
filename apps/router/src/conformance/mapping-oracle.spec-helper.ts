import type { ClientFormat } from '@llm-router/core';
import type { ClientFacts, NeutralUsage, UpstreamFacts } from './answer-facts.spec-helper.js';
import type { UpstreamFamily } from './families.spec-helper.js';

// docs/protocols.md §5.6 (stop reasons) and §5.7 (usage), written out as tables independently of the
// codecs: the suite's oracle for what a client must see for a given upstream answer.

/** Why generation stopped, in the words shared by every format. */
type Why = 'done' | 'limit' | 'tool' | 'filter';

/** §5.6, left to right: each upstream value (unknown or missing ones are a plain stop). */
const WHY_BY_UPSTREAM: Readonly<Record<UpstreamFamily, Readonly<Record<string, Why>>>> = {
  openai: { stop: 'done', length: 'limit', tool_calls: 'tool', function_call: 'tool', content_filter: 'filter' },
  anthropic: {
    end_turn: 'done',
    stop_sequence: 'done',
    max_tokens: 'limit',
    tool_use: 'tool',
    pause_turn: 'done',
    refusal: 'filter',
    model_context_window_exceeded: 'limit',
  },
  ollama: { stop: 'done', length: 'limit', load: 'done', unload: 'done' },
  // `status`, or for an incomplete response its `incomplete_details.reason`.
  'openai-responses': { completed: 'done', max_output_tokens: 'limit', content_filter: 'filter' },
};

/** §5.6, right to left. Legacy completions only have stop|length|content_filter (no tool calls exist there). */
const CLIENT_REASON: Readonly<Record<ClientFormat, Readonly<Record<Why, string>>>> = {
  'openai-chat': { done: 'stop', limit: 'length', tool: 'tool_calls', filter: 'content_filter' },
  'openai-completions': { done: 'stop', limit: 'length', tool: 'stop', filter: 'content_filter' },
  // Responses has no stop reason: `status`, and `incomplete_details.reason` when incomplete (§8.2).
  'openai-responses': { done: 'completed', limit: 'incomplete:max_output_tokens', tool: 'completed', filter: 'incomplete:content_filter' },
  'anthropic-messages': { done: 'end_turn', limit: 'max_tokens', tool: 'tool_use', filter: 'refusal' },
};

/** OpenAI's finish_reason enum (§6 #9: strict clients reject anything else). */
export const OPENAI_FINISH_REASONS: readonly string[] = ['stop', 'length', 'tool_calls', 'content_filter', 'function_call'];

/**
 * The client's stop reason for an upstream's, with §5.6's overrides: a turn that emitted a tool call
 * says so unless the token limit cut it (Ollama says `stop` after tool calls, §6 #3); a tool reason with
 * no call emitted is a plain stop.
 */
export function expectedStopReason(upstream: UpstreamFamily, raw: string | undefined, client: ClientFormat, emittedToolCall: boolean): string {
  let why: Why = (raw === undefined ? undefined : WHY_BY_UPSTREAM[upstream][raw]) ?? 'done';
  if (emittedToolCall && why !== 'limit') why = 'tool';
  if (!emittedToolCall && why === 'tool') why = 'done';
  return CLIENT_REASON[client][why];
}

/**
 * §5.7: the client's usage for an upstream's. OpenAI's `prompt_tokens` is the whole prompt (cached
 * included; `cached_tokens` only when the upstream reported its cache); Anthropic's `input_tokens` is what
 * was neither read from nor written to the cache (9888 with 6752 cached -> 3136 + cache_read 6752).
 */
export function expectedUsage(client: ClientFormat, usage: NeutralUsage): Record<string, number> {
  if (client === 'anthropic-messages') {
    const read = usage.cacheRead ?? 0;
    const write = usage.cacheWrite ?? 0;
    return { input_tokens: usage.prompt - read - write, output_tokens: usage.output, cache_read_input_tokens: read, cache_creation_input_tokens: write };
  }
  if (client === 'openai-responses') {
    // §8.2: the details objects are always present; input tokens include cached ones, as in chat.
    return { input_tokens: usage.prompt, output_tokens: usage.output, total_tokens: usage.prompt + usage.output, cached_tokens: usage.cacheRead ?? 0 };
  }
  const reportsCache = usage.cacheRead !== undefined || usage.cacheWrite !== undefined;
  return {
    prompt_tokens: usage.prompt,
    completion_tokens: usage.output,
    total_tokens: usage.prompt + usage.output,
    ...(reportsCache ? { cached_tokens: usage.cacheRead ?? 0 } : {}),
  };
}

/**
 * Everything the client must see for an upstream answer: its text, its tool calls (names, object
 * arguments and ids, unchanged; legacy completions have no tools), the mapped stop reason and usage.
 * `withUsage: false` for an OpenAI stream whose client did not ask for usage.
 */
export function expectedClientFacts(client: ClientFormat, upstream: UpstreamFamily, facts: UpstreamFacts, withUsage = true): ClientFacts {
  const toolCalls = client === 'openai-completions' ? [] : facts.toolCalls;
  return {
    text: facts.text,
    toolCalls,
    stopReason: expectedStopReason(upstream, facts.rawStopReason, client, toolCalls.length > 0),
    usage: withUsage ? expectedUsage(client, facts.usage) : {},
  };
}
