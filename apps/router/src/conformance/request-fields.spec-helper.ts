import type { ClientFormat } from '@llm-router/core';
import type { UpstreamFamily } from './families.spec-helper.js';
import type { JsonBody } from './scenarios.spec-helper.js';

/** The generation limits every format has, read where each format keeps them (§5.5). */
export interface LimitFields {
  stream: boolean | undefined;
  maxTokens: number | undefined;
  stop: string[] | undefined;
  temperature: number | undefined;
}

function asStop(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? (value as string[]) : undefined;
}

const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const boolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

export function clientLimits(client: ClientFormat, body: JsonBody): LimitFields {
  switch (client) {
    case 'openai-chat':
      return {
        stream: boolean(body['stream']),
        maxTokens: number(body['max_completion_tokens']) ?? number(body['max_tokens']),
        stop: asStop(body['stop']),
        temperature: number(body['temperature']),
      };
    case 'openai-completions':
      return { stream: boolean(body['stream']), maxTokens: number(body['max_tokens']), stop: asStop(body['stop']), temperature: number(body['temperature']) };
    case 'openai-responses':
      return { stream: boolean(body['stream']), maxTokens: number(body['max_output_tokens']), stop: undefined, temperature: number(body['temperature']) };
    case 'anthropic-messages':
      return { stream: boolean(body['stream']), maxTokens: number(body['max_tokens']), stop: asStop(body['stop_sequences']), temperature: number(body['temperature']) };
  }
}

export function upstreamLimits(upstream: UpstreamFamily, body: JsonBody): LimitFields {
  switch (upstream) {
    case 'openai':
      return { stream: boolean(body['stream']), maxTokens: number(body['max_completion_tokens']), stop: asStop(body['stop']), temperature: number(body['temperature']) };
    case 'anthropic':
      return { stream: boolean(body['stream']), maxTokens: number(body['max_tokens']), stop: asStop(body['stop_sequences']), temperature: number(body['temperature']) };
    case 'openai-responses':
      return { stream: boolean(body['stream']), maxTokens: number(body['max_output_tokens']), stop: undefined, temperature: number(body['temperature']) };
    case 'ollama': {
      const options = (body['options'] ?? {}) as JsonBody;
      return { stream: boolean(body['stream']), maxTokens: number(options['num_predict']), stop: asStop(options['stop']), temperature: number(options['temperature']) };
    }
  }
}

/**
 * What the upstream must receive for the client's limits (§5.5): the stream flag always explicit (Ollama
 * streams when it is absent, §0.4); the client's output cap, or for Anthropic (which requires one) the
 * default 4096 (the Responses API raises a cap below its minimum of 16 to 16); the stop sequences (the
 * Responses API has none: dropped with a warning); the temperature
 * (Anthropic's range is 0–1: the fixtures stay inside it).
 */
export function expectedUpstreamLimits(upstream: UpstreamFamily, client: LimitFields): LimitFields {
  return {
    stream: client.stream ?? false,
    maxTokens: upstream === 'openai-responses' && client.maxTokens !== undefined ? Math.max(client.maxTokens, 16) : (client.maxTokens ?? (upstream === 'anthropic' ? 4096 : undefined)),
    stop: upstream === 'openai-responses' ? undefined : client.stop,
    temperature: client.temperature,
  };
}
