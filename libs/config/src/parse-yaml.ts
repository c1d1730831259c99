import type { ConfigProblem } from '@llm-router/core';
import { parseDocument } from 'yaml';

export type ParsedYaml = { ok: true; value: unknown } | { ok: false; problem: ConfigProblem };

/**
 * Parses YAML 1.2 with `<<` merge keys enabled. Duplicate keys, syntax errors and alias bombs yield one problem at
 * `source`, whose message is the first error's first line ("... at line 3, column 5").
 */
export function parseYaml(text: string, source: string): ParsedYaml {
  const document = parseDocument(text, { merge: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) return { ok: false, problem: { path: source, message: firstLine(error.message) } };
  try {
    const value: unknown = document.toJS();
    return { ok: true, value };
  } catch (thrown: unknown) {
    return { ok: false, problem: { path: source, message: firstLine(thrown instanceof Error ? thrown.message : String(thrown)) } };
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/:$/, '');
}
