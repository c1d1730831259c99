import type { IrTool } from '@llm-router/core';

/** Longest grammar definition copied into a wrapped custom tool's description (Codex's apply_patch grammar is ~2 KB). */
export const MAX_GRAMMAR_CHARS = 4000;

/**
 * The IR tool for a Responses `custom` (freeform) tool (§8.1), which no other family can declare: a
 * function with one required string property `input`, the description telling the model to put the
 * whole freeform text there, with the tool's grammar (`format.definition`, truncated to
 * MAX_GRAMMAR_CHARS) when it has one. `custom` keeps the client's declaration for the encoder, which
 * unwraps the calls again (customToolInput).
 */
export function wrapCustomTool(name: string, description: string | undefined, format: Record<string, unknown> | undefined): IrTool {
  const lines = [
    description ?? `The ${name} tool.`,
    '',
    `This tool takes freeform text, not JSON fields: put the complete text for ${name} into the single string argument "input", exactly as it should be given to the tool.`,
  ];
  const definition = format?.['definition'];
  if (typeof definition === 'string' && definition !== '') {
    const syntax = typeof format?.['syntax'] === 'string' ? ` (${format['syntax']} syntax)` : '';
    const shown = definition.length > MAX_GRAMMAR_CHARS ? `${definition.slice(0, MAX_GRAMMAR_CHARS)}\n… (grammar truncated)` : definition;
    lines.push('', `The input must match this grammar${syntax}:`, shown);
  }
  const custom: NonNullable<IrTool['custom']> = {};
  if (description !== undefined) custom.description = description;
  if (format !== undefined) custom.format = format;
  return {
    name,
    description: lines.join('\n'),
    parameters: { type: 'object', properties: { input: { type: 'string', description: `The freeform input for ${name}.` } }, required: ['input'], additionalProperties: false },
    custom,
  };
}

/**
 * The freeform text of a call to a wrapped custom tool, from its JSON arguments: the string `input`. A
 * model that answered otherwise (arguments that are not JSON, or without a string `input`) gets its raw
 * argument text passed on unchanged, so nothing it wrote is lost.
 */
export function customToolInput(argumentsJson: string): string {
  try {
    const parsed: unknown = JSON.parse(argumentsJson);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const input = (parsed as Record<string, unknown>)['input'];
      if (typeof input === 'string') return input;
    }
  } catch {
    // not JSON: the raw text below
  }
  return argumentsJson;
}

/** The names of the custom tools a decoded request declared. */
export function customToolNames(tools: readonly IrTool[] | undefined): ReadonlySet<string> {
  return new Set((tools ?? []).filter((tool) => tool.custom !== undefined).map((tool) => tool.name));
}
