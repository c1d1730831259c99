import { SetMetadata } from '@nestjs/common';
import type { ClientFormat } from '@llm-router/core';

export const SERVES_FORMAT = 'llm-router:serves-format';

/** Marks a handler with the client API format it speaks; the model-lookup guard reads it. */
export const ServesFormat = (format: ClientFormat) => SetMetadata(SERVES_FORMAT, format);
