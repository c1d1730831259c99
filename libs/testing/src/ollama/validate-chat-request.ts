import { isRecord, type JsonObject } from '../json-value.js';
import { base64Problem, cannotUnmarshal } from './go-json-errors.js';
import { checkFormat, checkKeepAlive, checkOptions, checkThink, checkTopLogprobs, checkType, firstProblem, unknownField } from './ollama-field-checks.js';

/** `api.ChatRequest`'s fields (protocols.md §4.1). */
const CHAT_FIELDS = new Set(['model', 'messages', 'tools', 'format', 'options', 'stream', 'think', 'keep_alive', 'truncate', 'shift', 'logprobs', 'top_logprobs']);
const MESSAGE_FIELDS = new Set(['role', 'content', 'thinking', 'images', 'tool_calls', 'tool_name', 'tool_call_id']);
const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/**
 * Validates a `POST /api/chat` body the way Ollama decodes it, plus the checks a router needs: the first
 * problem as Ollama words it (Go decoder messages where the real server fails while decoding), or
 * undefined. Stricter than Ollama on purpose: unknown top-level and message fields, unknown options and
 * unknown roles are refused instead of ignored, and `tools[].type` must be `function`.
 */
export function validateChatRequest(body: JsonObject): string | undefined {
  return firstProblem(
    () => unknownField(body, CHAT_FIELDS),
    () => checkType(body['model'], 'string', 'ChatRequest.model', 'string'),
    () => checkMessages(body['messages']),
    () => checkType(body['stream'], 'bool', 'ChatRequest.stream', 'bool'),
    () => checkTools(body['tools']),
    () => checkOptions(body['options'], 'ChatRequest'),
    () => checkType(body['truncate'], 'bool', 'ChatRequest.truncate', 'bool'),
    () => checkType(body['shift'], 'bool', 'ChatRequest.shift', 'bool'),
    () => checkType(body['logprobs'], 'bool', 'ChatRequest.logprobs', 'bool'),
    () => checkTopLogprobs(body['top_logprobs'], 'ChatRequest'),
    () => checkKeepAlive(body['keep_alive']),
    () => checkThink(body['think']),
    () => checkFormat(body['format']),
    () => (typeof body['model'] === 'string' && body['model'] !== '' ? undefined : 'model is required'),
  );
}

function checkMessages(messages: unknown): string | undefined {
  const typeProblem = checkType(messages, 'array', 'ChatRequest.messages', '[]api.Message');
  if (typeProblem !== undefined || !Array.isArray(messages)) return typeProblem;
  for (const [i, message] of messages.entries()) {
    const problem = checkMessage(message, i);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function checkMessage(message: unknown, i: number): string | undefined {
  if (!isRecord(message)) return message === null ? undefined : cannotUnmarshal(message, 'ChatRequest.messages', 'api.Message');
  return firstProblem(
    () => unknownField(message, MESSAGE_FIELDS, `messages[${i}].`),
    () => checkType(message['role'], 'string', 'Message.messages.role', 'string'),
    () => checkType(message['content'], 'string', 'Message.messages.content', 'string'),
    () => checkType(message['thinking'], 'string', 'Message.messages.thinking', 'string'),
    () => checkImages(message['images'], 'Message.messages.images'),
    () => checkToolCalls(message['tool_calls']),
    () => checkType(message['tool_name'], 'string', 'Message.messages.tool_name', 'string'),
    () => checkType(message['tool_call_id'], 'string', 'Message.messages.tool_call_id', 'string'),
    () => {
      const role = typeof message['role'] === 'string' ? message['role'].toLowerCase() : '';
      return ROLES.has(role) ? undefined : `invalid message role ${JSON.stringify(message['role'] ?? '')}: must be system, user, assistant or tool`;
    },
  );
}

/** Images are raw base64 (`[]api.ImageData`): a `data:` URI or an http URL fails base64 decoding. */
export function checkImages(images: unknown, field: string): string | undefined {
  const typeProblem = checkType(images, 'array', field, '[]api.ImageData');
  if (typeProblem !== undefined || !Array.isArray(images)) return typeProblem;
  for (const image of images) {
    if (typeof image !== 'string') return cannotUnmarshal(image, field, 'api.ImageData');
    const problem = base64Problem(image);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Tool calls in history: `{id?, function: {index?, name, arguments: <object>}}`; string arguments fail (#4). */
function checkToolCalls(calls: unknown): string | undefined {
  const typeProblem = checkType(calls, 'array', 'Message.messages.tool_calls', '[]api.ToolCall');
  if (typeProblem !== undefined || !Array.isArray(calls)) return typeProblem;
  for (const call of calls) {
    if (!isRecord(call)) return cannotUnmarshal(call, 'Message.messages.tool_calls', 'api.ToolCall');
    const fn = call['function'];
    const problem = firstProblem(
      () => checkType(call['id'], 'string', 'ToolCall.messages.tool_calls.id', 'string'),
      () => checkType(fn, 'object', 'ToolCall.messages.tool_calls.function', 'api.ToolCallFunction'),
      () => (isRecord(fn) ? checkType(fn['index'], 'int', 'ToolCallFunction.messages.tool_calls.function.index', 'int') : undefined),
      () => (isRecord(fn) ? checkType(fn['name'], 'string', 'ToolCallFunction.messages.tool_calls.function.name', 'string') : undefined),
      () =>
        isRecord(fn)
          ? checkType(fn['arguments'], 'object', 'ToolCallFunction.messages.tool_calls.function.arguments', 'api.ToolCallFunctionArguments')
          : undefined,
    );
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function checkTools(tools: unknown): string | undefined {
  const typeProblem = checkType(tools, 'array', 'ChatRequest.tools', 'api.Tools');
  if (typeProblem !== undefined || !Array.isArray(tools)) return typeProblem;
  for (const [k, tool] of tools.entries()) {
    if (!isRecord(tool)) return cannotUnmarshal(tool, 'ChatRequest.tools', 'api.Tool');
    const fn = tool['function'];
    const problem = firstProblem(
      () => checkType(fn, 'object', 'Tool.tools.function', 'api.ToolFunction'),
      () => (isRecord(fn) ? checkType(fn['name'], 'string', 'ToolFunction.tools.function.name', 'string') : undefined),
      () => (isRecord(fn) ? checkType(fn['description'], 'string', 'ToolFunction.tools.function.description', 'string') : undefined),
      () => (isRecord(fn) ? checkType(fn['parameters'], 'object', 'ToolFunction.tools.function.parameters', 'api.ToolFunctionParameters') : undefined),
      () => (tool['type'] === 'function' ? undefined : `tools[${k}].type must be "function", got ${JSON.stringify(tool['type'] ?? null)}`),
      () => (isRecord(fn) && typeof fn['name'] === 'string' && fn['name'] !== '' ? undefined : `tools[${k}].function.name is required`),
    );
    if (problem !== undefined) return problem;
  }
  return undefined;
}
