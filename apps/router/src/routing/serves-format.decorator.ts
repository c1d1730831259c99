import { SetMetadata } from '@nestjs/common';
import type { ClientFormat } from '@llm-router/core';

export const SERVES_FORMAT = 'llm-router:serves-format';

/**
 * What a handler does with its format: generate an answer, only count the prompt's tokens, or embed the
 * input (`POST /v1/embeddings`, OpenAI's format; no output tokens).
 */
export type Operation = 'generate' | 'count_tokens' | 'embeddings';

export interface ServedFormat {
  format: ClientFormat;
  operation: Operation;
}

/** Marks a handler with the client API format it speaks; the model-lookup guard reads it. */
export const ServesFormat = (format: ClientFormat, operation: Operation = 'generate') => SetMetadata(SERVES_FORMAT, { format, operation } satisfies ServedFormat);
