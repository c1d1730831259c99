// The request bodies the codec sends to Ollama's native API (docs/protocols.md §4.1-§4.3). Type aliases,
// not interfaces, so they are assignable to `EncodedRequest.body` (Record<string, unknown>).

/** A tool call in assistant history. `arguments` is a JSON object, never a string (§6 #4). */
export type OllamaToolCall = {
  id: string;
  function: { name: string; arguments: Record<string, unknown> };
};

/** One chat message. `content` is always a string; images are raw base64 (no `data:` prefix). */
export type OllamaMessage = {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  thinking?: string;
  images?: string[];
  tool_calls?: OllamaToolCall[];
  tool_name?: string;
  tool_call_id?: string;
};

export type OllamaTool = {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
};

/** The `options` the router maps (§4.3). Only the keys the client gave are present. */
export type OllamaOptions = {
  num_predict?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop?: string[];
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
};

/** `"json"` (JSON mode) or a JSON Schema object (structured output). */
export type OllamaFormat = 'json' | Record<string, unknown>;

/** `think`: on/off, or a level (gpt-oss honours levels; other thinking models take a level as `true`). */
export type OllamaThink = boolean | 'low' | 'medium' | 'high';

/** `POST /api/chat`. `stream` is always explicit: Ollama streams when it is absent (§0.4). */
export type OllamaChatRequest = {
  model: string;
  messages: OllamaMessage[];
  tools?: OllamaTool[];
  format?: OllamaFormat;
  think?: OllamaThink;
  options: OllamaOptions;
  stream: boolean;
  logprobs?: true;
  top_logprobs?: number;
};

/** `POST /api/generate` for a legacy completion (§5.11). */
export type OllamaGenerateRequest = {
  model: string;
  prompt: string;
  suffix?: string;
  raw: boolean;
  options: OllamaOptions;
  stream: boolean;
  logprobs?: true;
  top_logprobs?: number;
};
