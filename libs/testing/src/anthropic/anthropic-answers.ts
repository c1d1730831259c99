import { readFixtureJson } from '../fixture-files.js';
import { isRecord, type JsonObject } from '../json-value.js';
import { editSseFrames, readSseFixtureFrames } from '../sse-fixture-frames.js';
import { jsonAnswer, sseAnswer, type AnswerPlan, type WireAnswer } from '../wire-answer.js';

/**
 * Which scenario answers a request: tools when tools are offered (and `tool_choice` is not `none`),
 * else thinking when thinking is on, else the basic text answer.
 */
function scenario(body: JsonObject): 'tools' | 'thinking' | 'basic' {
  const choice = body['tool_choice'];
  const toolsOffered = Array.isArray(body['tools']) && body['tools'].length > 0 && !(isRecord(choice) && choice['type'] === 'none');
  if (toolsOffered) return 'tools';
  const thinking = body['thinking'];
  if (isRecord(thinking) && (thinking['type'] === 'enabled' || thinking['type'] === 'adaptive')) return 'thinking';
  return 'basic';
}

/** The answer to a validated Messages request; the model is echoed, also in `message_start`. */
export function messagesAnswers(body: JsonObject): AnswerPlan {
  const model = String(body['model']);
  const name = scenario(body);
  const midstream = sseAnswer(withStartModel(readSseFixtureFrames('anthropic/error.midstream.sse'), model));
  if (body['stream'] === true) {
    return { kind: 'plan', success: sseAnswer(withStartModel(readSseFixtureFrames(`anthropic/${name}.stream.sse`), model)), midstream, model };
  }
  const response = readFixtureJson<JsonObject>(`anthropic/${name}.response.json`);
  return { kind: 'plan', success: jsonAnswer({ ...response, model }), midstream, model };
}

export function countTokensAnswers(body: JsonObject): AnswerPlan {
  const answer = jsonAnswer(readFixtureJson('anthropic/count_tokens.response.json'));
  return { kind: 'plan', success: answer, midstream: answer, model: String(body['model']) };
}

/** `GET /v1/models` in Anthropic's list form (§3.10). */
export function anthropicModelsAnswer(models: readonly string[]): WireAnswer {
  return jsonAnswer({
    data: models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-10-01T00:00:00Z' })),
    has_more: false,
    first_id: models[0] ?? null,
    last_id: models.at(-1) ?? null,
  });
}

function withStartModel(frames: string[], model: string): string[] {
  return editSseFrames(frames, (event) => {
    const message = event['message'];
    if (event['type'] === 'message_start' && isRecord(message)) message['model'] = model;
    return true;
  });
}
