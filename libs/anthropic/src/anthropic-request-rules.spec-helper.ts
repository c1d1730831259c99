/**
 * The rules behind the Anthropic API's real-world 400s on a `/v1/messages` body (docs/protocols.md
 * §3.2–3.5), as a checker for specs: the first broken rule, or undefined. Mirrors the mock upstream in
 * libs/testing (which this lib may not import).
 */
const FIELDS = new Set([
  'model', 'max_tokens', 'messages', 'system', 'stop_sequences', 'temperature', 'top_p', 'top_k', 'tools', 'tool_choice',
  'thinking', 'metadata', 'stream', 'output_config', 'service_tier', 'container', 'cache_control', 'inference_geo', 'speed',
]);
const USER_BLOCKS = new Set(['text', 'image', 'document', 'tool_result']);
const ASSISTANT_BLOCKS = new Set(['text', 'tool_use', 'thinking', 'redacted_thinking']);
const TOOL_USE_ID = /^[a-zA-Z0-9_-]+$/;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function anthropicRequestProblem(body: Json): string | undefined {
  const extra = Object.keys(body).find((key) => !FIELDS.has(key));
  if (extra !== undefined) return `${extra}: Extra inputs are not permitted`;
  if (typeof body['model'] !== 'string' || body['model'] === '') return 'model: required';
  const maxTokens = body['max_tokens'];
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) return 'max_tokens: integer >= 1 required';
  if (typeof body['stream'] !== 'boolean') return 'stream: must be sent explicitly';
  if (body['system'] !== undefined && (typeof body['system'] !== 'string' || body['system'].trim() === '')) return 'system: non-empty string expected';
  const temperature = body['temperature'];
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 1)) return 'temperature: 0–1';
  const thinking = body['thinking'];
  if (isRecord(thinking) && thinking['type'] === 'enabled') {
    const budget = thinking['budget_tokens'];
    if (typeof budget !== 'number' || budget < 1024) return 'thinking.budget_tokens: >= 1024';
    if (maxTokens <= budget) return '`max_tokens` must be greater than `thinking.budget_tokens`';
  }
  return messagesProblem(body['messages']) ?? toolsProblem(body['tools'], body['tool_choice'], body['messages']);
}

function messagesProblem(messages: unknown): string | undefined {
  if (!Array.isArray(messages) || messages.length === 0) return 'messages: non-empty list required';
  const seenIds = new Set<string>();
  for (const [i, message] of messages.entries()) {
    if (!isRecord(message)) return `messages.${i}: dictionary expected`;
    const role = message['role'];
    if (role !== 'user' && role !== 'assistant') return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    const previous: unknown = messages[i - 1];
    if (isRecord(previous) && previous['role'] === role) return `messages.${i}: same role as the message before (not merged)`;
    const content = message['content'];
    if (!Array.isArray(content) || content.length === 0) return `messages.${i}.content: non-empty list expected`;
    for (const [j, block] of content.entries()) {
      const problem = blockProblem(block, role, `messages.${i}.content.${j}`);
      if (problem !== undefined) return problem;
      if (block['type'] === 'tool_use') {
        if (seenIds.has(block['id'])) return `messages.${i}.content.${j}: \`tool_use\` ids must be unique`;
        seenIds.add(block['id']);
      }
    }
    // Every tool_result answers a tool_use of the message just before; every tool_use is answered at the
    // start of the very next message.
    const previousIds = toolUseIds(previous);
    for (const [j, block] of content.entries()) {
      if (block['type'] === 'tool_result' && !previousIds.includes(block['tool_use_id'])) {
        return `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks`;
      }
    }
    const ids = toolUseIds(message);
    if (ids.length > 0) {
      const next: unknown = messages[i + 1];
      const nextContent = isRecord(next) && Array.isArray(next['content']) ? (next['content'] as Json[]) : [];
      const lead = nextContent.findIndex((b) => b['type'] !== 'tool_result');
      const answered = new Set((lead === -1 ? nextContent : nextContent.slice(0, lead)).map((b) => b['tool_use_id']));
      const missing = ids.filter((id) => !answered.has(id));
      if (missing.length > 0) return `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}`;
    }
  }
  return undefined;
}

function blockProblem(block: unknown, role: 'user' | 'assistant', at: string): string | undefined {
  if (!isRecord(block)) return `${at}: dictionary expected`;
  const type = String(block['type']);
  if (!(role === 'user' ? USER_BLOCKS : ASSISTANT_BLOCKS).has(type)) return `${at}: \`${type}\` blocks are not allowed in ${role} messages`;
  switch (type) {
    case 'text':
      return typeof block['text'] === 'string' && block['text'].trim() !== '' ? undefined : 'messages: text content blocks must be non-empty';
    case 'image':
      return imageProblem(block['source'], at);
    case 'document': {
      const source = block['source'];
      if (!isRecord(source)) return `${at}.source: required`;
      if (source['type'] === 'base64') return source['media_type'] === 'application/pdf' ? undefined : `${at}.source.media_type: application/pdf`;
      if (source['type'] === 'text') return source['media_type'] === 'text/plain' && typeof source['data'] === 'string' ? undefined : `${at}.source: text/plain`;
      return source['type'] === 'url' && typeof source['url'] === 'string' ? undefined : `${at}.source: unknown type`;
    }
    case 'tool_use':
      if (typeof block['id'] !== 'string' || !TOOL_USE_ID.test(block['id'])) return `${at}.id: String should match pattern '^[a-zA-Z0-9_-]+$'`;
      if (typeof block['name'] !== 'string') return `${at}.name: required`;
      return isRecord(block['input']) ? undefined : `${at}.input: dictionary expected`;
    case 'tool_result': {
      if (typeof block['tool_use_id'] !== 'string' || !TOOL_USE_ID.test(block['tool_use_id'])) return `${at}.tool_use_id: pattern`;
      const content = block['content'];
      if (content === undefined || typeof content === 'string') return undefined;
      if (!Array.isArray(content)) return `${at}.content: list expected`;
      for (const [k, part] of content.entries()) {
        if (!isRecord(part)) return `${at}.content.${k}: dictionary expected`;
        if (part['type'] === 'text') {
          if (typeof part['text'] !== 'string' || part['text'].trim() === '') return 'messages: text content blocks must be non-empty';
        } else if (part['type'] === 'image') {
          const problem = imageProblem(part['source'], `${at}.content.${k}`);
          if (problem !== undefined) return problem;
        } else return `${at}.content.${k}: unexpected type`;
      }
      return undefined;
    }
    case 'thinking':
      return typeof block['thinking'] === 'string' && typeof block['signature'] === 'string' && block['signature'] !== ''
        ? undefined
        : `${at}.signature: required`;
    case 'redacted_thinking':
      return typeof block['data'] === 'string' ? undefined : `${at}.data: required`;
    default:
      return undefined;
  }
}

function imageProblem(source: unknown, at: string): string | undefined {
  if (!isRecord(source)) return `${at}.source: required`;
  if (source['type'] === 'url') return typeof source['url'] === 'string' && /^https?:/.test(source['url']) ? undefined : `${at}.source.url: http(s) expected`;
  if (source['type'] !== 'base64') return `${at}.source.type: base64 or url`;
  if (!IMAGE_MEDIA_TYPES.has(String(source['media_type']))) return `${at}.source.media_type: jpeg, png, gif or webp`;
  return typeof source['data'] === 'string' && source['data'] !== '' ? undefined : `${at}.source.data: required`;
}

function toolsProblem(tools: unknown, choice: unknown, messages: unknown): string | undefined {
  const usesTools = Array.isArray(messages) && messages.some((m) => toolUseIds(m).length > 0);
  if (tools === undefined) {
    if (usesTools) return 'Requests which include `tool_use` or `tool_result` blocks must define tools.';
    return choice === undefined ? undefined : 'tool_choice: only with tools';
  }
  if (!Array.isArray(tools)) return 'tools: list expected';
  const names = new Set<string>();
  for (const [i, tool] of tools.entries()) {
    if (!isRecord(tool)) return `tools.${i}: dictionary expected`;
    const name = tool['name'];
    if (typeof name !== 'string' || !TOOL_NAME.test(name)) return `tools.${i}.name: pattern`;
    if (names.has(name)) return 'tools: Tool names must be unique.';
    names.add(name);
    const schema = tool['input_schema'];
    if (!isRecord(schema) || schema['type'] !== 'object') return `tools.${i}.input_schema.type: Input should be 'object'`;
    const extra = Object.keys(tool).find((key) => !['name', 'description', 'input_schema', 'strict'].includes(key));
    if (extra !== undefined) return `tools.${i}.${extra}: Extra inputs are not permitted`;
  }
  if (choice === undefined) return undefined;
  if (!isRecord(choice) || !['auto', 'any', 'tool', 'none'].includes(String(choice['type']))) return 'tool_choice: auto|any|tool|none';
  if (choice['type'] === 'none' && choice['disable_parallel_tool_use'] !== undefined) return 'tool_choice.none.disable_parallel_tool_use: Extra inputs are not permitted';
  return choice['type'] === 'tool' && !names.has(String(choice['name'])) ? 'tool_choice.name: unknown tool' : undefined;
}

function toolUseIds(message: unknown): unknown[] {
  if (!isRecord(message) || !Array.isArray(message['content'])) return [];
  return (message['content'] as Json[]).filter((b) => isRecord(b) && b['type'] === 'tool_use').map((b) => b['id']);
}
