import type { IrPart, IrRequest, TranslationContext } from '@llm-router/core';
import { randomBytes } from 'node:crypto';
import type { Route } from './route.js';

/** Anthropic requires max_tokens; this is what a request without one gets unless the model sets `max_tokens`. */
export const DEFAULT_MAX_TOKENS = 4096;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 24 random alphanumerics. */
export function newId(): string {
  const bytes = randomBytes(24);
  let id = '';
  for (const byte of bytes) id += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return id;
}

/** Characters per token of ordinary English and code: the usual rule of thumb. */
const CHARS_PER_TOKEN = 4;
/**
 * An image or a binary document, whose size in tokens the router cannot tell without decoding it:
 * Anthropic's figure for an image at its largest unresized size (about 1.15 megapixels).
 */
const MEDIA_TOKENS = 1600;

/**
 * The per-request context shared by the client's decoder and the upstream's encoder and decoder.
 * `estimatedInputTokens` starts as a rough 4-bytes-a-token count of the request body; once the
 * request is decoded, `estimateInputTokens(ir)` replaces it with the honest one.
 */
export function createTranslationContext(route: Route, requestBytes: number): TranslationContext {
  return {
    upstreamModel: route.model.actualModelName,
    defaultMaxTokens: route.model.maxTokens ?? DEFAULT_MAX_TOKENS,
    ...(route.model.maxOutputTokens === undefined ? {} : { maxOutputTokens: route.model.maxOutputTokens }),
    estimatedInputTokens: Math.max(1, Math.ceil(requestBytes / 4)),
    warnings: [],
    newId,
    maxFrameChars: route.streamFrameLimitChars,
  };
}

/**
 * The prompt's size in tokens, as a stream start shows it before the upstream reports the real count
 * (Anthropic's `message_start.usage.input_tokens`, which LangChain's ChatAnthropic reads and never
 * updates; the real figure follows in `message_delta`). It counts the text the model reads, about 4
 * characters a token: the system prompt, message text, thinking, tool calls (name and arguments),
 * tool results, and each tool's name, description and parameter schema; not the JSON syntax of the
 * request. Images and binary documents count a flat 1600 tokens each. At least 1.
 */
export function estimateInputTokens(request: IrRequest): number {
  let chars = 0;
  let media = 0;
  for (const part of request.system) chars += part.text.length;
  for (const message of request.messages) {
    for (const part of message.parts) {
      const size = partSize(part);
      chars += size.chars;
      media += size.media;
    }
  }
  for (const tool of request.tools ?? []) {
    chars += tool.name.length + (tool.description?.length ?? 0) + JSON.stringify(tool.parameters).length;
  }
  return Math.max(1, Math.ceil(chars / CHARS_PER_TOKEN) + media * MEDIA_TOKENS);
}

function partSize(part: IrPart): { chars: number; media: number } {
  switch (part.type) {
    case 'text':
    case 'thinking':
      return { chars: part.text.length, media: 0 };
    case 'image':
      return { chars: 0, media: 1 };
    case 'document':
      return part.source.kind === 'text' ? { chars: part.source.text.length, media: 0 } : { chars: 0, media: 1 };
    case 'tool_call':
      return { chars: part.name.length + JSON.stringify(part.arguments).length, media: 0 };
    case 'tool_result':
      return part.content.reduce(
        (sum, inner) => (inner.type === 'text' ? { chars: sum.chars + inner.text.length, media: sum.media } : { chars: sum.chars, media: sum.media + 1 }),
        { chars: 0, media: 0 },
      );
    case 'redacted_thinking':
      return { chars: 0, media: 0 };
    default: {
      const unknown: never = part;
      return unknown;
    }
  }
}
