import type { OpenAIUsage } from './openai-usage.js';

/** Legacy completions only know these three (§2, §5.11). */
export type CompletionFinishReason = 'stop' | 'length' | 'content_filter';

export interface TextCompletionChoice {
  text: string;
  index: 0;
  logprobs: null;
  finish_reason: CompletionFinishReason;
}

/** A complete `text_completion` (§2), one choice. */
export interface TextCompletion {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: [TextCompletionChoice];
  usage: OpenAIUsage;
}

/** The one choice of a streamed `text_completion` chunk (§5.8 E): `finish_reason` only on the last. */
export interface TextCompletionChunkChoice {
  text: string;
  index: 0;
  logprobs: null;
  finish_reason: CompletionFinishReason | null;
}
