import { parseJsonBounded, type IrToolCallPart } from '@llm-router/core';
import { isRecord } from '../is-record.js';

/** Why a tool call entry could not be read (a malformed upstream answer). */
export interface ToolCallProblem {
  problem: string;
}

/**
 * One entry of Ollama's `message.tool_calls` as an IR tool call (§4.5). Ollama sends each call whole,
 * with `arguments` as an object; a string is parsed (older or compatible servers), missing arguments are
 * `{}`. The id is the call's own, or `call_` + `newId()` when absent (older servers) or already used in
 * this answer, so ids are non-empty and unique (§6 #4). `usedIds` is updated.
 */
export function readToolCall(raw: unknown, newId: () => string, usedIds: Set<string>): IrToolCallPart | ToolCallProblem {
  const fn = isRecord(raw) ? raw['function'] : undefined;
  if (!isRecord(raw) || !isRecord(fn)) return { problem: 'a tool call without a function object' };
  const name = fn['name'];
  if (typeof name !== 'string' || name === '') return { problem: 'a tool call without a function name' };
  const args = readArguments(fn['arguments']);
  if (args === undefined) return { problem: `tool call ${name} has arguments that are not a JSON object` };
  const ownId = raw['id'];
  const id = typeof ownId === 'string' && ownId !== '' && !usedIds.has(ownId) ? ownId : `call_${newId()}`;
  usedIds.add(id);
  return { type: 'tool_call', id, name, arguments: args };
}

export function isToolCallProblem(value: IrToolCallPart | ToolCallProblem): value is ToolCallProblem {
  return 'problem' in value;
}

function readArguments(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return {};
  if (isRecord(value)) return value;
  if (typeof value !== 'string') return undefined;
  if (value.trim() === '') return {};
  try {
    const parsed: unknown = parseJsonBounded(value);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
