/**
 * The Anthropic Messages request shapes the router builds for an Anthropic upstream (docs/protocols.md
 * §3.2–3.5). Only what the IR can express is typed; the client-side decoder reads untrusted JSON and
 * does not rely on these types.
 */
import type { AnthropicRedactedThinkingBlock, AnthropicThinkingBlock, AnthropicToolUseBlock } from './anthropic-wire-types.js';

/** The only base64 image media types Anthropic accepts. */
export type AnthropicImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface AnthropicRequestTextBlock {
  type: 'text';
  /** Never empty: Anthropic rejects empty text blocks. */
  text: string;
}

export interface AnthropicImageBlock {
  type: 'image';
  source: { type: 'base64'; media_type: AnthropicImageMediaType; data: string } | { type: 'url'; url: string };
}

export interface AnthropicDocumentBlock {
  type: 'document';
  source:
    | { type: 'base64'; media_type: 'application/pdf'; data: string }
    | { type: 'url'; url: string }
    | { type: 'text'; media_type: 'text/plain'; data: string };
  title?: string;
}

export interface AnthropicToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  /** Absent when the result is empty. */
  content?: Array<AnthropicRequestTextBlock | AnthropicImageBlock>;
  is_error?: true;
}

export type AnthropicRequestBlock =
  | AnthropicRequestTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock;

export interface AnthropicRequestMessage {
  role: 'user' | 'assistant';
  content: AnthropicRequestBlock[];
}

export interface AnthropicTool {
  name: string;
  description?: string;
  /** JSON Schema of the input; Anthropic requires an object schema. */
  input_schema: { type: 'object'; [key: string]: unknown };
  strict?: true;
}

export type AnthropicToolChoice =
  | { type: 'auto'; disable_parallel_tool_use?: true }
  | { type: 'any'; disable_parallel_tool_use?: true }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: true }
  | { type: 'none' };

export type AnthropicThinkingConfig = { type: 'enabled'; budget_tokens: number } | { type: 'adaptive' } | { type: 'disabled' };

/** A `POST /v1/messages` body. A type alias (not an interface) so it is a `Record<string, unknown>`. */
export type AnthropicMessagesRequest = {
  model: string;
  max_tokens: number;
  messages: AnthropicRequestMessage[];
  system?: string;
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  thinking?: AnthropicThinkingConfig;
  metadata?: { user_id: string };
  output_config?: { format: { type: 'json_schema'; schema: Record<string, unknown> } };
  stream: boolean;
};
