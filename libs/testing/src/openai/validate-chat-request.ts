import { isRecord, type JsonObject } from '../json-value.js';
import {
  checkBoolean,
  checkModel,
  checkNumber,
  checkStop,
  checkStreamParameters,
  invalidType,
  invalidValue,
  missingParameter,
  problem,
  unknownParameters,
  type OpenAiProblem,
} from './openai-problem.js';

/** Top-level parameters of `POST /v1/chat/completions` (protocols.md §1.2 and the openai SDK 6.49 types). */
export const CHAT_PARAMETERS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'moderation',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
]);

const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const;
type Role = (typeof ROLES)[number];

/** Content part types each role may send (§1.3). */
const PART_TYPES: Record<Role, readonly string[]> = {
  system: ['text'],
  developer: ['text'],
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  tool: ['text'],
  function: ['text'],
};

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Validates a chat request as the OpenAI API does, returning the first problem found (the API also
 * reports one at a time). Messages mirror the real API's wording where it is known.
 */
export function validateChatRequest(body: JsonObject): OpenAiProblem | undefined {
  return (
    unknownParameters(body, CHAT_PARAMETERS) ??
    checkModel(body) ??
    checkMessages(body['messages']) ??
    checkStreamParameters(body) ??
    checkTools(body) ??
    checkNumber(body, 'temperature', { min: 0, max: 2 }) ??
    checkNumber(body, 'top_p', { min: 0, max: 1 }) ??
    checkNumber(body, 'frequency_penalty', { min: -2, max: 2 }) ??
    checkNumber(body, 'presence_penalty', { min: -2, max: 2 }) ??
    checkNumber(body, 'n', { min: 1, max: 128, integer: true }) ??
    checkNumber(body, 'max_tokens', { min: 1, integer: true }) ??
    checkNumber(body, 'max_completion_tokens', { min: 1, integer: true }) ??
    checkNumber(body, 'seed', { integer: true }) ??
    checkNumber(body, 'top_logprobs', { min: 0, max: 20, integer: true }) ??
    checkBoolean(body, 'logprobs') ??
    checkBoolean(body, 'parallel_tool_calls') ??
    checkStop(body)
  );
}

function checkMessages(messages: unknown): OpenAiProblem | undefined {
  if (messages === undefined) return missingParameter('messages');
  if (!Array.isArray(messages)) return invalidType('messages', 'an array', messages);
  if (messages.length === 0) {
    return problem(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  for (const [i, message] of messages.entries()) {
    const found = checkMessage(message, `messages[${i}]`);
    if (found !== undefined) return found;
  }
  return checkToolCallPairing(messages as JsonObject[]);
}

function checkMessage(message: unknown, at: string): OpenAiProblem | undefined {
  if (!isRecord(message)) return invalidType(at, 'an object', message);
  const role = message['role'];
  if (role === undefined) return missingParameter(`${at}.role`);
  if (!(ROLES as readonly unknown[]).includes(role)) return invalidValue(`${at}.role`, role, ROLES);
  const r = role as Role;

  const content = message['content'];
  const contentOptional = r === 'assistant' || r === 'function';
  if (content === undefined && !contentOptional) return missingParameter(`${at}.content`);
  if (content === null && !contentOptional) {
    return invalidType(`${at}.content`, 'one of a string or array of objects', content);
  }
  if (content !== undefined && content !== null) {
    const found = checkContent(content, r, `${at}.content`);
    if (found !== undefined) return found;
  }

  if (r === 'tool') {
    const id = message['tool_call_id'];
    if (id === undefined) return missingParameter(`${at}.tool_call_id`);
    if (typeof id !== 'string') return invalidType(`${at}.tool_call_id`, 'a string', id);
  }
  if (r === 'function' && typeof message['name'] !== 'string') return missingParameter(`${at}.name`);
  // `name` is allowed on every role (LangChain sends it on tool messages), but only as a string.
  if (message['name'] !== undefined && typeof message['name'] !== 'string') return invalidType(`${at}.name`, 'a string', message['name']);
  if (r === 'assistant' && message['tool_calls'] !== undefined && message['tool_calls'] !== null) {
    return checkToolCalls(message['tool_calls'], `${at}.tool_calls`);
  }
  return undefined;
}

function checkContent(content: unknown, role: Role, at: string): OpenAiProblem | undefined {
  if (typeof content === 'string') return undefined;
  if (!Array.isArray(content)) return invalidType(at, 'one of a string or array of objects', content);
  if (content.length === 0) {
    return problem(`Invalid '${at}': empty array. Expected an array with minimum length 1, but got an empty array instead.`, at, 'empty_array');
  }
  for (const [j, part] of content.entries()) {
    const found = checkPart(part, role, `${at}[${j}]`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function checkPart(part: unknown, role: Role, at: string): OpenAiProblem | undefined {
  if (!isRecord(part)) return invalidType(at, 'an object', part);
  const type = part['type'];
  if (type === undefined) return missingParameter(`${at}.type`);
  if (!PART_TYPES[role].includes(String(type))) return invalidValue(`${at}.type`, type, PART_TYPES[role]);
  switch (type) {
    case 'text':
      return typeof part['text'] === 'string' ? undefined : requiredString(part['text'], `${at}.text`);
    case 'refusal':
      return typeof part['refusal'] === 'string' ? undefined : requiredString(part['refusal'], `${at}.refusal`);
    case 'image_url': {
      const image = part['image_url'];
      if (!isRecord(image)) return image === undefined ? missingParameter(`${at}.image_url`) : invalidType(`${at}.image_url`, 'an object', image);
      const url = image['url'];
      if (typeof url !== 'string') return requiredString(url, `${at}.image_url.url`);
      if (!/^(https?:\/\/|data:image\/)/.test(url)) {
        return problem(`Invalid '${at}.image_url.url': expected an http(s) URL or a base64 data URL.`, `${at}.image_url.url`, 'invalid_value');
      }
      const detail = image['detail'];
      const details = ['auto', 'low', 'high', 'original'];
      return detail === undefined || details.includes(String(detail)) ? undefined : invalidValue(`${at}.image_url.detail`, detail, details);
    }
    case 'input_audio': {
      const audio = part['input_audio'];
      if (!isRecord(audio)) return missingParameter(`${at}.input_audio`);
      if (typeof audio['data'] !== 'string') return requiredString(audio['data'], `${at}.input_audio.data`);
      const formats = ['wav', 'mp3'];
      return formats.includes(String(audio['format'])) ? undefined : invalidValue(`${at}.input_audio.format`, audio['format'], formats);
    }
    case 'file':
      return isRecord(part['file']) ? undefined : missingParameter(`${at}.file`);
    default:
      return undefined;
  }
}

function requiredString(value: unknown, at: string): OpenAiProblem {
  return value === undefined ? missingParameter(at) : invalidType(at, 'a string', value);
}

function checkToolCalls(calls: unknown, at: string): OpenAiProblem | undefined {
  if (!Array.isArray(calls)) return invalidType(at, 'an array', calls);
  for (const [k, call] of calls.entries()) {
    const here = `${at}[${k}]`;
    if (!isRecord(call)) return invalidType(here, 'an object', call);
    if (typeof call['id'] !== 'string') return requiredString(call['id'], `${here}.id`);
    const type = call['type'];
    if (type !== 'function' && type !== 'custom') return type === undefined ? missingParameter(`${here}.type`) : invalidValue(`${here}.type`, type, ['function', 'custom']);
    if (type === 'custom') continue;
    const fn = call['function'];
    if (!isRecord(fn)) return fn === undefined ? missingParameter(`${here}.function`) : invalidType(`${here}.function`, 'an object', fn);
    if (typeof fn['name'] !== 'string') return requiredString(fn['name'], `${here}.function.name`);
    // Arguments are a JSON *string*; an object here is the classic translation bug (protocols.md §6 #4).
    if (typeof fn['arguments'] !== 'string') return requiredString(fn['arguments'], `${here}.function.arguments`);
  }
  return undefined;
}

/**
 * An assistant message with `tool_calls` must be followed by one `tool` message per call id, and a
 * `tool` message must answer a call of the assistant message before it (the real API's wording).
 */
function checkToolCallPairing(messages: JsonObject[]): OpenAiProblem | undefined {
  let open: Set<string> | undefined; // ids of the last assistant tool_calls turn still awaiting results
  let openAt = -1;
  for (const [i, message] of messages.entries()) {
    if (message['role'] === 'tool') {
      const id = String(message['tool_call_id']);
      if (open === undefined) {
        return problem(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${i}].role`,
        );
      }
      if (!open.has(id)) {
        return problem(`Invalid parameter: 'tool_call_id' of '${id}' not found in 'tool_calls' of previous message.`, `messages.[${i}].tool_call_id`);
      }
      open.delete(id);
      continue;
    }
    const unanswered = unansweredToolCalls(open, openAt);
    if (unanswered !== undefined) return unanswered;
    open = undefined;
    const calls = message['tool_calls'];
    if (message['role'] === 'assistant' && Array.isArray(calls) && calls.length > 0) {
      open = new Set(calls.map((call) => String((call as JsonObject)['id'])));
      openAt = i;
    }
  }
  return unansweredToolCalls(open, openAt);
}

function unansweredToolCalls(open: Set<string> | undefined, at: number): OpenAiProblem | undefined {
  if (open === undefined || open.size === 0) return undefined;
  return problem(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
    `messages.[${at}].role`,
  );
}

/** `tools`, `tool_choice`, `parallel_tool_calls`: the latter two only make sense, and are only accepted, with tools. */
function checkTools(body: JsonObject): OpenAiProblem | undefined {
  const tools = body['tools'];
  const hasTools = Array.isArray(tools) && tools.length > 0;
  if (tools !== undefined && tools !== null) {
    if (!Array.isArray(tools)) return invalidType('tools', 'an array', tools);
    for (const [i, tool] of tools.entries()) {
      const found = checkTool(tool, `tools[${i}]`);
      if (found !== undefined) return found;
    }
  }
  for (const name of ['tool_choice', 'parallel_tool_calls']) {
    const value = body[name];
    if (value !== undefined && value !== null && !hasTools) {
      return problem(`Invalid value for '${name}': '${name}' is only allowed when 'tools' are specified.`, name);
    }
  }
  const choice = body['tool_choice'];
  if (typeof choice === 'string') {
    const modes = ['none', 'auto', 'required'];
    return modes.includes(choice) ? undefined : invalidValue('tool_choice', choice, modes);
  }
  if (choice !== undefined && choice !== null) {
    if (!isRecord(choice)) return invalidType('tool_choice', 'one of a string or object', choice);
    const kinds = ['function', 'custom', 'allowed_tools'];
    if (!kinds.includes(String(choice['type']))) return invalidValue('tool_choice.type', choice['type'], kinds);
    if (choice['type'] === 'function') {
      const fn = choice['function'];
      if (!isRecord(fn) || typeof fn['name'] !== 'string') return missingParameter('tool_choice.function.name');
    }
  }
  return undefined;
}

function checkTool(tool: unknown, at: string): OpenAiProblem | undefined {
  if (!isRecord(tool)) return invalidType(at, 'an object', tool);
  const type = tool['type'];
  if (type !== 'function' && type !== 'custom') return type === undefined ? missingParameter(`${at}.type`) : invalidValue(`${at}.type`, type, ['function', 'custom']);
  const spec = tool[type];
  if (!isRecord(spec)) return missingParameter(`${at}.${type}`);
  const name = spec['name'];
  if (typeof name !== 'string') return requiredString(name, `${at}.${type}.name`);
  if (!TOOL_NAME.test(name)) {
    return problem(
      `Invalid '${at}.${type}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
      `${at}.${type}.name`,
      'invalid_value',
    );
  }
  const parameters = spec['parameters'];
  if (type === 'function' && parameters !== undefined && !isRecord(parameters)) return invalidType(`${at}.function.parameters`, 'an object', parameters);
  return undefined;
}
