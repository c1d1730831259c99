/**
 * When a rule runs:
 * - `request` (the default): on the client's body as it arrived, before any translation, so it sees the
 *   client's wire format (OpenAI chat, completions or Anthropic messages);
 * - `upstream`: on the body in the upstream's wire format, just before it is sent: after translation (an
 *   Ollama `/api/chat` body, say), or on passthrough after aliasing (the `model` is the upstream's name).
 *   The only way to set upstream-only fields such as Ollama's `options.num_ctx` or `keep_alive`.
 */
export type TransformationStage = 'request' | 'upstream';

export const TRANSFORMATION_STAGES: readonly TransformationStage[] = ['request', 'upstream'];

/**
 * One request-body transformation as the config file spells it. Structurally identical to the config
 * lib's type. Which optional fields are required depends on `type`:
 * - `regex_replace`: `pattern`, `replacement`, optional `flags`;
 * - `jsonpath_drop`: `path`;
 * - `jsonpath_add`: `path`, `value`.
 */
export interface TransformationRule {
  name: string;
  type: 'regex_replace' | 'jsonpath_drop' | 'jsonpath_add';
  enabled: boolean;
  pattern?: string;
  replacement?: string;
  flags?: string[];
  path?: string;
  value?: unknown;
  /** Default `request`. */
  stage?: TransformationStage;
}

/** A list of rules plus its config path (`transformations`, `models.gpt-4.transformations`) for problems. */
export interface TransformationLayer {
  rules: readonly TransformationRule[];
  path: string;
}
