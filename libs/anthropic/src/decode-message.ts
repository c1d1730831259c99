import { RouterError, type IrPart, type IrResponse, type TranslationContext } from '@llm-router/core';
import { decodeStopReason } from './decode-stop-reason.js';
import { decodeUsage } from './decode-usage.js';
import { isRecord } from './read-request-field.js';

/**
 * A complete Anthropic answer (`type:"message"`, docs/protocols.md §3.6) in IR form.
 *
 * - text, tool_use (→ tool_call), thinking (signature kept; an empty one is no signature) and
 *   redacted_thinking translate; server-tool results, citations-only and unknown blocks are dropped
 *   with a warning naming `content[i]` (the request had no way to ask for them).
 * - `model` is the upstream's (the app shows the client its own name); `created` is `nowSeconds`,
 *   as Anthropic sends no timestamp.
 * - A body that is not a message is a `bad_gateway` RouterError.
 */
export function decodeMessage(body: unknown, context: TranslationContext, nowSeconds: number): IrResponse {
  if (!isRecord(body) || body['type'] !== 'message' || !Array.isArray(body['content'])) {
    const type = isRecord(body) ? JSON.stringify(body['type'] ?? null) : Array.isArray(body) ? 'a list' : typeof body;
    throw new RouterError('bad_gateway', `anthropic upstream returned a body that is not a message (type: ${type})`, { provider: 'anthropic' });
  }
  const parts: IrPart[] = [];
  body['content'].forEach((block: unknown, i) => {
    const part = decodeResponseBlock(block);
    if (part !== undefined) parts.push(part);
    else context.warnings.push(`content[${i}]: ${blockType(block)} block from anthropic dropped`);
  });
  const usage = decodeUsage(body['usage']);
  const { stopReason, rawStopReason } = decodeStopReason(body['stop_reason']);
  const stopSequence = body['stop_sequence'];
  return {
    id: typeof body['id'] === 'string' ? body['id'] : `msg_${context.newId()}`,
    model: typeof body['model'] === 'string' ? body['model'] : context.upstreamModel,
    parts,
    stopReason,
    ...(typeof stopSequence === 'string' ? { stopSequence } : {}),
    ...(rawStopReason === undefined ? {} : { rawStopReason }),
    usage: { ...usage, inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 },
    created: nowSeconds,
  };
}

function decodeResponseBlock(block: unknown): IrPart | undefined {
  if (!isRecord(block)) return undefined;
  switch (block['type']) {
    case 'text':
      return { type: 'text', text: text(block['text']) };
    case 'tool_use':
      return {
        type: 'tool_call',
        id: text(block['id']),
        name: text(block['name']),
        arguments: isRecord(block['input']) ? block['input'] : {},
      };
    case 'thinking': {
      const signature = text(block['signature']);
      return signature === '' ? { type: 'thinking', text: text(block['thinking']) } : { type: 'thinking', text: text(block['thinking']), signature };
    }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: text(block['data']) };
    default:
      return undefined;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function blockType(block: unknown): string {
  return isRecord(block) && typeof block['type'] === 'string' ? `'${block['type']}'` : 'an unreadable';
}
