import type { IrRequest } from '@llm-router/core';
import { invalidField } from './read-request-field.js';

/**
 * Refuses (400 naming the field) what Anthropic cannot do and what would change the answer's meaning
 * if dropped (docs/protocols.md §5.10): several choices (`n` > 1), token log probabilities, a legacy
 * completion's `suffix` (fill-in-the-middle) and `echo`.
 */
export function refuseUntranslatable(request: IrRequest): void {
  if (request.n !== undefined && request.n > 1) throw invalidField('n', 'anthropic returns one choice only; n > 1 cannot be translated');
  if (request.logprobs !== undefined) throw invalidField('logprobs', 'anthropic does not return log probabilities');
  const completion = request.completion;
  if (completion?.suffix !== undefined && completion.suffix !== '') {
    throw invalidField('suffix', 'anthropic has no fill-in-the-middle; suffix cannot be translated');
  }
  if (completion?.echo === true) throw invalidField('echo', 'anthropic cannot echo the prompt');
}
