/**
 * One layer of header rules, as the config file spells them (`drop_all`, `drop_headers`, `add_headers`,
 * `force_headers`). Structurally identical to the config lib's type, so its values can be passed as-is.
 */
export interface HeaderRules {
  dropAll: boolean;
  /**
   * Exact names (letters, digits, `-`, `_` only; case-insensitive), or Python regexes (`^x-.*`, or
   * `/pattern/flags`) searched case-insensitively in the name. See README "Drop entries".
   */
  dropHeaders: string[];
  /** Set only when the header is still absent after dropping. */
  addHeaders: Record<string, string>;
  /** Set last, overriding everything, including the router's own auth header. */
  forceHeaders: Record<string, string>;
}

/**
 * A layer plus the config path it came from (`header_rules`, `models.gpt-4.header_rules`), used to name
 * problems. Every field of `rules` may be omitted, so plain-Node callers can write only what they need.
 */
export interface HeaderRulesLayer {
  rules: Partial<HeaderRules>;
  path: string;
}
