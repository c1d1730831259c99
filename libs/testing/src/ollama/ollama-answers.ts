import { readFixtureJson } from '../fixture-files.js';
import { isRecord, type JsonObject } from '../json-value.js';
import type { AnswerPlan, WireAnswer } from '../wire-answer.js';
import { fullModelName } from './ollama-model-names.js';
import { readNdjsonFixture } from './ndjson-fixture-lines.js';

/** What `GET /api/version` reports. */
export const MOCK_OLLAMA_VERSION = '0.13.0';

/**
 * An NDJSON stream (`application/x-ndjson`): one object per line, each line its own write. Flagged as a
 * stream for the shared engine (`streamsStarted`/`streamsCompleted`, headers flushed at once).
 */
export function ndjsonAnswer(objects: readonly JsonObject[]): WireAnswer {
  return { status: 200, headers: { 'content-type': 'application/x-ndjson' }, chunks: objects.map((object) => `${JSON.stringify(object)}\n`), sse: true };
}

/** A complete JSON answer with the content type Ollama (gin) sends. */
export function ollamaJsonAnswer(body: unknown): WireAnswer {
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, chunks: [JSON.stringify(body)], sse: false };
}

/**
 * Which chat scenario answers: tools when tools are offered, else thinking when `think` is on (true or
 * a level), else the plain text answer.
 */
function chatScenario(body: JsonObject): 'chat.tools' | 'chat.think' | 'chat' {
  if (Array.isArray(body['tools']) && body['tools'].length > 0) return 'chat.tools';
  const think = body['think'];
  if (think === true || (typeof think === 'string' && think !== '')) return 'chat.think';
  return 'chat';
}

/**
 * The answer to a validated `/api/chat` request, streamed unless `stream` is false (Ollama's default).
 * The model is echoed on every line. Without streaming: `chat.response.json`, or for tools/thinking the
 * accumulation of the stream fixture (what Ollama sends for `stream:false`).
 */
export function chatAnswers(body: JsonObject): AnswerPlan {
  const model = String(body['model']);
  const scenario = chatScenario(body);
  const midstream = ndjsonAnswer(withModel(readNdjsonFixture('ollama/error.midstream.ndjson'), model));
  const lines = withModel(readNdjsonFixture(`ollama/${scenario}.stream.ndjson`), model);
  if (body['stream'] !== false) return { kind: 'plan', success: ndjsonAnswer(lines), midstream, model };
  const response = scenario === 'chat' ? { ...readFixtureJson<JsonObject>('ollama/chat.response.json'), model } : accumulateChat(lines);
  return { kind: 'plan', success: ollamaJsonAnswer(response), midstream, model };
}

/**
 * The answer to a validated `/api/generate` request, streamed unless `stream` is false. In raw mode the
 * final line carries no `context` (as on the real server). The mid-stream failure is
 * error.midstream.ndjson in generate's shape (`response` instead of `message`).
 */
export function generateAnswers(body: JsonObject): AnswerPlan {
  const model = String(body['model']);
  const midstream = ndjsonAnswer(withModel(readNdjsonFixture('ollama/error.midstream.ndjson'), model).map(toGenerateLine));
  if (body['stream'] === false) {
    return { kind: 'plan', success: ollamaJsonAnswer({ ...readFixtureJson<JsonObject>('ollama/generate.response.json'), model }), midstream, model };
  }
  const lines = withModel(readNdjsonFixture('ollama/generate.stream.ndjson'), model);
  if (body['raw'] === true) for (const line of lines) delete line['context'];
  return { kind: 'plan', success: ndjsonAnswer(lines), midstream, model };
}

/** `GET /api/tags`: tags.response.json, or entries for `models` (fixture entries reused by name). */
export function tagsAnswer(models: readonly string[] | undefined): WireAnswer {
  const fixture = readFixtureJson<{ models: JsonObject[] }>('ollama/tags.response.json');
  if (models === undefined) return ollamaJsonAnswer(fixture);
  const template = fixture.models[0] ?? {};
  const entries = models.map((name) => {
    const full = fullModelName(name);
    return fixture.models.find((entry) => entry['name'] === full) ?? { ...template, name: full, model: full };
  });
  return ollamaJsonAnswer({ models: entries });
}

export function versionAnswer(): WireAnswer {
  return ollamaJsonAnswer({ version: MOCK_OLLAMA_VERSION });
}

function withModel(lines: JsonObject[], model: string): JsonObject[] {
  for (const line of lines) if ('model' in line) line['model'] = model;
  return lines;
}

/** A chat stream as the single object Ollama sends with `stream:false`: texts joined, calls collected, the last line's metrics. */
function accumulateChat(lines: readonly JsonObject[]): JsonObject {
  let content = '';
  let thinking = '';
  const toolCalls: unknown[] = [];
  for (const line of lines) {
    const message = line['message'];
    if (!isRecord(message)) continue;
    if (typeof message['content'] === 'string') content += message['content'];
    if (typeof message['thinking'] === 'string') thinking += message['thinking'];
    if (Array.isArray(message['tool_calls'])) toolCalls.push(...(message['tool_calls'] as unknown[]));
  }
  const message: JsonObject = { role: 'assistant', content };
  if (thinking !== '') message['thinking'] = thinking;
  if (toolCalls.length > 0) message['tool_calls'] = toolCalls;
  return { ...(lines.at(-1) ?? {}), message };
}

function toGenerateLine(line: JsonObject): JsonObject {
  const message = line['message'];
  if (!isRecord(message)) return line;
  const { message: _message, ...rest } = line;
  return { model: rest['model'], created_at: rest['created_at'], response: message['content'] ?? '', done: rest['done'] };
}
