import type { DropPattern } from './drop-pattern.js';

/**
 * Header rules merged from all layers and precompiled by `compileHeaderRules`. Immutable by contract:
 * one instance is shared by every request for a model. Every name in it is lower-case.
 */
export interface CompiledHeaderRules {
  readonly dropAll: boolean;
  readonly dropNames: ReadonlySet<string>;
  /** Regex entries, searched (Python `re.search`, case-insensitive) in the lower-cased name. */
  readonly dropPatterns: readonly DropPattern[];
  readonly addHeaders: ReadonlyMap<string, string>;
  readonly forceHeaders: ReadonlyMap<string, string>;
}
