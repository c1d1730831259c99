import type { CompiledPythonRegex } from '@llm-router/regex';

/** A regex drop entry, compiled for the linear-time engine (case-insensitive), with the entry as written. */
export interface DropPattern {
  /** The `drop_headers` entry as the config wrote it (`^x-.*`, `/^x-internal-/i`). */
  readonly source: string;
  readonly regex: CompiledPythonRegex;
}
