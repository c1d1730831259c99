import type { JsonValue } from './json-value.js';
import type { CompiledPythonRegex } from '@llm-router/regex';

/** One step of a plain path: an object key, or an array index when written `[n]`. */
export interface PathStep {
  readonly key: string;
  readonly index: boolean;
}

export interface CompiledRegexReplace {
  readonly type: 'regex_replace';
  readonly name: string;
  /** Pattern and replacement, compiled for the linear-time engine; stateless, shared across requests. */
  readonly regex: CompiledPythonRegex;
}

export interface CompiledJsonPathDrop {
  readonly type: 'jsonpath_drop';
  readonly name: string;
  readonly path: string;
}

export interface CompiledJsonPathAdd {
  readonly type: 'jsonpath_add';
  readonly name: string;
  readonly path: string;
  /**
   * For a plain path (names and indexes only) undefined, and `steps` is the whole path after `$`, so
   * missing intermediates can be created. Otherwise the JSONPath selecting the parents, and `steps` is
   * the last segment alone, set on each parent found.
   */
  readonly parentQuery: string | undefined;
  readonly steps: readonly PathStep[];
  /** Deep-cloned at every application, never shared with a body. */
  readonly value: JsonValue;
}

export type CompiledTransformation = CompiledRegexReplace | CompiledJsonPathDrop | CompiledJsonPathAdd;

/** Enabled rules of all layers, global first, validated and precompiled. Immutable by contract. */
export interface CompiledTransformations {
  readonly rules: readonly CompiledTransformation[];
  /** Regex engine steps all `regex_replace` rules together may spend on one request (undefined: no ceiling beyond each string's own bound). */
  readonly stepBudget?: number;
}

/** What compileTransformations takes besides the rules. */
export interface CompileTransformationsOptions {
  /** See CompiledTransformations.stepBudget (`server.transform_step_budget`). */
  stepBudget?: number;
}
