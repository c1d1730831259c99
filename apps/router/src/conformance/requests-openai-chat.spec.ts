import { describe, expect, it } from '@jest/globals';
import { readFixtureJson } from '@llm-router/testing';
import { pair, UPSTREAM_MODELS } from './families.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import { refusalOf } from './refusal.spec-helper.js';
import { clientRequest, type JsonBody } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// An OpenAI chat client's requests, as the Anthropic and Ollama upstreams receive them: the fields each
// pair must get right (§5.1–§5.5). Where the other family's fixture is the same scenario, it is the
// expected translation.

const toAnthropic = pair('openai-chat', 'anthropic');
const toOllama = pair('openai-chat', 'ollama');
const messagesOf = (body: JsonBody) => body['messages'] as JsonBody[];

/** Anthropic accepts a string or text blocks as content; the encoder always sends blocks. */
function withTextBlocks(messages: JsonBody[]): JsonBody[] {
  return messages.map((message) => (typeof message['content'] === 'string' ? { ...message, content: [{ type: 'text', text: message['content'] }] } : message));
}

describe('openai-chat -> anthropic: request fields', () => {
  it('basic: the system message becomes `system`; user -> metadata.user_id, stop -> stop_sequences; seed dropped with a warning', () => {
    const { encoded, context } = translateRequest(toAnthropic, clientRequest('openai-chat', 'basic'));
    expect(encoded.body).toMatchObject({
      system: 'You are a concise assistant.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Give me a one-sentence fun fact about octopuses.' }] }],
      metadata: { user_id: 'user-4f2a9c' },
      stop_sequences: ['\n\nUser:'],
      max_tokens: 256,
      temperature: 0.7,
    });
    expect(encoded.body).not.toHaveProperty('seed');
    expect(encoded.body).not.toHaveProperty('n');
    expect(context.warnings).toEqual([expect.stringMatching(/^seed: /)]);
  });

  it('tools: the Anthropic fixture is the translation (max_tokens defaulted to 4096: the client set none)', () => {
    const { encoded } = translateRequest(toAnthropic, clientRequest('openai-chat', 'tools'));
    const anthropicFixture = readFixtureJson<JsonBody>('anthropic/tools.stream.request.json');
    expect(encoded.body).toEqual({
      ...anthropicFixture,
      model: UPSTREAM_MODELS.anthropic,
      max_tokens: 4096,
      messages: withTextBlocks(messagesOf(anthropicFixture)),
    });
  });

  it('tools follow-up: the tool messages become ONE user turn of tool_result blocks right after the calls (§6 #20); ids kept on both sides', () => {
    const { encoded } = translateRequest(toAnthropic, clientRequest('openai-chat', 'tools-followup'));
    const [, assistant, results] = messagesOf(encoded.body);
    expect(messagesOf(encoded.body)).toHaveLength(3);
    expect(assistant).toEqual({
      role: 'assistant',
      content: [
        { type: 'tool_use', id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
        { type: 'tool_use', id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather', input: { city: 'Tokyo', unit: 'celsius' } },
      ],
    });
    expect(results).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', content: [{ type: 'text', text: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' }] },
        { type: 'tool_result', tool_use_id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', content: [{ type: 'text', text: '{"city":"Tokyo","temp_c":17,"conditions":"clear"}' }] },
      ],
    });
  });

  it('vision: the data URI becomes a base64 source, the https URL a url source (§6 #13); `detail` is dropped', () => {
    const { encoded } = translateRequest(toAnthropic, clientRequest('openai-chat', 'vision'));
    const anthropicFixture = readFixtureJson<{ messages: Array<{ content: JsonBody[] }> }>('anthropic/vision.request.json');
    const [png, url] = anthropicFixture.messages[0]?.content ?? [];
    expect(messagesOf(encoded.body)).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Compare these two images in one sentence.' }, png, url] }]);
  });

  it('thinking: reasoning_effort "medium" is the Anthropic fixture’s 2048-token budget; the Anthropic fixture is the translation', () => {
    const { encoded } = translateRequest(toAnthropic, clientRequest('openai-chat', 'thinking'));
    const anthropicFixture = readFixtureJson<JsonBody>('anthropic/thinking.stream.request.json');
    expect(encoded.body).toEqual({ ...anthropicFixture, model: UPSTREAM_MODELS.anthropic, messages: withTextBlocks(messagesOf(anthropicFixture)) });
  });
});

describe('openai-chat -> ollama: request fields', () => {
  it('basic: the turns are the Ollama fixture’s; sampling goes to `options`, `user` is dropped', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('openai-chat', 'basic'));
    expect(messagesOf(encoded.body)).toEqual(messagesOf(readFixtureJson<JsonBody>('ollama/chat.request.json')));
    expect(encoded.body['options']).toEqual({ num_predict: 256, temperature: 0.7, top_p: 1, stop: ['\n\nUser:'], seed: 42 });
    expect(encoded.body).not.toHaveProperty('user');
  });

  it('tools: the Ollama fixture is the translation (`strict` dropped; `think` left to the model)', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('openai-chat', 'tools'));
    const { think: _think, ...ollamaFixture } = readFixtureJson<JsonBody>('ollama/chat.tools.request.json');
    expect(encoded.body).toEqual({ ...ollamaFixture, model: UPSTREAM_MODELS.ollama, options: {} });
  });

  it('tools follow-up: the Ollama fixture is the translation, with the client’s tool call ids', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('openai-chat', 'tools-followup'));
    const ids: Record<string, string> = { call_k3v9x2qa: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', call_p7m1z8rd: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb' };
    const fixtureText = JSON.stringify(readFixtureJson('ollama/chat.tools.followup.request.json'));
    const ollamaFixture = JSON.parse(fixtureText.replace(/call_k3v9x2qa|call_p7m1z8rd/g, (id) => ids[id] ?? id)) as JsonBody;
    expect(encoded.body).toEqual({ ...ollamaFixture, model: UPSTREAM_MODELS.ollama, options: {} });
  });

  it('vision: the image URL is refused naming the part; the data URI goes to `images` as raw base64', () => {
    const body = clientRequest('openai-chat', 'vision');
    expect(refusalOf(() => translateRequest(toOllama, body))).toMatchObject({ status: 400, param: 'messages[0].content[2]' });

    const message = (body['messages'] as Array<{ content: JsonBody[] }>)[0];
    const inlineOnly = { ...body, messages: [{ role: 'user', content: message?.content.slice(0, 2) }] };
    const { encoded } = translateRequest(toOllama, inlineOnly);
    expect(upstreamProblem('ollama', encoded)).toBeUndefined();
    const ollamaFixture = readFixtureJson<{ messages: Array<{ images: string[] }> }>('ollama/chat.vision.request.json');
    expect(messagesOf(encoded.body)).toEqual([{ role: 'user', content: 'Compare these two images in one sentence.', images: ollamaFixture.messages[0]?.images }]);
  });

  it('thinking: a reasoning effort turns thinking on', () => {
    const { encoded } = translateRequest(toOllama, clientRequest('openai-chat', 'thinking'));
    expect(encoded.body).toMatchObject({ think: true, stream: true });
  });
});
