import type { SseEvent } from '@llm-router/core';

const TOOL_BLOCK_START = /"type"\s*:\s*"(?:tool_use|server_tool_use)"/;

/**
 * `ClientCodec.isContentFrame` for Messages streams: every `content_block_delta` (text, tool input, thinking,
 * signature), and the start of a tool-use block (it names the call). `message_start`, a text or thinking
 * block's start, pings and the endings are not content.
 */
export function isContentFrame(frame: SseEvent): boolean {
  return frame.event === 'content_block_delta' || (frame.event === 'content_block_start' && TOOL_BLOCK_START.test(frame.data));
}
