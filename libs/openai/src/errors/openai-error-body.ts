import type { RouterError } from '@llm-router/core';
import type { OpenAIErrorBody } from '../wire/openai-error-body.js';
import { defaultErrorCode } from './default-error-code.js';
import { openAIErrorType } from './openai-error-type.js';

/** A RouterError as the OpenAI error body `{"error":{message,type,param,code}}`, all four keys always present. */
export function openAIErrorBody(error: RouterError): OpenAIErrorBody {
  return {
    error: {
      message: error.message,
      type: openAIErrorType(error.kind),
      param: error.param ?? null,
      code: error.code ?? defaultErrorCode(error.kind),
    },
  };
}
