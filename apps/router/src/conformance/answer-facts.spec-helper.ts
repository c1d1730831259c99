import type Anthropic from '@anthropic-ai/sdk';
import type { ClientFormat } from '@llm-router/core';
import type OpenAI from 'openai';
import type { UpstreamFamily } from './families.spec-helper.js';
import type { OllamaAnswer } from './ollama-accumulation.spec-helper.js';

// What must survive a translation, read from an answer in any family's wire form: the text, the tool
// calls (arguments as objects, so `{"a": 1}` and `{"a":1}` compare equal), the stop reason and the usage.
// Thinking is not among them: OpenAI clients never see it, and Anthropic clients only see signed thinking.

export interface ToolCallFact {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** An answer as its client sees it: the stop reason and usage in the client format's own words. */
export interface ClientFacts {
  text: string;
  toolCalls: ToolCallFact[];
  stopReason: string | null;
  /** OpenAI: prompt/completion/total (+ cached when reported); Anthropic: input/output/cache read/cache write. Empty when absent. */
  usage: Record<string, number>;
}

/** Token counts in neutral form (§5.7): `prompt` is the whole prompt, cached tokens included. */
export interface NeutralUsage {
  prompt: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
}

/** An upstream's answer: the stop reason in the upstream's words, usage in neutral form. */
export interface UpstreamFacts {
  text: string;
  toolCalls: ToolCallFact[];
  rawStopReason: string | undefined;
  usage: NeutralUsage;
}

export function clientFacts(format: ClientFormat, answer: unknown): ClientFacts {
  switch (format) {
    case 'openai-chat':
      return chatFacts(answer as OpenAI.Chat.ChatCompletion);
    case 'openai-completions':
      return completionFacts(answer as OpenAI.Completions.Completion);
    case 'openai-responses':
      return responsesClientFacts(answer as OpenAI.Responses.Response);
    case 'anthropic-messages':
      return messageFacts(answer as Anthropic.Message);
  }
}

/** A Responses answer: message texts joined, function calls (call_id as the id), `status[:incomplete reason]`. */
function responsesClientFacts(response: OpenAI.Responses.Response): ClientFacts {
  const usage = response.usage;
  return {
    text: response.output.map((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')).join('') : '')).join(''),
    toolCalls: response.output.flatMap((item) =>
      item.type === 'function_call' ? [{ id: item.call_id, name: item.name, arguments: JSON.parse(item.arguments) as Record<string, unknown> }] : [],
    ),
    stopReason: response.status === 'incomplete' ? `incomplete:${response.incomplete_details?.reason ?? ''}` : (response.status ?? null),
    usage:
      usage === undefined
        ? {}
        : { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens, total_tokens: usage.total_tokens, cached_tokens: usage.input_tokens_details.cached_tokens },
  };
}

export function upstreamFacts(family: UpstreamFamily, answer: unknown): UpstreamFacts {
  switch (family) {
    case 'openai': {
      const facts = chatFacts(answer as OpenAI.Chat.ChatCompletion);
      const usage = (answer as OpenAI.Chat.ChatCompletion).usage;
      const details = usage?.prompt_tokens_details as { cached_tokens?: number; cache_write_tokens?: number } | undefined;
      return {
        ...facts,
        rawStopReason: facts.stopReason ?? undefined,
        usage: {
          prompt: usage?.prompt_tokens ?? 0,
          output: usage?.completion_tokens ?? 0,
          ...(details?.cached_tokens === undefined ? {} : { cacheRead: details.cached_tokens }),
          ...(details?.cache_write_tokens === undefined ? {} : { cacheWrite: details.cache_write_tokens }),
        },
      };
    }
    case 'anthropic': {
      const message = answer as Anthropic.Message;
      const facts = messageFacts(message);
      const read = message.usage.cache_read_input_tokens ?? 0;
      const write = message.usage.cache_creation_input_tokens ?? 0;
      return {
        ...facts,
        rawStopReason: message.stop_reason ?? undefined,
        usage: { prompt: message.usage.input_tokens + read + write, output: message.usage.output_tokens, cacheRead: read, cacheWrite: write },
      };
    }
    case 'openai-responses':
      return responsesUpstreamFacts(answer as OpenAI.Responses.Response);
    case 'ollama': {
      const line = answer as OllamaAnswer;
      return {
        text: line.message?.content ?? line.response ?? '',
        toolCalls: (line.message?.tool_calls ?? []).map((call) => ({ id: call.id ?? '', name: call.function.name, arguments: call.function.arguments })),
        rawStopReason: line.done_reason,
        usage: { prompt: line.prompt_eval_count ?? 0, output: line.eval_count ?? 0 },
      };
    }
  }
}

/** A Responses API answer: `output_text`, the function calls, `status` (or the incomplete reason), usage with cached tokens. */
function responsesUpstreamFacts(response: OpenAI.Responses.Response): UpstreamFacts {
  const cached = response.usage?.input_tokens_details.cached_tokens;
  return {
    // `output_text` is the SDK's convenience getter, absent from the wire JSON: join the message texts.
    text: response.output
      .flatMap((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')) : []))
      .join(''),
    toolCalls: response.output.flatMap((item) =>
      item.type === 'function_call' ? [{ id: item.call_id, name: item.name, arguments: JSON.parse(item.arguments) as Record<string, unknown> }] : [],
    ),
    rawStopReason: response.status === 'incomplete' ? (response.incomplete_details?.reason ?? undefined) : (response.status ?? undefined),
    usage: { prompt: response.usage?.input_tokens ?? 0, output: response.usage?.output_tokens ?? 0, ...(cached === undefined ? {} : { cacheRead: cached }) },
  };
}

function chatFacts(completion: OpenAI.Chat.ChatCompletion): ClientFacts {
  const choice = completion.choices[0];
  const calls = choice?.message.tool_calls ?? [];
  return {
    text: choice?.message.content ?? '',
    toolCalls: calls.map((call) => {
      if (call.type !== 'function') throw new Error(`unexpected ${call.type} tool call`);
      return { id: call.id, name: call.function.name, arguments: JSON.parse(call.function.arguments) as Record<string, unknown> };
    }),
    stopReason: choice?.finish_reason ?? null,
    usage: openAIUsage(completion.usage),
  };
}

function completionFacts(completion: OpenAI.Completions.Completion): ClientFacts {
  const choice = completion.choices[0];
  return { text: choice?.text ?? '', toolCalls: [], stopReason: choice?.finish_reason ?? null, usage: openAIUsage(completion.usage) };
}

function openAIUsage(usage: OpenAI.Completions.CompletionUsage | undefined | null): Record<string, number> {
  if (usage === undefined || usage === null) return {};
  const cached = usage.prompt_tokens_details?.cached_tokens;
  return {
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    total_tokens: usage.total_tokens,
    ...(cached === undefined ? {} : { cached_tokens: cached }),
  };
}

function messageFacts(message: Anthropic.Message): ClientFacts {
  return {
    text: message.content.map((block) => (block.type === 'text' ? block.text : '')).join(''),
    toolCalls: message.content.flatMap((block) => (block.type === 'tool_use' ? [{ id: block.id, name: block.name, arguments: block.input as Record<string, unknown> }] : [])),
    stopReason: message.stop_reason,
    usage: {
      input_tokens: message.usage.input_tokens,
      output_tokens: message.usage.output_tokens,
      cache_read_input_tokens: message.usage.cache_read_input_tokens ?? 0,
      cache_creation_input_tokens: message.usage.cache_creation_input_tokens ?? 0,
    },
  };
}
