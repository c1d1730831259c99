import { isInteger, isRecord, type JsonObject } from '../json-value.js';

/** Top-level fields of `POST /v1/messages` (protocols.md §3.2 and the @anthropic-ai/sdk 0.137 types). */
export const MESSAGES_FIELDS: ReadonlySet<string> = new Set([
  'model',
  'max_tokens',
  'messages',
  'system',
  'stop_sequences',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'metadata',
  'stream',
  'output_config',
  'context_management',
  'service_tier',
  'container',
  'cache_control',
  'inference_geo',
  'speed',
  'diagnostics',
  'user_profile_id',
  'workspace_id',
]);

/** Top-level fields of `POST /v1/messages/count_tokens` (§3.10, SDK 0.137 `MessageCountTokensParams`). */
export const COUNT_TOKENS_FIELDS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'system',
  'tools',
  'tool_choice',
  'thinking',
  'output_config',
  'context_management',
  'cache_control',
  'speed',
  'user_profile_id',
  'workspace_id',
]);

const BLOCK_TYPES = [
  'text',
  'image',
  'document',
  'search_result',
  'thinking',
  'redacted_thinking',
  'tool_use',
  'tool_result',
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'tool_search_tool_result',
  'container_upload',
];
/** Blocks only the assistant produces; a user message carrying one is refused. */
const ASSISTANT_ONLY = new Set(['tool_use', 'thinking', 'redacted_thinking', 'server_tool_use']);
const TOOL_USE_ID = /^[a-zA-Z0-9_-]+$/;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
/** Fields of a client (custom) tool (SDK 0.137 `Tool` and its beta: `defer_loading`, `eager_input_streaming`). */
const CUSTOM_TOOL_FIELDS = new Set([
  'type',
  'name',
  'description',
  'input_schema',
  'cache_control',
  'strict',
  'defer_loading',
  'eager_input_streaming',
  'input_examples',
  'allowed_callers',
]);
const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'];
/** The beta (sent by Claude Code) under which the API takes `role: "system"` messages mid-conversation. */
const SYSTEM_MESSAGES_BETA = 'claude-code-20250219';

export type AnthropicEndpoint = 'messages' | 'count_tokens';

/**
 * Validates a Messages (or count_tokens) body as the Anthropic API does and returns the first error
 * message (always an `invalid_request_error`), worded like the API's pydantic-style messages.
 * `betas` are the request's `anthropic-beta` values: `claude-code-20250219` admits `role: "system"`
 * messages (text only).
 */
export function validateMessagesRequest(body: JsonObject, endpoint: AnthropicEndpoint, betas: readonly string[] = []): string | undefined {
  const allowed = endpoint === 'messages' ? MESSAGES_FIELDS : COUNT_TOKENS_FIELDS;
  const extra = Object.keys(body).find((key) => !allowed.has(key));
  if (extra !== undefined) return `${extra}: Extra inputs are not permitted`;
  return (
    checkModel(body['model']) ??
    (endpoint === 'messages' ? checkMaxTokens(body['max_tokens']) : undefined) ??
    checkMessages(body['messages'], betas.includes(SYSTEM_MESSAGES_BETA), toolNamesOf(body['tools'])) ??
    checkSystem(body['system']) ??
    checkTools(body['tools']) ??
    checkToolChoice(body['tool_choice']) ??
    checkThinking(body, endpoint) ??
    checkOptionalNumber(body, 'temperature', 0, 1, false) ??
    checkOptionalNumber(body, 'top_p', 0, 1, false) ??
    checkOptionalNumber(body, 'top_k', 0, undefined, true) ??
    checkStopSequences(body['stop_sequences']) ??
    checkStream(body['stream']) ??
    checkMetadata(body['metadata']) ??
    checkContextManagement(body['context_management']) ??
    checkOutputConfig(body['output_config'])
  );
}

function toolNamesOf(tools: unknown): ReadonlySet<string> {
  return new Set(Array.isArray(tools) ? tools.filter(isRecord).map((tool) => String(tool['name'])) : []);
}

function checkContextManagement(value: unknown): string | undefined {
  return value === undefined || value === null || isRecord(value) ? undefined : 'context_management: Input should be a valid dictionary';
}

function checkOutputConfig(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return 'output_config: Input should be a valid dictionary';
  const effort = value['effort'];
  if (effort === undefined || effort === null || EFFORTS.includes(String(effort))) return undefined;
  return `output_config.effort: Input should be ${EFFORTS.slice(0, -1).map((e) => `'${e}'`).join(', ')} or '${EFFORTS[EFFORTS.length - 1] ?? ''}'`;
}

function checkModel(model: unknown): string | undefined {
  if (model === undefined) return 'model: Field required';
  return typeof model === 'string' && model !== '' ? undefined : 'model: Input should be a valid string';
}

/**
 * Required positive integer. The API takes 0 to pre-warm the prompt cache, but the mock refuses it:
 * a router that sends 0 has almost certainly lost the client's value or its own default.
 */
function checkMaxTokens(maxTokens: unknown): string | undefined {
  if (maxTokens === undefined) return 'max_tokens: Field required';
  if (!isInteger(maxTokens)) return 'max_tokens: Input should be a valid integer';
  return maxTokens >= 1 ? undefined : 'max_tokens: Input should be greater than or equal to 1';
}

function checkMessages(messages: unknown, systemAllowed: boolean, tools: ReadonlySet<string>): string | undefined {
  if (messages === undefined) return 'messages: Field required';
  if (!Array.isArray(messages)) return 'messages: Input should be a valid list';
  if (messages.length === 0) return 'messages: at least one message is required';
  for (const [i, message] of messages.entries()) {
    const found = checkMessage(message, i, i === messages.length - 1, systemAllowed, tools);
    if (found !== undefined) return found;
  }
  return checkToolPairing(messages as JsonObject[]);
}

function checkMessage(message: unknown, i: number, last: boolean, systemAllowed: boolean, tools: ReadonlySet<string>): string | undefined {
  const at = `messages.${i}`;
  if (!isRecord(message)) return `${at}: Input should be a valid dictionary`;
  const role = message['role'];
  if (role === undefined) return `${at}.role: Field required`;
  if (role === 'system' && systemAllowed) return checkSystemMessage(message['content'], at);
  if (role !== 'user' && role !== 'assistant') return `${at}.role: Input should be 'user' or 'assistant'`;
  const content = message['content'];
  if (content === undefined) return `${at}.content: Field required`;
  const emptyAllowed = last && role === 'assistant'; // a final assistant turn is a prefill and may be empty
  if (typeof content === 'string') {
    return content === '' && !emptyAllowed ? `${at}: all messages must have non-empty content except for the optional final assistant message` : undefined;
  }
  if (!Array.isArray(content)) return `${at}.content: Input should be a valid string or a valid list`;
  if (content.length === 0 && !emptyAllowed) return `${at}: all messages must have non-empty content except for the optional final assistant message`;
  for (const [j, block] of content.entries()) {
    const found = checkBlock(block, `${at}.content.${j}`, role, tools);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A `role: "system"` message (Claude Code's beta): a non-empty string or text blocks, like `system`. */
function checkSystemMessage(content: unknown, at: string): string | undefined {
  if (typeof content === 'string') return content.trim() === '' ? `${at}: all messages must have non-empty content except for the optional final assistant message` : undefined;
  if (!Array.isArray(content) || content.length === 0) return `${at}.content: Input should be a valid string or a non-empty list of text blocks`;
  for (const [j, block] of content.entries()) {
    if (!isRecord(block) || block['type'] !== 'text') return `${at}.content.${j}.type: Input should be 'text'`;
    const found = checkText(block, `${at}.content.${j}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function checkBlock(block: unknown, at: string, role: 'user' | 'assistant', tools: ReadonlySet<string>): string | undefined {
  if (!isRecord(block)) return `${at}: Input should be a valid dictionary`;
  const type = block['type'];
  if (type === undefined) return `${at}: Unable to extract tag using discriminator 'type'`;
  if (typeof type !== 'string' || !BLOCK_TYPES.includes(type)) {
    return `${at}: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: ${BLOCK_TYPES.map((t) => `'${t}'`).join(', ')}`;
  }
  if (role === 'user' && ASSISTANT_ONLY.has(type)) return `${at}: \`${type}\` blocks can only appear in assistant messages`;
  if (role === 'assistant' && type === 'tool_result') return `${at}: \`tool_result\` blocks can only appear in user messages`;
  switch (type) {
    case 'text':
      return checkText(block, at);
    case 'image':
      return checkImage(block['source'], `${at}.image.source`);
    case 'document':
      return isRecord(block['source']) ? undefined : `${at}.document.source: Field required`;
    case 'tool_use': {
      const id = block['id'];
      if (typeof id !== 'string') return `${at}.tool_use.id: Field required`;
      if (!TOOL_USE_ID.test(id)) return `${at}.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'`;
      if (typeof block['name'] !== 'string') return `${at}.tool_use.name: Field required`;
      return isRecord(block['input']) ? undefined : `${at}.tool_use.input: Input should be a valid dictionary`;
    }
    case 'tool_result':
      return checkToolResult(block, at, tools);
    case 'thinking':
      if (typeof block['thinking'] !== 'string') return `${at}.thinking.thinking: Field required`;
      return typeof block['signature'] === 'string' ? undefined : `${at}.thinking.signature: Field required`;
    case 'redacted_thinking':
      return typeof block['data'] === 'string' ? undefined : `${at}.redacted_thinking.data: Field required`;
    default:
      return undefined;
  }
}

function checkText(block: JsonObject, at: string): string | undefined {
  const text = block['text'];
  if (text === undefined) return `${at}.text.text: Field required`;
  if (typeof text !== 'string') return `${at}.text.text: Input should be a valid string`;
  if (text === '') return 'messages: text content blocks must be non-empty';
  return text.trim() === '' ? 'messages: text content blocks must contain non-whitespace text' : undefined;
}

function checkImage(source: unknown, at: string): string | undefined {
  if (!isRecord(source)) return `${at}: Field required`;
  switch (source['type']) {
    case 'base64':
      if (!IMAGE_MEDIA_TYPES.includes(String(source['media_type']))) {
        return `${at}.base64.media_type: Input should be ${IMAGE_MEDIA_TYPES.map((t) => `'${t}'`).join(', ')}`;
      }
      return typeof source['data'] === 'string' ? undefined : `${at}.base64.data: Field required`;
    case 'url':
      return typeof source['url'] === 'string' ? undefined : `${at}.url.url: Field required`;
    case 'file':
      return typeof source['file_id'] === 'string' ? undefined : `${at}.file.file_id: Field required`;
    default:
      return `${at}: Input tag '${String(source['type'])}' found using 'type' does not match any of the expected tags: 'base64', 'url', 'file'`;
  }
}

/**
 * `tool_result.content`: a string, or text, image, document, search_result and `tool_reference` blocks
 * (the answer to a tool search; it must name a tool of the request).
 */
function checkToolResult(block: JsonObject, at: string, tools: ReadonlySet<string>): string | undefined {
  if (typeof block['tool_use_id'] !== 'string') return `${at}.tool_result.tool_use_id: Field required`;
  const content = block['content'];
  if (content === undefined || typeof content === 'string') return undefined;
  if (!Array.isArray(content)) return `${at}.tool_result.content: Input should be a valid string or a valid list`;
  const allowed = ['text', 'image', 'document', 'search_result', 'tool_reference'];
  for (const [k, part] of content.entries()) {
    const here = `${at}.tool_result.content.${k}`;
    if (!isRecord(part) || !allowed.includes(String(part['type']))) {
      return `${here}: Input tag '${isRecord(part) ? String(part['type']) : ''}' found using 'type' does not match any of the expected tags: ${allowed.map((t) => `'${t}'`).join(', ')}`;
    }
    const found = part['type'] === 'text' ? checkText(part, here) : part['type'] === 'image' ? checkImage(part['source'], `${here}.image.source`) : part['type'] === 'tool_reference' ? checkToolReference(part, here, tools) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

function checkToolReference(part: JsonObject, at: string, tools: ReadonlySet<string>): string | undefined {
  const name = part['tool_name'];
  if (typeof name !== 'string') return `${at}.tool_reference.tool_name: Field required`;
  return tools.has(name) ? undefined : `${at}.tool_reference: Tool reference '${name}' not found in available tools`;
}

/**
 * Every `tool_use` id needs a `tool_result` at the start of the very next message, every `tool_result`
 * must answer a `tool_use` of the message just before, and ids are unique (the API's own wording, §3.3).
 */
function checkToolPairing(messages: JsonObject[]): string | undefined {
  const seen = new Set<string>();
  for (const [i, message] of messages.entries()) {
    const previousIds = toolUseIds(messages[i - 1]);
    for (const [j, block] of blocksOf(message).entries()) {
      if (block['type'] === 'tool_use') {
        const id = String(block['id']);
        if (seen.has(id)) return `messages.${i}.content.${j}: \`tool_use\` ids must be unique`;
        seen.add(id);
      }
      if (block['type'] === 'tool_result' && !previousIds.includes(String(block['tool_use_id']))) {
        return `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(block['tool_use_id'])}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
      }
    }
    const ids = toolUseIds(message);
    if (ids.length === 0) continue;
    const next = messages[i + 1];
    // Only the leading run of tool_result blocks counts: results placed after text are not "immediately after".
    const blocks = blocksOf(next);
    const lead = blocks.findIndex((b) => b['type'] !== 'tool_result');
    const results = lead === -1 ? blocks : blocks.slice(0, lead);
    const answered = new Set(results.map((b) => String(b['tool_use_id'])));
    const missing = ids.filter((id) => !answered.has(id));
    if (missing.length > 0) {
      return `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
  }
  return undefined;
}

function blocksOf(message: JsonObject | undefined): JsonObject[] {
  const content = message?.['content'];
  return Array.isArray(content) ? content.filter(isRecord) : [];
}

function toolUseIds(message: JsonObject | undefined): string[] {
  return blocksOf(message)
    .filter((b) => b['type'] === 'tool_use')
    .map((b) => String(b['id']));
}

function checkSystem(system: unknown): string | undefined {
  if (system === undefined || typeof system === 'string') return undefined;
  if (!Array.isArray(system)) return 'system: Input should be a valid string or a valid list';
  for (const [i, block] of system.entries()) {
    if (!isRecord(block) || block['type'] !== 'text') return `system.${i}.type: Input should be 'text'`;
    const found = checkText(block, `system.${i}`);
    if (found !== undefined) return found.replace(/^messages:/, 'system:');
  }
  return undefined;
}

function checkTools(tools: unknown): string | undefined {
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) return 'tools: Input should be a valid list';
  const names = new Set<string>();
  for (const [i, tool] of tools.entries()) {
    if (!isRecord(tool)) return `tools.${i}: Input should be a valid dictionary`;
    const name = tool['name'];
    const custom = tool['type'] === undefined || tool['type'] === null || tool['type'] === 'custom';
    if (typeof name !== 'string') return `tools.${i}.${custom ? 'custom' : String(tool['type'])}.name: Field required`;
    if (names.has(name)) return `tools: Tool names must be unique.`;
    names.add(name);
    if (!custom) continue; // server and versioned tools (web_search_*, bash_*, …) are Anthropic's business
    if (!TOOL_NAME.test(name)) return `tools.${i}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
    const extra = Object.keys(tool).find((key) => !CUSTOM_TOOL_FIELDS.has(key));
    if (extra !== undefined) return `tools.${i}.custom.${extra}: Extra inputs are not permitted`;
    for (const flag of ['defer_loading', 'eager_input_streaming', 'strict']) {
      const value = tool[flag];
      if (value !== undefined && value !== null && typeof value !== 'boolean') return `tools.${i}.custom.${flag}: Input should be a valid boolean`;
    }
    const schema = tool['input_schema'];
    if (schema === undefined) return `tools.${i}.custom.input_schema: Field required`;
    if (!isRecord(schema)) return `tools.${i}.custom.input_schema: Input should be a valid dictionary`;
    if (schema['type'] !== 'object') return `tools.${i}.custom.input_schema.type: Input should be 'object'`;
  }
  return undefined;
}

function checkToolChoice(choice: unknown): string | undefined {
  if (choice === undefined) return undefined;
  if (!isRecord(choice)) return 'tool_choice: Input should be a valid dictionary';
  const type = choice['type'];
  if (!['auto', 'any', 'tool', 'none'].includes(String(type))) {
    return `tool_choice: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`;
  }
  return type === 'tool' && typeof choice['name'] !== 'string' ? 'tool_choice.tool.name: Field required' : undefined;
}

function checkThinking(body: JsonObject, endpoint: AnthropicEndpoint): string | undefined {
  const thinking = body['thinking'];
  if (thinking === undefined) return undefined;
  if (!isRecord(thinking)) return 'thinking: Input should be a valid dictionary';
  const type = thinking['type'];
  if (type === 'adaptive' || type === 'disabled' || type === 'between_tools') return undefined;
  if (type !== 'enabled') {
    return `thinking: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: 'enabled', 'disabled', 'adaptive'`;
  }
  const budget = thinking['budget_tokens'];
  if (budget === undefined) return 'thinking.enabled.budget_tokens: Field required';
  if (!isInteger(budget)) return 'thinking.enabled.budget_tokens: Input should be a valid integer';
  if (budget < 1024) return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  const maxTokens = body['max_tokens'];
  if (endpoint === 'messages' && isInteger(maxTokens) && maxTokens <= budget) {
    return '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size';
  }
  return undefined;
}

function checkOptionalNumber(body: JsonObject, name: string, min: number, max: number | undefined, integer: boolean): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || (integer && !isInteger(value))) return `${name}: Input should be a valid ${integer ? 'integer' : 'number'}`;
  if (value < min) return `${name}: Input should be greater than or equal to ${min}`;
  return max !== undefined && value > max ? `${name}: Input should be less than or equal to ${max}` : undefined;
}

function checkStopSequences(stops: unknown): string | undefined {
  if (stops === undefined) return undefined;
  if (!Array.isArray(stops)) return 'stop_sequences: Input should be a valid list';
  const bad = stops.findIndex((s) => typeof s !== 'string');
  return bad === -1 ? undefined : `stop_sequences.${bad}: Input should be a valid string`;
}

function checkStream(stream: unknown): string | undefined {
  return stream === undefined || typeof stream === 'boolean' ? undefined : 'stream: Input should be a valid boolean';
}

function checkMetadata(metadata: unknown): string | undefined {
  if (metadata === undefined) return undefined;
  if (!isRecord(metadata)) return 'metadata: Input should be a valid dictionary';
  const extra = Object.keys(metadata).find((key) => key !== 'user_id');
  if (extra !== undefined) return `metadata.${extra}: Extra inputs are not permitted`;
  const userId = metadata['user_id'];
  return userId === undefined || userId === null || typeof userId === 'string' ? undefined : 'metadata.user_id: Input should be a valid string';
}
