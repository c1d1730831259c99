import type { ClientFormat } from '@llm-router/core';
import { readFixture, readFixtureJson } from '@llm-router/testing';
import type { UpstreamFamily } from './families.spec-helper.js';
import { accumulateOllamaStream, ndjsonLines } from './ollama-accumulation.spec-helper.js';
import { RESPONSES_REQUESTS } from './responses-requests.spec-helper.js';

// The shared fixtures (libs/testing/fixtures) by scenario. Every family has the same scenarios (an
// octopus fact, get_weather for Paris and Tokyo with two parallel calls, a prime check with thinking), so
// one family's fixture is another's expected translation.

/** Request scenarios: `basic-stream` is the basic request with `stream:true`; legacy completions have only the basic ones. */
export type RequestScenario = 'basic' | 'basic-stream' | 'tools' | 'tools-followup' | 'vision' | 'thinking';
/** Answer scenarios (complete answers and streams). */
export type AnswerScenario = 'basic' | 'tools' | 'thinking';

export type JsonBody = Record<string, unknown>;

const json = (path: string) => (): JsonBody => readFixtureJson<JsonBody>(path);

/**
 * There is no OpenAI reasoning fixture: the thinking request is the Anthropic fixture's prompt with the
 * reasoning effort that maps to its budget (medium = 2048 tokens), streamed with usage.
 */
function openAIChatThinkingRequest(): JsonBody {
  return {
    model: 'gpt-4.1-mini',
    messages: [{ role: 'user', content: 'Is 1001 prime? Answer briefly.' }],
    reasoning_effort: 'medium',
    stream: true,
    stream_options: { include_usage: true },
  };
}

const CLIENT_REQUESTS: Readonly<Record<ClientFormat, Partial<Record<RequestScenario, () => JsonBody>>>> = {
  'openai-chat': {
    basic: json('openai-chat/basic.request.json'),
    'basic-stream': json('openai-chat/basic.stream.request.json'),
    tools: json('openai-chat/tools.stream.request.json'),
    'tools-followup': json('openai-chat/tools.followup.request.json'),
    vision: json('openai-chat/vision.request.json'),
    thinking: openAIChatThinkingRequest,
  },
  'openai-completions': {
    basic: json('openai-completions/basic.request.json'),
    'basic-stream': json('openai-completions/stream.request.json'),
  },
  'openai-responses': RESPONSES_REQUESTS,
  'anthropic-messages': {
    basic: json('anthropic/basic.request.json'),
    'basic-stream': json('anthropic/basic.stream.request.json'),
    tools: json('anthropic/tools.stream.request.json'),
    'tools-followup': json('anthropic/tools.followup.request.json'),
    vision: json('anthropic/vision.request.json'),
    thinking: json('anthropic/thinking.stream.request.json'),
  },
};

export function requestScenarios(client: ClientFormat): RequestScenario[] {
  return Object.keys(CLIENT_REQUESTS[client]) as RequestScenario[];
}

/** The client family's request fixture for a scenario (a fresh object per call). */
export function clientRequest(client: ClientFormat, scenario: RequestScenario): JsonBody {
  const read = CLIENT_REQUESTS[client][scenario];
  if (read === undefined) throw new Error(`${client} has no ${scenario} request`);
  return read();
}

/** The streaming request of an answer scenario: it says whether an OpenAI client wants usage in the stream. */
export function streamingRequest(client: ClientFormat, scenario: AnswerScenario): JsonBody {
  return clientRequest(client, scenario === 'basic' ? 'basic-stream' : scenario);
}

export function answerScenarios(client: ClientFormat): AnswerScenario[] {
  return client === 'openai-completions' ? ['basic'] : ['basic', 'tools', 'thinking'];
}

/** The client family's own answer for a scenario, when it has one (OpenAI has no reasoning fixture). */
export function clientAnswer(client: ClientFormat, scenario: AnswerScenario): JsonBody | undefined {
  const paths: Record<ClientFormat, Partial<Record<AnswerScenario, string>>> = {
    'openai-chat': { basic: 'openai-chat/basic.response.json', tools: 'openai-chat/tools.response.json' },
    'openai-completions': { basic: 'openai-completions/basic.response.json' },
    'openai-responses': {},
    'anthropic-messages': { basic: 'anthropic/basic.response.json', tools: 'anthropic/tools.response.json', thinking: 'anthropic/thinking.response.json' },
  };
  const path = paths[client][scenario];
  return path === undefined ? undefined : readFixtureJson<JsonBody>(path);
}

/** An upstream's complete answer and its stream for one scenario. */
export interface UpstreamAnswer {
  response: unknown;
  stream: Buffer;
}

/**
 * The upstream family's answer for a scenario, as the upstream sends it to this client format's
 * translation (a legacy completion reaches Ollama's `/api/generate`, everything else `/api/chat`), or
 * undefined where the fixtures have none (OpenAI reasoning). Ollama's non-streamed tools and thinking
 * answers are the accumulation of their stream fixtures, as Ollama (and the mock) send them.
 */
export function upstreamAnswer(upstream: UpstreamFamily, scenario: AnswerScenario, client: ClientFormat): UpstreamAnswer | undefined {
  switch (upstream) {
    case 'openai':
      if (scenario === 'thinking') return undefined;
      return { response: readFixtureJson(`openai-chat/${scenario}.response.json`), stream: readFixture(`openai-chat/${scenario}.stream.sse`) };
    case 'openai-responses': {
      const name = scenario === 'thinking' ? 'reasoning' : scenario;
      return { response: readFixtureJson(`openai-responses/${name}.response.json`), stream: readFixture(`openai-responses/${name}.stream.sse`) };
    }
    case 'anthropic':
      return { response: readFixtureJson(`anthropic/${scenario}.response.json`), stream: readFixture(`anthropic/${scenario}.stream.sse`) };
    case 'ollama': {
      if (client === 'openai-completions') return { response: readFixtureJson('ollama/generate.response.json'), stream: readFixture('ollama/generate.stream.ndjson') };
      if (scenario === 'basic') return { response: readFixtureJson('ollama/chat.response.json'), stream: readFixture('ollama/chat.stream.ndjson') };
      const stream = readFixture(`ollama/chat.${scenario === 'tools' ? 'tools' : 'think'}.stream.ndjson`);
      return { response: accumulateOllamaStream(stream), stream };
    }
  }
}

/**
 * The upstream's mid-stream failure: text deltas, then its in-band error (OpenAI `data: {"error":…}`,
 * Anthropic `event: error`, Ollama an `{"error":…}` line), and no success ending. For `/api/generate`
 * the Ollama lines are in generate's shape, as the mock sends them.
 */
export function upstreamMidstreamError(upstream: UpstreamFamily, client: ClientFormat): Buffer {
  if (upstream === 'openai') return readFixture('openai-chat/error.midstream.sse');
  if (upstream === 'anthropic') return readFixture('anthropic/error.midstream.sse');
  if (upstream === 'openai-responses') return readFixture('openai-responses/error.midstream.sse');
  const bytes = readFixture('ollama/error.midstream.ndjson');
  if (client !== 'openai-completions') return bytes;
  const lines = ndjsonLines(bytes).map((line) =>
    line.message === undefined ? line : { model: line.model, created_at: line.created_at, response: line.message.content ?? '', done: line.done },
  );
  return Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}
