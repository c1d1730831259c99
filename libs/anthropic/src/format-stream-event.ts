import { formatSseEvent } from '@llm-router/core';
import type { AnthropicStreamEvent } from './anthropic-wire-types.js';

/**
 * One Anthropic SSE frame. The `event:` line is mandatory: both SDK generations drop frames without
 * one (docs/protocols.md §0.1), so it always repeats the data's `type`.
 */
export function formatStreamEvent(event: AnthropicStreamEvent): string {
  return formatSseEvent(JSON.stringify(event), event.type);
}
