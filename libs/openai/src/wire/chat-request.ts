import type { ChatToolCall } from './chat-completion.js';

// The chat request body the router sends to an OpenAI(-compatible) upstream (§1.2, §1.3, §1.5), as far
// as it builds one. Type aliases, not interfaces, so a body is a `Record<string, unknown>` as
// `EncodedRequest.body` wants; the specs check they are assignable to the SDK's own param types.

export type ChatRequestContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'file'; file: { file_data: string; filename: string } };

export type ChatRequestMessage =
  | { role: 'system'; content: string }
  /** `content` is a plain string when the turn is only text. */
  | { role: 'user'; content: string | ChatRequestContentPart[] }
  /** `content` is null (not "") when the turn only calls tools (§5.4). */
  | { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export type ChatRequestTool = {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown>; strict?: boolean };
};

export type ChatRequestToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

export type ChatRequestResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } };

export type ChatReasoningEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export type ChatRequestBody = {
  model: string;
  messages: ChatRequestMessage[];
  stream: boolean;
  /** Always sent when streaming: usage is metered even when the client did not ask for it. */
  stream_options?: { include_usage: true };
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  response_format?: ChatRequestResponseFormat;
  reasoning_effort?: ChatReasoningEffort;
  user?: string;
  n?: number;
  logprobs?: boolean;
  top_logprobs?: number;
  tools?: ChatRequestTool[];
  tool_choice?: ChatRequestToolChoice;
  parallel_tool_calls?: boolean;
};
