import { isRecord } from '../is-record.js';

// What the real chat completions API refuses (§1.2–1.5; the same rules as the testing lib's mock
// OpenAI, which a family lib may not import): returns every problem found, [] for an acceptable body.

const PARAMETERS = new Set([
  'model', 'messages', 'frequency_penalty', 'logprobs', 'max_completion_tokens', 'n', 'parallel_tool_calls', 'presence_penalty',
  'reasoning_effort', 'response_format', 'seed', 'stop', 'stream', 'stream_options', 'temperature', 'tool_choice', 'tools',
  'top_logprobs', 'top_p', 'user',
]);
const PART_TYPES: Record<string, readonly string[]> = {
  system: ['text'],
  user: ['text', 'image_url', 'file'],
  assistant: ['text', 'refusal'],
  tool: ['text'],
};
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function chatRequestProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);
  if (JSON.stringify(JSON.parse(JSON.stringify(body))) !== JSON.stringify(body)) problem('body does not survive JSON');
  for (const key of Object.keys(body)) if (!PARAMETERS.has(key)) problem(`unrecognized parameter ${key}`);
  for (const [key, value] of Object.entries(body)) if (value === undefined || value === null) problem(`${key} is ${String(value)}`);
  if (typeof body['model'] !== 'string' || body['model'] === '') problem('model');
  if (typeof body['stream'] !== 'boolean') problem('stream must be sent explicitly');
  if (body['stream_options'] !== undefined && body['stream'] !== true) problem('stream_options without stream');

  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) return [...problems, 'messages must be a non-empty array'];
  let awaiting = new Set<string>();
  messages.forEach((message: unknown, i) => {
    const at = `messages[${i}]`;
    if (!isRecord(message)) return void problem(`${at} is not an object`);
    const role = String(message['role']);
    if (PART_TYPES[role] === undefined) return void problem(`${at}.role ${role}`);
    if (role === 'system' && i !== 0) problem(`${at}: a system message that is not first`);
    if (role === 'tool') {
      const id = message['tool_call_id'];
      if (typeof id !== 'string' || !awaiting.has(id)) problem(`${at}: tool message answers no call of the assistant turn before it`);
      else awaiting.delete(id);
    } else {
      if (awaiting.size > 0) problem(`${at}: calls [${[...awaiting].join(', ')}] have no tool message`);
      awaiting = new Set();
    }
    const content = message['content'];
    const calls = message['tool_calls'];
    if (content === null) {
      if (role !== 'assistant' || !Array.isArray(calls) || calls.length === 0) problem(`${at}.content is null without tool calls`);
    } else if (Array.isArray(content)) {
      if (content.length === 0) problem(`${at}.content is an empty array`);
      content.forEach((part: unknown, j) => {
        const type = isRecord(part) ? String(part['type']) : 'none';
        if (!(PART_TYPES[role] ?? []).includes(type)) problem(`${at}.content[${j}].type ${type} not allowed for ${role}`);
        if (isRecord(part) && type === 'image_url' && !/^(https?:\/\/|data:image\/[a-z+.-]+;base64,)/.test(String(isRecord(part['image_url']) ? part['image_url']['url'] : '')))
          problem(`${at}.content[${j}].image_url.url`);
        if (isRecord(part) && type === 'file' && !(isRecord(part['file']) && typeof part['file']['file_data'] === 'string' && typeof part['file']['filename'] === 'string'))
          problem(`${at}.content[${j}].file needs file_data and filename`);
      });
    } else if (typeof content !== 'string') problem(`${at}.content is ${typeof content}`);
    else if (content === '' && role !== 'tool') problem(`${at}.content is empty`);
    if (calls !== undefined) {
      if (role !== 'assistant' || !Array.isArray(calls) || calls.length === 0) problem(`${at}.tool_calls`);
      else {
        calls.forEach((call: unknown, k) => {
          const fn = isRecord(call) && isRecord(call['function']) ? call['function'] : {};
          if (!isRecord(call) || typeof call['id'] !== 'string' || call['type'] !== 'function') problem(`${at}.tool_calls[${k}] id/type`);
          if (!TOOL_NAME.test(String(fn['name']))) problem(`${at}.tool_calls[${k}].function.name`);
          if (typeof fn['arguments'] !== 'string' || !isRecord(JSON.parse(fn['arguments']))) problem(`${at}.tool_calls[${k}].function.arguments must be a JSON object string`);
        });
        awaiting = new Set(calls.map((call) => String(isRecord(call) ? call['id'] : '')));
      }
    }
  });
  if (awaiting.size > 0) problem(`calls [${[...awaiting].join(', ')}] have no tool message`);

  const tools = body['tools'];
  const hasTools = Array.isArray(tools) && tools.length > 0;
  if (tools !== undefined && !hasTools) problem('tools must be a non-empty array');
  if (hasTools) {
    tools.forEach((tool: unknown, i) => {
      const fn = isRecord(tool) && isRecord(tool['function']) ? tool['function'] : {};
      if (!isRecord(tool) || tool['type'] !== 'function' || !TOOL_NAME.test(String(fn['name'])) || !isRecord(fn['parameters'])) problem(`tools[${i}]`);
    });
  }
  for (const key of ['tool_choice', 'parallel_tool_calls']) if (body[key] !== undefined && !hasTools) problem(`${key} without tools`);
  const stop = body['stop'];
  if (stop !== undefined && (!Array.isArray(stop) || stop.length > 4 || stop.length === 0)) problem('stop must hold 1 to 4 strings');
  return problems;
}
