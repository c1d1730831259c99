import { describe, expect, it } from '@jest/globals';
import { readFixtureJson } from '../fixture-files.js';
import type { JsonObject } from '../json-value.js';
import { validateMessagesRequest } from './validate-messages-request.js';

const user = { role: 'user', content: 'hi' };
const body = (extra: JsonObject): JsonObject => ({ model: 'claude-haiku-4-5', max_tokens: 100, messages: [user], ...extra });
const toolUse = (id: string) => ({ type: 'tool_use', id, name: 'get_weather', input: { city: 'Paris' } });
const toolResult = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'sunny' });

describe('validateMessagesRequest', () => {
  it.each(['basic.request.json', 'basic.stream.request.json', 'tools.stream.request.json', 'tools.followup.request.json', 'thinking.stream.request.json', 'vision.request.json'])(
    'accepts the fixture anthropic/%s',
    (name) => {
      expect(validateMessagesRequest(readFixtureJson<JsonObject>(`anthropic/${name}`), 'messages')).toBeUndefined();
    },
  );

  it('accepts the count_tokens fixture, which has no max_tokens, and refuses max_tokens there', () => {
    const countBody = readFixtureJson<JsonObject>('anthropic/count_tokens.request.json');
    expect(validateMessagesRequest(countBody, 'count_tokens')).toBeUndefined();
    expect(validateMessagesRequest({ ...countBody, max_tokens: 5 }, 'count_tokens')).toBe('max_tokens: Extra inputs are not permitted');
  });

  it.each<[string, JsonObject, string | RegExp]>([
    ['an unknown field', body({ n: 2 }), 'n: Extra inputs are not permitted'],
    ['an OpenAI field', body({ max_completion_tokens: 5 }), 'max_completion_tokens: Extra inputs are not permitted'],
    ['a missing max_tokens', { model: 'm', messages: [user] }, 'max_tokens: Field required'],
    ['max_tokens 0', body({ max_tokens: 0 }), 'max_tokens: Input should be greater than or equal to 1'],
    ['a decimal max_tokens', body({ max_tokens: 1.5 }), 'max_tokens: Input should be a valid integer'],
    ['a missing model', { max_tokens: 5, messages: [user] }, 'model: Field required'],
    ['empty messages', body({ messages: [] }), 'messages: at least one message is required'],
    ['a system role', body({ messages: [{ role: 'system', content: 'be brief' }, user] }), "messages.0.role: Input should be 'user' or 'assistant'"],
    ['an empty user string', body({ messages: [{ role: 'user', content: '' }] }), /^messages\.0: all messages must have non-empty content/],
    ['an empty text block', body({ messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }), 'messages: text content blocks must be non-empty'],
    ['a whitespace text block', body({ messages: [{ role: 'user', content: [{ type: 'text', text: ' \n' }] }] }), 'messages: text content blocks must contain non-whitespace text'],
    ['an OpenAI image_url part', body({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x' } }] }] }), /^messages\.0\.content\.0: Input tag 'image_url' found/],
    ['a bad image media type', body({ messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/svg+xml', data: 'x' } }] }] }), /^messages\.0\.content\.0\.image\.source\.base64\.media_type/],
    ['an invalid tool_use id', body({ messages: [user, { role: 'assistant', content: [toolUse('functions.get_weather:0')] }, { role: 'user', content: [toolResult('functions.get_weather:0')] }] }), "messages.1.content.0.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'"],
    ['a tool_use without result', body({ messages: [user, { role: 'assistant', content: [toolUse('toolu_1'), toolUse('toolu_2')] }, { role: 'user', content: [toolResult('toolu_1')] }] }), /^messages\.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_2\./],
    ['a tool_result after text', body({ messages: [user, { role: 'assistant', content: [toolUse('toolu_1')] }, { role: 'user', content: [{ type: 'text', text: 'here' }, toolResult('toolu_1')] }] }), /^messages\.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_1\./],
    ['a tool_result without tool_use', body({ messages: [{ role: 'user', content: [toolResult('toolu_9')] }] }), /^messages\.0\.content\.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_9\./],
    ['duplicate tool_use ids', body({ messages: [user, { role: 'assistant', content: [toolUse('toolu_1'), toolUse('toolu_1')] }, { role: 'user', content: [toolResult('toolu_1')] }] }), 'messages.1.content.1: `tool_use` ids must be unique'],
    ['a tool_use in a user message', body({ messages: [{ role: 'user', content: [toolUse('toolu_1')] }] }), /can only appear in assistant messages/],
    ['a tool without input_schema', body({ tools: [{ name: 'get_weather' }] }), 'tools.0.custom.input_schema: Field required'],
    ['an OpenAI-shaped tool', body({ tools: [{ type: 'function', function: { name: 'get_weather' } }] }), 'tools.0.function.name: Field required'],
    ['an OpenAI tool_choice string', body({ tool_choice: 'auto' }), 'tool_choice: Input should be a valid dictionary'],
    ['a thinking budget below 1024', body({ thinking: { type: 'enabled', budget_tokens: 512 } }), 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024'],
    ['a thinking budget not below max_tokens', body({ max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 2048 } }), /^`max_tokens` must be greater than `thinking.budget_tokens`/],
    ['temperature above 1', body({ temperature: 1.5 }), 'temperature: Input should be less than or equal to 1'],
    ['an empty system text block', body({ system: [{ type: 'text', text: '' }] }), 'system: text content blocks must be non-empty'],
    ['a string stream flag', body({ stream: 'yes' }), 'stream: Input should be a valid boolean'],
  ])('refuses %s', (_name, request, expected) => {
    const found = validateMessagesRequest(request, 'messages');
    if (expected instanceof RegExp) expect(found).toMatch(expected);
    else expect(found).toBe(expected);
  });

  it('accepts an empty final assistant prefill and server tools', () => {
    const request = body({
      messages: [user, { role: 'assistant', content: '' }],
      tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 2 }],
      tool_choice: { type: 'none' },
    });
    expect(validateMessagesRequest(request, 'messages')).toBeUndefined();
  });

  describe('what the real API accepts from real clients', () => {
    const schema = { type: 'object', properties: {} };
    const CLAUDE_CODE_BETAS = ['claude-code-20250219', 'interleaved-thinking-2025-05-14', 'context-management-2025-06-27', 'advanced-tool-use-2025-11-20', 'effort-2025-11-24'];

    it.each(['claude-code-first-turn.request.json', 'claude-code-tool-search.request.json'])('accepts the captured Claude Code body anthropic/%s', (name) => {
      expect(validateMessagesRequest(readFixtureJson<JsonObject>(`anthropic/${name}`), 'messages', CLAUDE_CODE_BETAS)).toBeUndefined();
    });

    it('accepts tools[].eager_input_streaming (@ai-sdk/anthropic) and defer_loading, as booleans only', () => {
      expect(validateMessagesRequest(body({ tools: [{ name: 'a', input_schema: schema, eager_input_streaming: true }] }), 'messages')).toBeUndefined();
      expect(validateMessagesRequest(body({ tools: [{ name: 'a', input_schema: schema, defer_loading: true }] }), 'messages')).toBeUndefined();
      expect(validateMessagesRequest(body({ tools: [{ name: 'a', input_schema: schema, eager_input_streaming: 'yes' }] }), 'messages')).toBe('tools.0.custom.eager_input_streaming: Input should be a valid boolean');
      expect(validateMessagesRequest(body({ tools: [{ name: 'a', input_schema: schema, defer_loading: 1 }] }), 'messages')).toBe('tools.0.custom.defer_loading: Input should be a valid boolean');
      expect(validateMessagesRequest(body({ tools: [{ name: 'a', input_schema: schema, loading: 'lazy' }] }), 'messages')).toBe('tools.0.custom.loading: Extra inputs are not permitted');
    });

    it('accepts a tool_reference in a tool_result when the tool is declared, and refuses one that is not', () => {
      const search = { type: 'tool_use', id: 'toolu_s', name: 'ToolSearch', input: { query: 'select:late' } };
      const reference = (name: string) => ({ type: 'tool_result', tool_use_id: 'toolu_s', content: [{ type: 'tool_reference', tool_name: name }] });
      const tools = [{ name: 'ToolSearch', input_schema: schema }, { name: 'late', input_schema: schema, defer_loading: true }];
      const turn = (name: string) => body({ tools, messages: [user, { role: 'assistant', content: [search] }, { role: 'user', content: [reference(name)] }] });
      expect(validateMessagesRequest(turn('late'), 'messages')).toBeUndefined();
      expect(validateMessagesRequest(turn('missing'), 'messages')).toBe('messages.2.content.0.tool_result.content.0.tool_reference: Tool reference \'missing\' not found in available tools');
      const noName = body({ tools, messages: [user, { role: 'assistant', content: [search] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_s', content: [{ type: 'tool_reference' }] }] }] });
      expect(validateMessagesRequest(noName, 'messages')).toBe('messages.2.content.0.tool_result.content.0.tool_reference.tool_name: Field required');
    });

    it("accepts role: system messages under Claude Code's beta, and still refuses them without it", () => {
      const withSystem = body({ messages: [user, { role: 'assistant', content: 'ok' }, { role: 'system', content: 'be brief' }, user] });
      expect(validateMessagesRequest(withSystem, 'messages', CLAUDE_CODE_BETAS)).toBeUndefined();
      expect(validateMessagesRequest(withSystem, 'messages')).toBe("messages.2.role: Input should be 'user' or 'assistant'");
      const badSystem = body({ messages: [{ role: 'system', content: [{ type: 'image', source: { type: 'url', url: 'https://x' } }] }, user] });
      expect(validateMessagesRequest(badSystem, 'messages', CLAUDE_CODE_BETAS)).toBe("messages.0.content.0.type: Input should be 'text'");
    });

    it('accepts context_management (Claude Code, context-management beta), as an object only', () => {
      expect(validateMessagesRequest(body({ context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] } }), 'messages')).toBeUndefined();
      expect(validateMessagesRequest(body({ context_management: 'clear' }), 'messages')).toBe('context_management: Input should be a valid dictionary');
    });

    it('accepts output_config.effort levels and refuses an unknown one', () => {
      expect(validateMessagesRequest(body({ thinking: { type: 'adaptive' }, output_config: { effort: 'max' } }), 'messages')).toBeUndefined();
      expect(validateMessagesRequest(body({ output_config: { effort: 'extreme' } }), 'messages')).toBe("output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'");
    });
  });
});
