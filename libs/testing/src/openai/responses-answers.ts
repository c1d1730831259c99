import { readFixtureJson } from '../fixture-files.js';
import { isRecord, type JsonObject } from '../json-value.js';
import { editSseFrames, readSseFixtureFrames } from '../sse-fixture-frames.js';
import { jsonAnswer, sseAnswer, type AnswerPlan } from '../wire-answer.js';

/**
 * The answer to a validated Responses request, from the `openai-responses/` fixtures: `tools` when
 * function tools are offered (and `tool_choice` is not `none`), `reasoning` (a summary, then text) when
 * `reasoning.summary` is asked for, else `basic`. Streams keep the fixtures' exact event order (§8.3,
 * `sequence_number` on each); the `response` objects name the requested model. The mid-stream variant is
 * `error.midstream.sse` (a delta, then `response.failed`).
 */
export function responsesAnswers(body: JsonObject): AnswerPlan {
  const model = String(body['model']);
  const tools = Array.isArray(body['tools']) && body['tools'].some((tool) => isRecord(tool) && tool['type'] === 'function') && body['tool_choice'] !== 'none';
  const reasoning = isRecord(body['reasoning']) && body['reasoning']['summary'] != null;
  const name = tools ? 'tools' : reasoning ? 'reasoning' : 'basic';
  const midstream = sseAnswer(withResponseModel(readSseFixtureFrames('openai-responses/error.midstream.sse'), model));
  if (body['stream'] !== true) {
    const response = readFixtureJson<JsonObject>(`openai-responses/${name}.response.json`);
    return { kind: 'plan', success: jsonAnswer({ ...response, model }), midstream, model };
  }
  return { kind: 'plan', success: sseAnswer(withResponseModel(readSseFixtureFrames(`openai-responses/${name}.stream.sse`), model)), midstream, model };
}

function withResponseModel(frames: string[], model: string): string[] {
  return editSseFrames(frames, (event) => {
    if (isRecord(event['response'])) event['response']['model'] = model;
    return true;
  });
}
