import type { IrMessage, IrTextPart } from './ir-content.js';

export interface IrTool {
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
  strict?: boolean;
  /**
   * Set by the OpenAI Responses decoder for a `custom` (freeform) tool, which other families cannot
   * declare: it travels as a function tool with one required string property `input` (the freeform
   * text), and the Responses encoder turns calls of a tool carrying this marker back into
   * `custom_tool_call` items with that string unwrapped. Upstream encoders ignore it. `description` and
   * `format` are the client's own, for the echo of `tools` in the Responses answer.
   */
  custom?: { description?: string; format?: Record<string, unknown> };
}

export type IrToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'tool'; name: string };

export type IrResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean };

export type IrThinking = { type: 'enabled'; budgetTokens: number } | { type: 'adaptive' } | { type: 'disabled' };

/**
 * How hard the model should work (Anthropic `output_config.effort`, sent by Claude Code beside
 * `thinking: {type: "adaptive"}`). Each upstream encoder maps it to its own knob; absent = the
 * upstream's default.
 */
export type IrEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** A chat request in neutral form. */
export interface IrRequest {
  /** The model name the client asked for (before aliasing). */
  model: string;
  system: IrTextPart[];
  messages: IrMessage[];
  tools?: IrTool[];
  toolChoice?: IrToolChoice;
  /** false = at most one tool call per turn. */
  parallelToolCalls?: boolean;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stop?: string[];
  seed?: number;
  responseFormat?: IrResponseFormat;
  thinking?: IrThinking;
  effort?: IrEffort;
  presencePenalty?: number;
  frequencyPenalty?: number;
  stream: boolean;
  /** Whether a streaming client asked for usage in the stream (OpenAI `stream_options.include_usage`). */
  streamUsage?: boolean;
  /** An opaque end-user id (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string;
  /**
   * Features only some upstreams have. The client decoder fills them in as asked; an upstream encoder
   * that cannot honour one refuses the request with a 400 naming `field` (never a silent drop).
   */
  n?: number;
  logprobs?: { top: number };
  /**
   * A legacy completion (OpenAI `/v1/completions`): the raw prompt. Chat upstreams wrap it as one user
   * message (and `messages` holds that message already); Ollama sends it to `/api/generate` raw.
   */
  completion?: { prompt: string; suffix?: string; echo?: boolean };
}
