/**
 * The subset of a Responses API request body (`POST /v1/responses`, protocols.md §8.1) the upstream
 * encoder writes. Flat tools (not nested under `function` as in chat), `instructions` for the system
 * prompt, typed input items.
 */
export type ResponsesInputContent =
  | { type: 'input_text'; text: string }
  | { type: 'input_image'; image_url: string; detail: 'auto' }
  | { type: 'input_file'; file_data: string; filename: string }
  | { type: 'input_file'; file_url: string }
  | { type: 'output_text'; text: string };

export type ResponsesInputItem =
  | { type: 'message'; role: 'user' | 'assistant'; content: ResponsesInputContent[] }
  | { type: 'function_call'; call_id: string; name: string; arguments: string }
  | { type: 'function_call_output'; call_id: string; output: string | ResponsesInputContent[] };

export interface ResponsesFunctionTool {
  type: 'function';
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
  /** Responses defaults `strict` to true when absent; the encoder always says what the IR says (false when unset). */
  strict: boolean;
}

export type ResponsesToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; name: string };

export type ResponsesTextFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean };

export interface ResponsesRequestBody {
  model: string;
  instructions?: string;
  input: ResponsesInputItem[];
  stream: boolean;
  store: false;
  max_output_tokens?: number;
  temperature?: number;
  top_p?: number;
  user?: string;
  tools?: ResponsesFunctionTool[];
  tool_choice?: ResponsesToolChoice;
  parallel_tool_calls?: boolean;
  text?: { format: ResponsesTextFormat };
  reasoning?: { effort: string; summary: 'auto' };
}
