import { type ClientFormat, SseParser, type SseEvent } from '@llm-router/core';

/**
 * Whether some client-format stream text (whole SSE frames, as translators emit them) carries content:
 * a text, tool-call or thinking delta. Opening frames (OpenAI's role chunk, Anthropic's `message_start`,
 * `content_block_start` of a text block, pings) are not content. Used only while a routed stream is held
 * back; for a format it does not know, every frame counts as content (nothing is held back).
 */
export function clientTextHasContent(format: ClientFormat, text: string): boolean {
  if (text === '') return false;
  return new SseParser().push(text).some((frame) => frameHasContent(format, frame));
}

function frameHasContent(format: ClientFormat, frame: SseEvent): boolean {
  switch (format) {
    case 'anthropic-messages':
      return frame.event === 'content_block_delta' || (frame.event === 'content_block_start' && /"type"\s*:\s*"(tool_use|server_tool_use)"/.test(frame.data));
    case 'openai-chat':
      return choicesOf(frame).some((choice) => {
        const delta = record(choice['delta']);
        return nonEmpty(delta['content']) || nonEmpty(delta['reasoning_content']) || nonEmpty(delta['reasoning']) || nonEmpty(delta['refusal']) || (Array.isArray(delta['tool_calls']) && delta['tool_calls'].length > 0);
      });
    case 'openai-completions':
      return choicesOf(frame).some((choice) => nonEmpty(choice['text']));
    default:
      return true;
  }
}

function choicesOf(frame: SseEvent): Record<string, unknown>[] {
  if (frame.data === '[DONE]') return [];
  try {
    const choices = record(JSON.parse(frame.data))['choices'];
    return Array.isArray(choices) ? choices.map(record) : [];
  } catch {
    return [];
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}
