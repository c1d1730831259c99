import type { IrResponseFormat } from '@llm-router/core';
import type { OllamaFormat } from '../wire/ollama-wire-types.js';
import { unreachable } from '../unreachable.js';

/** `responseFormat` as Ollama's `format` (§5.5): JSON mode is `"json"`, a schema is sent as the object itself. */
export function encodeFormat(format: IrResponseFormat | undefined): OllamaFormat | undefined {
  if (format === undefined) return undefined;
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json_object':
      return 'json';
    case 'json_schema':
      return format.schema;
    default:
      return unreachable(format, undefined);
  }
}
