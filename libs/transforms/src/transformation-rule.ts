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
}

/** A list of rules plus its config path (`transformations`, `models.gpt-4.transformations`) for problems. */
export interface TransformationLayer {
  rules: readonly TransformationRule[];
  path: string;
}
