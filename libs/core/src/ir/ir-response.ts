import type { IrPart } from './ir-content.js';

/**
 * Token usage. `inputTokens` is the whole prompt, cached tokens included (OpenAI's convention);
 * `cacheReadTokens`/`cacheWriteTokens` are the parts of it served from or written to a cache.
 * Anthropic's `input_tokens` is `inputTokens - cacheReadTokens - cacheWriteTokens`.
 */
export interface IrUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

/**
 * Why generation stopped. `other` keeps an unknown upstream value in `IrResponse.rawStopReason`
 * and maps to each format's plain "stop".
 */
export type IrStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'content_filter' | 'pause' | 'other';

export interface IrResponse {
  id: string;
  /** The model name to show the client: the name it asked for, never the upstream's. */
  model: string;
  parts: IrPart[];
  stopReason: IrStopReason;
  stopSequence?: string;
  rawStopReason?: string;
  usage: IrUsage;
  /** Unix seconds. */
  created: number;
}
