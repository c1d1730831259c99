/**
 * The world of the Responses real-client spec: one built router in front of four upstream kinds, each a
 * strict mock, and what each mock answers (derived from the fixtures) and saw (read in its own format).
 * - `openai-responses`: an `openai` model with the default `api: auto`: Responses clients pass through to
 *   the mock's `POST /v1/responses`;
 * - `openai-chat`: an `api: chat` OpenAI-compatible server: Responses clients translated to chat;
 * - `anthropic`, `ollama`: translated to their native APIs.
 * Every hop has its own key, so a request reaching a mock with the client's key fails loudly.
 */
import { readFixture, readFixtureJson, readSseFixtureFrames, startMockAnthropic, startMockOllama, startMockOpenAI, type MockUpstream, type RecordedRequest, type ScriptedResponse } from '@llm-router/testing';
import type { StructuredAsk } from './real-clients-drivers.js';
import * as chatFixtures from './real-clients-fixtures.js';
import type { FixtureToolCall, FixtureUsage, RealProvider } from './real-clients-fixtures.js';
import { wireStructuredAsk, wireToolCalls, wireToolResults, type WireToolCall, type WireToolResult } from './real-clients-wire.js';
import { startRouter, type RunningRouter } from './start-router.js';

export type ResponsesUpstream = 'openai-responses' | 'openai-chat' | 'anthropic' | 'ollama';
export const RESPONSES_UPSTREAMS: readonly ResponsesUpstream[] = ['openai-responses', 'openai-chat', 'anthropic', 'ollama'];

/** The router model per upstream (unknown to every client library: no model-specific quirks). */
export const RESPONSES_MODELS: Readonly<Record<ResponsesUpstream, string>> = {
  'openai-responses': 'rr-openai',
  'openai-chat': 'rr-openai-chat',
  anthropic: 'rr-anthropic',
  ollama: 'rr-ollama',
};
/** A second router model per upstream whose name contains `codex` (LangChain sends those to Responses by itself). */
export const CODEX_MODELS: Readonly<Record<ResponsesUpstream, string>> = {
  'openai-responses': 'rr-codex-openai',
  'openai-chat': 'rr-codex-openai-chat',
  anthropic: 'rr-codex-anthropic',
  ollama: 'rr-codex-ollama',
};
export const RESPONSES_UPSTREAM_MODELS: Readonly<Record<ResponsesUpstream, string>> = {
  'openai-responses': 'gpt-4.1-mini',
  'openai-chat': 'qwen3-coder',
  anthropic: 'claude-haiku-4-5',
  ollama: 'qwen3:8b',
};
export const RESPONSES_CLIENT_KEY = 'sk-rr-client-openai-3c9d1f';
const UPSTREAM_KEYS: Readonly<Record<ResponsesUpstream, string>> = {
  'openai-responses': 'sk-rr-upstream-responses-8e2a41',
  'openai-chat': 'sk-rr-upstream-chat-5b7c03',
  anthropic: 'sk-ant-rr-upstream-d41e96',
  ollama: 'rr-upstream-ollama-0f6a2b',
};
const PATHS: Readonly<Record<ResponsesUpstream, string>> = {
  'openai-responses': '/v1/responses',
  'openai-chat': '/v1/chat/completions',
  anthropic: '/v1/messages',
  ollama: '/api/chat',
};
/** The chat-family fixture set of a translated upstream (the shared real-client helpers speak these). */
const CHAT_FAMILY: Readonly<Record<Exclude<ResponsesUpstream, 'openai-responses'>, RealProvider>> = { 'openai-chat': 'openai', anthropic: 'anthropic', ollama: 'ollama' };

export interface ResponsesWorld {
  router: RunningRouter;
  mocks: Record<ResponsesUpstream, MockUpstream>;
  /** The router's OpenAI base URL (`…/v1`). */
  baseUrl: string;
  /** Every request `upstream`'s mock received since the last reset (model listings left out). */
  requests(upstream: ResponsesUpstream): RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

export async function startResponsesWorld(): Promise<ResponsesWorld> {
  const mocks: Record<ResponsesUpstream, MockUpstream> = {
    'openai-responses': await startMockOpenAI({ apiKey: UPSTREAM_KEYS['openai-responses'] }),
    'openai-chat': await startMockOpenAI({ apiKey: UPSTREAM_KEYS['openai-chat'] }),
    anthropic: await startMockAnthropic({ apiKey: UPSTREAM_KEYS.anthropic }),
    ollama: await startMockOllama({ apiKey: UPSTREAM_KEYS.ollama }),
  };
  const modelConfig = (upstream: ResponsesUpstream) => ({
    provider: upstream.startsWith('openai') ? 'openai' : upstream,
    ...(upstream === 'openai-chat' ? { api: 'chat' } : {}),
    endpoint: upstream.startsWith('openai') ? `${mocks[upstream].origin}/v1` : mocks[upstream].origin,
    api_key: UPSTREAM_KEYS[upstream],
    actual_model_name: RESPONSES_UPSTREAM_MODELS[upstream],
    retry_config: { max_retries: 0 },
  });
  const models = Object.fromEntries(RESPONSES_UPSTREAMS.flatMap((upstream) => [RESPONSES_MODELS[upstream], CODEX_MODELS[upstream]].map((name) => [name, modelConfig(upstream)])));
  let router: RunningRouter;
  try {
    router = await startRouter({ config: { models } });
  } catch (error) {
    await Promise.all(Object.values(mocks).map((m) => m.close()));
    throw error;
  }
  return {
    router,
    mocks,
    baseUrl: `${router.url}/v1`,
    requests: (upstream) => mocks[upstream].requests.filter((r) => r.path === PATHS[upstream]),
    reset: () => Object.values(mocks).forEach((m) => m.reset()),
    close: async () => {
      await router.stop();
      await Promise.all(Object.values(mocks).map((m) => m.close()));
    },
  };
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

function sseEvents(fixture: string): Json[] {
  return readSseFixtureFrames(fixture).flatMap((frame) => {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice('data:'.length).trim())
      .join('\n');
    return data.startsWith('{') ? [JSON.parse(data) as Json] : [];
  });
}

/** The text of a Responses `response` object's message items. */
function outputText(response: Json): string {
  return records(response['output'])
    .filter((item) => item['type'] === 'message')
    .flatMap((item) => records(item['content']))
    .filter((part) => part['type'] === 'output_text')
    .map((part) => String(part['text']))
    .join('');
}

/** The text of the mock's default non-streamed answer. */
export function expectedText(upstream: ResponsesUpstream): string {
  return upstream === 'openai-responses' ? outputText(readFixtureJson<Json>('openai-responses/basic.response.json')) : chatFixtures.expectedText(CHAT_FAMILY[upstream]);
}

/** The text deltas of the mock's default stream (empty ones left out). */
export function expectedStreamDeltas(upstream: ResponsesUpstream): string[] {
  if (upstream !== 'openai-responses') return chatFixtures.expectedStreamDeltas(CHAT_FAMILY[upstream]);
  return sseEvents('openai-responses/basic.stream.sse')
    .filter((event) => event['type'] === 'response.output_text.delta')
    .map((event) => String(event['delta']))
    .filter((text) => text !== '');
}

/** The usage of the mock's default stream, in input/output tokens. */
export function expectedStreamUsage(upstream: ResponsesUpstream): FixtureUsage {
  if (upstream !== 'openai-responses') return chatFixtures.expectedStreamUsage(CHAT_FAMILY[upstream]);
  const completed = sseEvents('openai-responses/basic.stream.sse').find((event) => event['type'] === 'response.completed')!;
  const usage = (completed['response'] as Json)['usage'] as Json;
  return { input: Number(usage['input_tokens']), output: Number(usage['output_tokens']) };
}

/** The calls of the mock's default answer to a request offering tools. */
export function fixtureToolCalls(upstream: ResponsesUpstream): FixtureToolCall[] {
  if (upstream !== 'openai-responses') return chatFixtures.fixtureToolCalls(CHAT_FAMILY[upstream]);
  return records(readFixtureJson<Json>('openai-responses/tools.response.json')['output'])
    .filter((item) => item['type'] === 'function_call')
    .map((item) => ({ id: String(item['call_id']), name: String(item['name']), input: JSON.parse(String(item['arguments'])) as Json }));
}

/** The calls of the mock's default stream to a request offering tools (Responses: its `function_call` items as done). */
export function fixtureStreamToolCalls(upstream: ResponsesUpstream): FixtureToolCall[] {
  if (upstream !== 'openai-responses') return chatFixtures.fixtureStreamToolCalls(CHAT_FAMILY[upstream]);
  return sseEvents('openai-responses/tools.stream.sse')
    .filter((event) => event['type'] === 'response.output_item.done' && isRecord(event['item']) && event['item']['type'] === 'function_call')
    .map((event) => event['item'] as Json)
    .map((item) => ({ id: String(item['call_id']), name: String(item['name']), input: JSON.parse(String(item['arguments'])) as Json }));
}

/**
 * A streamed text answer and the text it carries: for the chat families `text` in their stream format;
 * for Responses the basic stream fixture as it is (its text is what the client must end with).
 */
export function textStreamAnswer(upstream: ResponsesUpstream, text: string): { script: ScriptedResponse; finalText: string } {
  if (upstream !== 'openai-responses') return { script: chatFixtures.textStreamAnswer(CHAT_FAMILY[upstream], text), finalText: text };
  return { script: { frames: readSseFixtureFrames('openai-responses/basic.stream.sse') }, finalText: expectedStreamDeltas(upstream).join('') };
}

/** A non-streamed text answer in the upstream's format, on its basic fixture. */
export function textAnswerBody(upstream: ResponsesUpstream, text: string): Json {
  if (upstream !== 'openai-responses') return chatFixtures.textAnswerBody(CHAT_FAMILY[upstream], text);
  const response = readFixtureJson<Json>('openai-responses/basic.response.json');
  const message = records(response['output']).find((item) => item['type'] === 'message')!;
  return { ...response, output: [{ ...message, content: [{ type: 'output_text', annotations: [], logprobs: [], text }] }] };
}

/** The reasoning text the mock's thinking answer carries (undefined: the upstream's mock has no thinking answer). */
export function expectedReasoning(upstream: ResponsesUpstream): string | undefined {
  switch (upstream) {
    case 'openai-responses':
      return records(readFixtureJson<Json>('openai-responses/reasoning.response.json')['output'])
        .filter((item) => item['type'] === 'reasoning')
        .flatMap((item) => records(item['summary']))
        .map((part) => String(part['text']))
        .join('\n\n');
    case 'anthropic':
      return records(readFixtureJson<Json>('anthropic/thinking.response.json')['content'])
        .filter((block) => block['type'] === 'thinking')
        .map((block) => String(block['thinking']))
        .join('');
    case 'ollama':
      return readFixture('ollama/chat.think.stream.ndjson')
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => String(((JSON.parse(line) as Json)['message'] as Json | undefined)?.['thinking'] ?? ''))
        .join('');
    case 'openai-chat':
      return undefined;
  }
}

/** The tool calls of the assistant turns of a request the mock saw, in its own format. */
export function sentToolCalls(upstream: ResponsesUpstream, body: Json): WireToolCall[] {
  if (upstream !== 'openai-responses') return wireToolCalls(CHAT_FAMILY[upstream], body);
  return records(body['input'])
    .filter((item) => item['type'] === 'function_call')
    .map((item) => ({ id: item['call_id'] as string | undefined, name: String(item['name']), input: JSON.parse(String(item['arguments'])) as unknown }));
}

/** The tool results a request the mock saw carried, in its own format. */
export function sentToolResults(upstream: ResponsesUpstream, body: Json): WireToolResult[] {
  if (upstream !== 'openai-responses') return wireToolResults(CHAT_FAMILY[upstream], body);
  return records(body['input'])
    .filter((item) => item['type'] === 'function_call_output')
    .map((item) => ({ id: item['call_id'] as string | undefined, name: undefined, text: typeof item['output'] === 'string' ? item['output'] : JSON.stringify(item['output']) }));
}

/** How a request the mock saw asked for structured output, and the schema's property names. */
export function sentStructuredAsk(upstream: ResponsesUpstream, body: Json): { ask: StructuredAsk | { kind: 'none' }; properties: string[]; strict?: unknown } {
  if (upstream !== 'openai-responses') return wireStructuredAsk(CHAT_FAMILY[upstream], body);
  const format = isRecord(body['text']) && isRecord(body['text']['format']) ? body['text']['format'] : undefined;
  if (format?.['type'] !== 'json_schema') return { ask: { kind: 'none' }, properties: [] };
  const schema = isRecord(format['schema']) && isRecord(format['schema']['properties']) ? format['schema']['properties'] : {};
  return { ask: { kind: 'json_schema' }, properties: Object.keys(schema).sort(), strict: format['strict'] };
}
