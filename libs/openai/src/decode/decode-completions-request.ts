import { type IrRequest, RouterError, type TranslationContext } from '@llm-router/core';
import { compact } from '../compact.js';
import { inspectCompletionsRequest } from '../inspect/inspect-completions-request.js';
import { untranslatable } from '../inspect/parameter-errors.js';
import { COMPLETIONS_FIELD_POLICY } from './completions-field-policy.js';
import { decodeCommonFields } from './decode-common-fields.js';
import { optionalBoolean, optionalInteger, optionalString } from './field-readers.js';
import { screenFields } from './screen-fields.js';

/**
 * `ClientCodec.decodeRequest` for legacy `/v1/completions` (§2, §5.10, §5.11). The prompt (a string,
 * or an array holding exactly one string) is kept raw in `completion` for upstreams that can continue
 * it (Ollama `/api/generate`) AND wrapped as the one user turn for chat upstreams (an empty prompt gives
 * no turn). Several prompts and
 * token arrays are a 400 naming `prompt`, `best_of` > 1 a 400 naming `best_of`. `suffix` and `echo:true`
 * are passed on in `completion`: only the upstream encoder knows whether it can honour them. The integer
 * `logprobs` becomes `logprobs.top`. An absent `max_tokens` stays absent (the upstream's default applies).
 */
export function decodeCompletionsRequest(body: unknown, context: TranslationContext): IrRequest {
  const { model } = inspectCompletionsRequest(body);
  const request = body as Record<string, unknown>;
  screenFields(request, COMPLETIONS_FIELD_POLICY, context.warnings);

  const prompt = singlePrompt(request['prompt']);
  const bestOf = optionalInteger(request['best_of'], 'best_of');
  if (bestOf !== undefined && bestOf > 1) throw untranslatable('best_of', 'server-side best-of sampling');
  const suffix = optionalString(request['suffix'], 'suffix');
  const echo = optionalBoolean(request['echo'], 'echo');
  const logprobs = optionalInteger(request['logprobs'], 'logprobs');

  return compact<IrRequest>({
    model,
    system: [],
    messages: prompt === '' ? [] : [{ role: 'user', parts: [{ type: 'text', text: prompt }] }],
    completion: compact({ prompt, suffix: suffix === '' ? undefined : suffix, echo: echo === true ? true : undefined }),
    maxTokens: optionalInteger(request['max_tokens'], 'max_tokens'),
    logprobs: logprobs === undefined ? undefined : { top: logprobs },
    ...decodeCommonFields(request),
  });
}

/** `inspect` already checked the shape (string | string[] | number[] | number[][]). */
function singlePrompt(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt) && prompt.length === 1 && typeof prompt[0] === 'string') return prompt[0];
  throw RouterError.invalidRequest(
    "Unsupported parameter: 'prompt': only a single string prompt can be translated for the upstream this model is served by (not several prompts or token arrays).",
    'prompt',
  );
}
