import type { OpenAIUsage } from './openai-usage.js';

/** The OpenAI chat `finish_reason` values the router emits (the deprecated `function_call` never). */
export type ChatFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface ChatToolCall {
  id: string;
  type: 'function';
  /** `arguments` is a JSON **string**, never an object. */
  function: { name: string; arguments: string };
}

export interface ChatCompletionMessage {
  role: 'assistant';
  /** `null` when the message has no text (tool calls only). */
  content: string | null;
  refusal: null;
  tool_calls?: ChatToolCall[];
}

/** A complete `chat.completion` (§1.4), one choice. */
export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: [{ index: 0; message: ChatCompletionMessage; logprobs: null; finish_reason: ChatFinishReason }];
  usage: OpenAIUsage;
}

/** One `tool_calls[]` entry of a chunk delta: the first fragment of call `index` carries id, type and name. */
export type ChatToolCallDelta =
  | { index: number; id: string; type: 'function'; function: { name: string; arguments: string } }
  | { index: number; function: { arguments: string } };

export interface ChatChunkDelta {
  role?: 'assistant';
  content?: string;
  tool_calls?: ChatToolCallDelta[];
}

/** The one choice of a `chat.completion.chunk` (§1.6). */
export interface ChatChunkChoice {
  index: 0;
  delta: ChatChunkDelta;
  logprobs: null;
  finish_reason: ChatFinishReason | null;
}
