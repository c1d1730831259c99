import type { IrPart, IrResponse, TranslationContext } from '@llm-router/core';
import { ollamaError } from '../errors/ollama-error.js';
import { textSnippet } from '../errors/text-snippet.js';
import { mapDoneReason } from './map-done-reason.js';
import { readOllamaChunk } from './ollama-chunk.js';
import { readCreated } from './read-created.js';
import { isToolCallProblem, readToolCall } from './read-tool-call.js';
import { readUsage } from './read-usage.js';

const KNOWN_DONE_REASONS = new Set(['stop', 'length']);

/**
 * `UpstreamCodec.decodeResponse`: a non-streamed `/api/chat` or `/api/generate` answer (told apart by
 * `message` vs `response`) as an IR response. Parts in order: thinking (no signature: Ollama's thinking
 * is not Anthropic-signed), text, tool calls. The id is `ollama-` + `newId()` (Ollama gives none);
 * `model` is the upstream model (the app shows the client its own name). An `{"error"}` body throws a
 * RouterError api_error; a body of neither shape, or a malformed tool call, a bad_gateway.
 */
export function decodeResponse(body: unknown, context: TranslationContext): IrResponse {
  const chunk = readOllamaChunk(body);
  if (chunk === undefined) throw ollamaError('bad_gateway', `upstream answer is not a JSON object: ${describeNonObject(body)}`);
  if (chunk.error !== undefined) throw ollamaError('api_error', chunk.error);
  if (chunk.shape === 'unknown') throw ollamaError('bad_gateway', 'upstream answer has neither `message` (chat) nor `response` (generate)');

  const id = `ollama-${context.newId()}`;
  const parts: IrPart[] = [];
  if (chunk.thinking !== '') parts.push({ type: 'thinking', text: chunk.thinking });
  if (chunk.content !== '') parts.push({ type: 'text', text: chunk.content });
  const usedIds = new Set<string>();
  for (const raw of chunk.toolCalls) {
    const call = readToolCall(raw, () => context.newId(), usedIds);
    if (isToolCallProblem(call)) throw ollamaError('bad_gateway', call.problem);
    parts.push(call);
  }
  const response: IrResponse = {
    id,
    model: context.upstreamModel,
    parts,
    stopReason: mapDoneReason(chunk.doneReason, chunk.toolCalls.length > 0),
    usage: readUsage(chunk),
    created: readCreated(chunk.createdAt),
  };
  if (chunk.doneReason !== undefined && !KNOWN_DONE_REASONS.has(chunk.doneReason)) response.rawStopReason = chunk.doneReason;
  return response;
}

/** What a non-object answer was, for the error: a snippet of a scalar; never a serialisation of an array (it may nest arbitrarily deep). */
function describeNonObject(body: unknown): string {
  if (Array.isArray(body)) return `an array of ${body.length} items`;
  return textSnippet(String(JSON.stringify(body)), 200);
}
