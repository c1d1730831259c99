import { isRecord, type JsonObject } from '../json-value.js';
import { checkBoolean, checkModel, checkNumber, invalidType, invalidValue, missingParameter, problem, type OpenAiProblem } from './openai-problem.js';

/** Top-level parameters of `POST /v1/responses` (protocols.md §8.1 and the openai SDK 6.49 `ResponseCreateParamsBase`). */
export const RESPONSES_PARAMETERS: ReadonlySet<string> = new Set([
  'model',
  'input',
  'instructions',
  'background',
  // Sent by Codex CLI 0.17x on every turn (not in the SDK types, accepted by the API Codex talks to).
  'client_metadata',
  'context_management',
  'conversation',
  'include',
  'max_output_tokens',
  'max_tool_calls',
  'metadata',
  'moderation',
  'parallel_tool_calls',
  'previous_response_id',
  'prompt',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning',
  'safety_identifier',
  'service_tier',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'text',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'truncation',
  'user',
]);

/** Input item types the API knows (messages may also come without `type`). Others: `invalid_value`. */
const ITEM_TYPES = [
  'message', 'function_call', 'function_call_output', 'reasoning', 'custom_tool_call', 'custom_tool_call_output', 'item_reference',
  'file_search_call', 'web_search_call', 'computer_call', 'computer_call_output', 'image_generation_call', 'code_interpreter_call',
  'local_shell_call', 'local_shell_call_output', 'shell_call', 'shell_call_output', 'apply_patch_call', 'apply_patch_call_output',
  'mcp_list_tools', 'mcp_approval_request', 'mcp_approval_response', 'mcp_call', 'compaction',
] as const;
const ROLES = ['user', 'assistant', 'system', 'developer'] as const;
const PART_TYPES = ['input_text', 'input_image', 'input_file', 'input_audio', 'output_text', 'refusal'] as const;
const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
const SUMMARIES = ['auto', 'concise', 'detailed'] as const;
const FORMATS = ['text', 'json_object', 'json_schema'] as const;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Validates a Responses request as the OpenAI API does, returning the first problem found. As strict as
 * the real API and no stricter: every parameter it accepts passes (hosted tools of any type, `include`,
 * `store`, `previous_response_id`, ...), unknown ones are `unknown_parameter`, wrong types name the
 * parameter, and a `function_call_output` needs its `function_call` in the same input unless the
 * request continues a stored response (`previous_response_id` / `conversation`).
 */
export function validateResponsesRequest(body: JsonObject): OpenAiProblem | undefined {
  const extra = Object.keys(body).find((key) => !RESPONSES_PARAMETERS.has(key));
  if (extra !== undefined) return problem(`Unknown parameter: '${extra}'.`, extra, 'unknown_parameter');
  return (
    checkModel(body) ??
    checkString(body, 'instructions') ??
    checkInput(body) ??
    checkBoolean(body, 'stream') ??
    checkStreamOptions(body) ??
    checkBoolean(body, 'store') ??
    checkBoolean(body, 'background') ??
    checkBoolean(body, 'parallel_tool_calls') ??
    checkNumber(body, 'temperature', { min: 0, max: 2 }) ??
    checkNumber(body, 'top_p', { min: 0, max: 1 }) ??
    checkNumber(body, 'max_output_tokens', { min: 16, integer: true }) ??
    checkNumber(body, 'top_logprobs', { min: 0, max: 20, integer: true }) ??
    checkNumber(body, 'max_tool_calls', { min: 1, integer: true }) ??
    checkString(body, 'previous_response_id') ??
    checkString(body, 'prompt_cache_key') ??
    checkString(body, 'safety_identifier') ??
    checkString(body, 'user') ??
    checkEnum(body, 'truncation', ['auto', 'disabled']) ??
    checkEnum(body, 'service_tier', ['auto', 'default', 'flex', 'scale', 'priority']) ??
    checkInclude(body) ??
    checkMetadata(body) ??
    checkTools(body) ??
    checkToolChoice(body) ??
    checkReasoning(body) ??
    checkText(body)
  );
}

function checkString(body: JsonObject, name: string): OpenAiProblem | undefined {
  const value = body[name];
  return value === undefined || value === null || typeof value === 'string' ? undefined : invalidType(name, 'a string', value);
}

function checkEnum(body: JsonObject, name: string, values: readonly string[]): OpenAiProblem | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  return values.includes(value as string) ? undefined : invalidValue(name, value, values);
}

function checkStreamOptions(body: JsonObject): OpenAiProblem | undefined {
  const options = body['stream_options'];
  if (options === undefined || options === null) return undefined;
  if (body['stream'] !== true) return problem("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
  return isRecord(options) ? checkBoolean(options, 'include_obfuscation') : invalidType('stream_options', 'an object', options);
}

function checkInput(body: JsonObject): OpenAiProblem | undefined {
  const input = body['input'];
  if (input === undefined || input === null || typeof input === 'string') return undefined;
  if (!Array.isArray(input)) return invalidType('input', 'one of a string or array of input items', input);
  const calls = new Set<string>();
  for (const [i, item] of input.entries()) {
    const at = `input[${i}]`;
    if (!isRecord(item)) return invalidType(at, 'an object', item);
    const type = item['type'] ?? 'message';
    if (!(ITEM_TYPES as readonly unknown[]).includes(type)) return invalidValue(`${at}.type`, type, ITEM_TYPES);
    const found = type === 'message' ? checkMessage(item, at) : checkCallItem(item, type as string, at, calls);
    if (found !== undefined) return found;
  }
  if (body['previous_response_id'] !== undefined || body['conversation'] !== undefined) return undefined;
  for (const item of input as JsonObject[]) {
    if (item['type'] !== 'function_call_output' && item['type'] !== 'custom_tool_call_output') continue;
    const id = String(item['call_id']);
    if (!calls.has(id)) return problem(`No tool call found for function call output with call_id ${id}.`, 'input');
  }
  return undefined;
}

function checkMessage(item: JsonObject, at: string): OpenAiProblem | undefined {
  const role = item['role'];
  if (role === undefined) return missingParameter(`${at}.role`);
  if (!(ROLES as readonly unknown[]).includes(role)) return invalidValue(`${at}.role`, role, ROLES);
  const content = item['content'];
  if (content === undefined) return missingParameter(`${at}.content`);
  if (typeof content === 'string') return undefined;
  if (!Array.isArray(content)) return invalidType(`${at}.content`, 'one of a string or array of input content', content);
  for (const [j, part] of content.entries()) {
    const where = `${at}.content[${j}]`;
    if (!isRecord(part)) return invalidType(where, 'an object', part);
    if (!(PART_TYPES as readonly unknown[]).includes(part['type'])) return invalidValue(`${where}.type`, part['type'], PART_TYPES);
    if ((part['type'] === 'input_text' || part['type'] === 'output_text') && typeof part['text'] !== 'string') {
      return part['text'] === undefined ? missingParameter(`${where}.text`) : invalidType(`${where}.text`, 'a string', part['text']);
    }
    if (part['type'] === 'output_text' && role !== 'assistant') {
      return problem(`Invalid value: 'output_text'. Supported values are: 'input_text', 'input_image', and 'input_file'.`, `${where}.type`, 'invalid_value');
    }
    if (part['type'] === 'input_image' && typeof part['image_url'] !== 'string' && typeof part['file_id'] !== 'string') {
      return missingParameter(`${where}.image_url`);
    }
  }
  return undefined;
}

function checkCallItem(item: JsonObject, type: string, at: string, calls: Set<string>): OpenAiProblem | undefined {
  if (type === 'function_call' || type === 'custom_tool_call') {
    for (const key of ['call_id', 'name']) {
      if (item[key] === undefined) return missingParameter(`${at}.${key}`);
      if (typeof item[key] !== 'string') return invalidType(`${at}.${key}`, 'a string', item[key]);
    }
    const payload = type === 'function_call' ? 'arguments' : 'input';
    if (item[payload] === undefined) return missingParameter(`${at}.${payload}`);
    if (typeof item[payload] !== 'string') return invalidType(`${at}.${payload}`, 'a string', item[payload]);
    calls.add(item['call_id'] as string);
  }
  if (type === 'function_call_output' || type === 'custom_tool_call_output') {
    if (item['call_id'] === undefined) return missingParameter(`${at}.call_id`);
    if (typeof item['call_id'] !== 'string') return invalidType(`${at}.call_id`, 'a string', item['call_id']);
    const output = item['output'];
    if (output === undefined) return missingParameter(`${at}.output`);
    if (typeof output !== 'string' && !Array.isArray(output)) return invalidType(`${at}.output`, 'one of a string or array of content', output);
  }
  return undefined;
}

function checkInclude(body: JsonObject): OpenAiProblem | undefined {
  const include = body['include'];
  if (include === undefined || include === null) return undefined;
  if (!Array.isArray(include)) return invalidType('include', 'an array', include);
  const bad = include.findIndex((entry) => typeof entry !== 'string');
  return bad === -1 ? undefined : invalidType(`include[${bad}]`, 'a string', include[bad]);
}

function checkMetadata(body: JsonObject): OpenAiProblem | undefined {
  const metadata = body['metadata'];
  if (metadata === undefined || metadata === null) return undefined;
  if (!isRecord(metadata)) return invalidType('metadata', 'an object', metadata);
  const bad = Object.entries(metadata).find(([, value]) => typeof value !== 'string');
  return bad === undefined ? undefined : invalidType(`metadata.${bad[0]}`, 'a string', bad[1]);
}

/** Any tool type passes (hosted tools, Codex's namespaces); `function` and `custom` tools need a valid name. */
function checkTools(body: JsonObject): OpenAiProblem | undefined {
  const tools = body['tools'];
  if (tools === undefined || tools === null) return undefined;
  if (!Array.isArray(tools)) return invalidType('tools', 'an array', tools);
  for (const [i, tool] of tools.entries()) {
    const at = `tools[${i}]`;
    if (!isRecord(tool)) return invalidType(at, 'an object', tool);
    if (tool['type'] === undefined) return missingParameter(`${at}.type`);
    if (typeof tool['type'] !== 'string') return invalidType(`${at}.type`, 'a string', tool['type']);
    if (tool['type'] !== 'function' && tool['type'] !== 'custom') continue;
    if (tool['name'] === undefined) return missingParameter(`${at}.name`);
    if (typeof tool['name'] !== 'string' || !TOOL_NAME.test(tool['name'])) {
      return problem(`Invalid '${at}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, `${at}.name`, 'invalid_value');
    }
    if (tool['type'] === 'function') {
      if (tool['parameters'] !== undefined && tool['parameters'] !== null && !isRecord(tool['parameters'])) return invalidType(`${at}.parameters`, 'an object', tool['parameters']);
      const found = checkBoolean(tool, 'strict');
      if (found !== undefined) return { ...found, param: `${at}.strict`, message: found.message.replace("'strict'", `'${at}.strict'`) };
    }
  }
  return undefined;
}

function checkToolChoice(body: JsonObject): OpenAiProblem | undefined {
  const choice = body['tool_choice'];
  if (choice === undefined || choice === null) return undefined;
  if (typeof choice === 'string') return ['auto', 'none', 'required'].includes(choice) ? undefined : invalidValue('tool_choice', choice, ['auto', 'none', 'required']);
  if (!isRecord(choice)) return invalidType('tool_choice', 'one of a string or object', choice);
  if (choice['type'] === 'function' && typeof choice['name'] !== 'string') return missingParameter('tool_choice.name');
  return undefined;
}

function checkReasoning(body: JsonObject): OpenAiProblem | undefined {
  const reasoning = body['reasoning'];
  if (reasoning === undefined || reasoning === null) return undefined;
  if (!isRecord(reasoning)) return invalidType('reasoning', 'an object', reasoning);
  const effort = reasoning['effort'];
  if (effort !== undefined && effort !== null && !(EFFORTS as readonly unknown[]).includes(effort)) return invalidValue('reasoning.effort', effort, EFFORTS);
  const summary = reasoning['summary'] ?? reasoning['generate_summary'];
  if (summary !== undefined && summary !== null && !(SUMMARIES as readonly unknown[]).includes(summary)) return invalidValue('reasoning.summary', summary, SUMMARIES);
  return undefined;
}

function checkText(body: JsonObject): OpenAiProblem | undefined {
  const text = body['text'];
  if (text === undefined || text === null) return undefined;
  if (!isRecord(text)) return invalidType('text', 'an object', text);
  const verbosity = text['verbosity'];
  if (verbosity !== undefined && verbosity !== null && !['low', 'medium', 'high'].includes(verbosity as string)) return invalidValue('text.verbosity', verbosity, ['low', 'medium', 'high']);
  const format = text['format'];
  if (format === undefined || format === null) return undefined;
  if (!isRecord(format)) return invalidType('text.format', 'an object', format);
  if (!(FORMATS as readonly unknown[]).includes(format['type'])) return invalidValue('text.format.type', format['type'], FORMATS);
  if (format['type'] !== 'json_schema') return undefined;
  if (typeof format['name'] !== 'string') return missingParameter('text.format.name');
  if (!isRecord(format['schema'])) return missingParameter('text.format.schema');
  return undefined;
}
