import { describe, expect, it } from '@jest/globals';
import { readFixtureJson } from '@llm-router/testing';
import { pair } from './families.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import { refusalOf } from './refusal.spec-helper.js';
import { clientRequest, type JsonBody } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// An Anthropic Messages client's requests, as the OpenAI and Ollama upstreams receive them: the fields
// each pair must get right (§5.1–§5.5). Where the other family's fixture is the same scenario, it is the
// expected translation.

const toOpenAI = pair('anthropic-messages', 'openai');
const toOllama = pair('anthropic-messages', 'ollama');
const messagesOf = (body: JsonBody) => body['messages'] as JsonBody[];

describe('anthropic-messages -> openai: request fields', () => {
  it('basic: the system blocks become ONE leading system message; the turns are the OpenAI fixture’s; user id and stop map', () => {
    const { encoded, context } = translateRequest(toOpenAI, clientRequest('anthropic-messages', 'basic'));
    const openAIFixture = readFixtureJson<JsonBody>('openai-chat/basic.request.json');
    expect(messagesOf(encoded.body)).toEqual(messagesOf(openAIFixture));
    expect(encoded.body).toMatchObject({ user: 'user-4f2a9c', stop: ['\n\nHuman:'], max_completion_tokens: 1024, temperature: 0.7 });
    // cache_control has no OpenAI form (OpenAI caches by itself): dropped without a 400.
    expect(JSON.stringify(encoded.body)).not.toContain('cache_control');
    expect(context.warnings).toEqual([]);
  });

  it('tools: the tools and tool choice are the OpenAI fixture’s (no `strict` was given, none is invented)', () => {
    const { encoded } = translateRequest(toOpenAI, clientRequest('anthropic-messages', 'tools'));
    const openAIFixture = readFixtureJson<JsonBody>('openai-chat/tools.stream.request.json');
    const tools = (openAIFixture['tools'] as Array<{ function: JsonBody }>).map(({ function: { strict: _strict, ...fn } }) => ({ type: 'function', function: fn }));
    expect(encoded.body['tools']).toEqual(tools);
    expect(encoded.body['tool_choice']).toBe('auto');
    expect(encoded.body).not.toHaveProperty('parallel_tool_calls');
    expect(messagesOf(encoded.body)).toEqual(messagesOf(openAIFixture));
  });

  it('tools follow-up: the results turn splits into one tool message per result, then the user text (§5.1); ids pair up', () => {
    const { encoded } = translateRequest(toOpenAI, clientRequest('anthropic-messages', 'tools-followup'));
    expect(messagesOf(encoded.body)).toEqual([
      { role: 'system', content: 'You are a weather assistant. Use tools when needed.' },
      { role: 'user', content: "What's the weather in Paris and Tokyo right now?" },
      {
        role: 'assistant',
        content: "I'll check the current weather in both cities.",
        tool_calls: [
          { id: 'toolu_01A09q90qw90lq917835lq9P', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } },
          { id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo","unit":"celsius"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_01A09q90qw90lq917835lq9P', content: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' },
      // OpenAI has no error flag on a tool result: `is_error` becomes an `Error: ` prefix (§5.4).
      { role: 'tool', tool_call_id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', content: 'Error: Weather service timeout for Tokyo' },
      { role: 'user', content: 'If Tokyo failed, just tell me about Paris.' },
    ]);
  });

  it('vision: base64 images become data URIs, URLs stay URLs, the PDF becomes a file part, in the original order', () => {
    const { encoded } = translateRequest(toOpenAI, clientRequest('anthropic-messages', 'vision'));
    const anthropicFixture = readFixtureJson<{ messages: Array<{ content: Array<{ source?: { data?: string; url?: string } }> }> }>('anthropic/vision.request.json');
    const [png, url, pdf] = anthropicFixture.messages[0]?.content ?? [];
    expect(messagesOf(encoded.body)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${png?.source?.data}` } },
          { type: 'image_url', image_url: { url: url?.source?.url } },
          { type: 'file', file: { file_data: `data:application/pdf;base64,${pdf?.source?.data}`, filename: 'tiny.pdf' } },
          { type: 'text', text: 'Compare these two images in one sentence, then say whether the PDF is empty.' },
        ],
      },
    ]);
  });

  it('thinking: the 2048-token budget becomes reasoning_effort "medium" (§5.5); no Anthropic field leaks', () => {
    const { encoded } = translateRequest(toOpenAI, clientRequest('anthropic-messages', 'thinking'));
    expect(encoded.body).toMatchObject({ reasoning_effort: 'medium', max_completion_tokens: 4096 });
    expect(encoded.body).not.toHaveProperty('thinking');
  });
});

describe('anthropic-messages -> ollama: request fields', () => {
  it('basic: the turns are the Ollama fixture’s (one leading system message, string contents)', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('anthropic-messages', 'basic'));
    expect(messagesOf(encoded.body)).toEqual(messagesOf(readFixtureJson<JsonBody>('ollama/chat.request.json')));
    expect(encoded.body['options']).toEqual({ num_predict: 1024, temperature: 0.7, stop: ['\n\nHuman:'] });
  });

  it('tools: the tools and turns are the Ollama fixture’s', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('anthropic-messages', 'tools'));
    const ollamaFixture = readFixtureJson<JsonBody>('ollama/chat.tools.request.json');
    expect(encoded.body['tools']).toEqual(ollamaFixture['tools']);
    expect(messagesOf(encoded.body)).toEqual(messagesOf(ollamaFixture));
  });

  it('tools follow-up: tool messages carry tool_name and tool_call_id, before the user text; arguments are objects (§6 #4)', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('anthropic-messages', 'tools-followup'));
    expect(messagesOf(encoded.body).slice(2)).toEqual([
      {
        role: 'assistant',
        content: "I'll check the current weather in both cities.",
        tool_calls: [
          { id: 'toolu_01A09q90qw90lq917835lq9P', function: { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } } },
          { id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', function: { name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } } },
        ],
      },
      { role: 'tool', tool_name: 'get_weather', tool_call_id: 'toolu_01A09q90qw90lq917835lq9P', content: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' },
      { role: 'tool', tool_name: 'get_weather', tool_call_id: 'toolu_01BvXk3mQz7Rt2Lp9Ns4Wd6Y', content: 'Error: Weather service timeout for Tokyo' },
      { role: 'user', content: 'If Tokyo failed, just tell me about Paris.' },
    ]);
  });

  it('vision: an image URL is refused naming the part, then the document; base64 images go to `images` raw', () => {
    const body = clientRequest('anthropic-messages', 'vision');
    const content = (body['messages'] as Array<{ content: JsonBody[] }>)[0]?.content ?? [];
    expect(refusalOf(() => translateRequest(toOllama, body))).toMatchObject({ status: 400, param: 'messages[0].content[1]' });

    const withoutUrl = { ...body, messages: [{ role: 'user', content: content.filter((_, j) => j !== 1) }] };
    expect(refusalOf(() => translateRequest(toOllama, withoutUrl))).toMatchObject({ status: 400, param: 'messages[0].content[1]' });

    const inlineOnly = { ...body, messages: [{ role: 'user', content: [content[0], content[3]] }] };
    const { encoded } = translateRequest(toOllama, inlineOnly);
    expect(upstreamProblem('ollama', encoded)).toBeUndefined();
    const png = (content[0]?.['source'] as { data: string }).data;
    expect(messagesOf(encoded.body)).toEqual([{ role: 'user', content: 'Compare these two images in one sentence, then say whether the PDF is empty.', images: [png] }]);
  });

  it('thinking: enabled thinking becomes think:true, max_tokens num_predict', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('anthropic-messages', 'thinking'));
    expect(encoded.body).toMatchObject({ think: true, options: { num_predict: 4096 } });
  });
});
