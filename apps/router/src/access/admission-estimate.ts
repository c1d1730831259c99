import type { ModelConfig } from '@llm-router/config';
import { estimateTokensFromLength } from '@llm-router/access';
import type { FastifyRequest } from 'fastify';
import type { Operation } from '../routing/serves-format.decorator.js';

/** The output cap assumed for a request that names none when the model configures none either. */
const DEFAULT_OUTPUT_CAP = 4096;

/**
 * What admission reserves for a request (settling replaces it with the real usage): the prompt estimated
 * from the body's length, and the output cap the request asks for (`max_tokens`, `max_completion_tokens`, Responses `max_output_tokens`),
 * else the model's `max_tokens`, else 4096, never more than the model's `max_output_tokens` (the router
 * clamps larger values). Embeddings produce no output tokens: none are reserved.
 */
export function admissionEstimate(request: FastifyRequest, model: ModelConfig, operation: Operation = 'generate'): { inputTokens: number; maxOutputTokens: number } {
  const length = Number(request.headers['content-length']);
  const characters = Number.isFinite(length) && length > 0 ? length : JSON.stringify(request.body ?? '').length;
  if (operation === 'embeddings') return { inputTokens: estimateTokensFromLength(characters), maxOutputTokens: 0 };
  const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  const asked = positive(body['max_tokens']) ?? positive(body['max_completion_tokens']) ?? positive(body['max_output_tokens']) ?? model.maxTokens ?? DEFAULT_OUTPUT_CAP;
  const maxOutputTokens = model.maxOutputTokens === undefined ? asked : Math.min(asked, model.maxOutputTokens);
  return { inputTokens: estimateTokensFromLength(characters), maxOutputTokens };
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
