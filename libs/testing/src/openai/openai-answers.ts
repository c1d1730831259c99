import { formatSseEvent } from '@llm-router/core';
import { readFixtureJson } from '../fixture-files.js';
import { isRecord, type JsonObject } from '../json-value.js';
import { editSseFrames, readSseFixtureFrames } from '../sse-fixture-frames.js';
import { jsonAnswer, sseAnswer, type AnswerPlan, type WireAnswer } from '../wire-answer.js';

/** Usage reported by the synthesised usage chunk of a legacy completion stream (the fixture has none). */
const COMPLETION_STREAM_USAGE = { prompt_tokens: 7, completion_tokens: 12, total_tokens: 19 };

interface StreamFlags {
  includeUsage: boolean;
  includeObfuscation: boolean;
}

function streamFlags(body: JsonObject): StreamFlags {
  const options = isRecord(body['stream_options']) ? body['stream_options'] : {};
  return { includeUsage: options['include_usage'] === true, includeObfuscation: options['include_obfuscation'] !== false };
}

/** The answer to a validated chat request: tools fixture when tools are offered (and not `tool_choice:"none"`). */
export function chatAnswers(body: JsonObject): AnswerPlan {
  const model = String(body['model']);
  const tools = Array.isArray(body['tools']) && body['tools'].length > 0 && body['tool_choice'] !== 'none';
  const name = tools ? 'tools' : 'basic';
  const midstream = sseAnswer(withChunkModel(readSseFixtureFrames('openai-chat/error.midstream.sse'), model));
  if (body['stream'] !== true) {
    const response = readFixtureJson<JsonObject>(`openai-chat/${name}.response.json`);
    return { kind: 'plan', success: jsonAnswer({ ...response, model }), midstream, model };
  }
  const flags = streamFlags(body);
  const frames = editSseFrames(readSseFixtureFrames(`openai-chat/${name}.stream.sse`), (chunk) => {
    if (!flags.includeUsage) {
      // Without include_usage the API sends neither the `choices:[]` usage chunk nor `usage` keys.
      if (Array.isArray(chunk['choices']) && chunk['choices'].length === 0) return false;
      delete chunk['usage'];
    }
    if (!flags.includeObfuscation) delete chunk['obfuscation'];
    if ('model' in chunk) chunk['model'] = model;
    return true;
  });
  return { kind: 'plan', success: sseAnswer(frames), midstream, model };
}

/** The answer to a validated legacy completion request. */
export function completionsAnswers(body: JsonObject): AnswerPlan {
  const model = String(body['model']);
  const streamFrames = withChunkModel(readSseFixtureFrames('openai-completions/stream.sse'), model);
  const errorFrame = readSseFixtureFrames('openai-chat/error.midstream.sse').at(-1) ?? '';
  const midstream = sseAnswer([...streamFrames.slice(0, 2), errorFrame]);
  if (body['stream'] !== true) {
    const response = readFixtureJson<JsonObject>('openai-completions/basic.response.json');
    return { kind: 'plan', success: jsonAnswer({ ...response, model }), midstream, model };
  }
  if (!streamFlags(body).includeUsage) return { kind: 'plan', success: sseAnswer(streamFrames), midstream, model };
  let first: JsonObject | undefined;
  const frames = editSseFrames(streamFrames, (chunk) => {
    first ??= chunk;
    chunk['usage'] = null;
    return true;
  });
  const usageChunk = { id: first?.['id'], object: 'text_completion', created: first?.['created'], model, choices: [], usage: COMPLETION_STREAM_USAGE };
  frames.splice(frames.length - 1, 0, formatSseEvent(JSON.stringify(usageChunk)));
  return { kind: 'plan', success: sseAnswer(frames), midstream, model };
}

/** `GET /v1/models` in OpenAI's list form. */
export function openAiModelsAnswer(models: readonly string[]): WireAnswer {
  return jsonAnswer({ object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1795442712, owned_by: 'openai' })) });
}

function withChunkModel(frames: string[], model: string): string[] {
  return editSseFrames(frames, (chunk) => {
    if ('model' in chunk) chunk['model'] = model;
    return true;
  });
}
