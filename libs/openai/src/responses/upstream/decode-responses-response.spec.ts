import { describe, expect, it } from '@jest/globals';
import { fixtureJson, rejection, testContext } from '../../test-context.spec-helper.js';
import { decodeResponsesResponse } from './decode-responses-response.js';

const response = (overrides: Record<string, unknown>) => ({ ...(fixtureJson('openai-responses/basic.response.json') as Record<string, unknown>), ...overrides });

describe('decodeResponsesResponse', () => {
  it('decodes basic.response.json: the message text (an empty reasoning item gives nothing), end_turn, usage with reasoning tokens', () => {
    expect(decodeResponsesResponse(fixtureJson('openai-responses/basic.response.json'), testContext())).toEqual({
      id: 'resp_0c4f8a2e7b1d93a60168f3b2a7d0c88191a3f6e2b9c4d7e1f0',
      model: 'gpt-5-mini-2025-08-07',
      parts: [{ type: 'text', text: 'Octopuses have three hearts: two pump blood through the gills and one pumps it to the rest of the body.' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 27, outputTokens: 87, cacheReadTokens: 0, reasoningTokens: 64 },
      created: 1795442712,
    });
  });

  it('decodes tools.response.json: function_call items as tool calls keyed by call_id, arguments parsed, tool_use', () => {
    const answer = decodeResponsesResponse(fixtureJson('openai-responses/tools.response.json'), testContext());
    expect(answer.parts).toEqual([
      { type: 'tool_call', id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
      { type: 'tool_call', id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
    ]);
    expect(answer.stopReason).toBe('tool_use');
  });

  it('decodes reasoning.response.json: the summary as thinking (no signature) before the text', () => {
    const answer = decodeResponsesResponse(fixtureJson('openai-responses/reasoning.response.json'), testContext());
    expect(answer.parts.map((part) => part.type)).toEqual(['thinking', 'text']);
    expect(answer.parts[0]).toEqual({ type: 'thinking', text: expect.stringContaining('1001 = 7 × 143') });
    expect(answer.usage.reasoningTokens).toBe(176);
  });

  it('maps incomplete max_output_tokens to a length stop, content_filter to content_filter, another reason to other with the raw value', () => {
    const cut = (reason: string) => response({ status: 'incomplete', incomplete_details: { reason } });
    expect(decodeResponsesResponse(cut('max_output_tokens'), testContext()).stopReason).toBe('max_tokens');
    expect(decodeResponsesResponse(cut('content_filter'), testContext()).stopReason).toBe('content_filter');
    expect(decodeResponsesResponse(cut('something_new'), testContext())).toMatchObject({ stopReason: 'other', rawStopReason: 'something_new' });
  });

  it('keeps a refusal as text, cached tokens as cache reads, and drops a hosted tool item with a warning', () => {
    const context = testContext();
    const answer = decodeResponsesResponse(
      response({
        output: [
          { type: 'web_search_call', id: 'ws_1', status: 'completed' },
          { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] },
        ],
        usage: { input_tokens: 2000, input_tokens_details: { cached_tokens: 1536 }, output_tokens: 9, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 2009 },
      }),
      context,
    );
    expect(answer.parts).toEqual([{ type: 'text', text: 'I cannot help with that.' }]);
    expect(answer.usage).toEqual({ inputTokens: 2000, outputTokens: 9, cacheReadTokens: 1536, reasoningTokens: 0 });
    expect(context.warnings).toEqual(['output[0]: upstream item of type web_search_call has no translation, dropped']);
  });

  it('a failed response is its error (kind from the code); a body that is no response is a bad_gateway', () => {
    const failed = rejection(() => decodeResponsesResponse(response({ status: 'failed', error: { code: 'rate_limit_exceeded', message: 'Slow down' } }), testContext()));
    expect(failed).toMatchObject({ kind: 'rate_limit', message: 'openai: Slow down', provider: 'openai' });
    expect(rejection(() => decodeResponsesResponse({ error: { type: 'server_error', message: 'boom' } }, testContext()))).toMatchObject({ kind: 'api_error' });
    expect(rejection(() => decodeResponsesResponse({ object: 'chat.completion', choices: [] }, testContext()))).toMatchObject({ kind: 'bad_gateway' });
  });

  it('estimates usage, with a warning, when the upstream reports none', () => {
    const context = testContext();
    expect(decodeResponsesResponse(response({ usage: null }), context).usage).toEqual({ inputTokens: 100, outputTokens: 0 });
    expect(context.warnings).toEqual(['usage: the upstream reported none, input tokens estimated']);
  });
});
