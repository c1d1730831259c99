import type { IrTextPart } from '@llm-router/core';

/**
 * Claude Code's per-session attribution line (`x-anthropic-billing-header: cc_version=2.1.197.123;
 * cc_entrypoint=sdk-cli;`), which it puts first in the system prompt. Anthropic reads it; to any other
 * upstream it is noise that makes every session's prompt prefix unique and defeats prompt caching.
 */
const BILLING_LINE = /^x-anthropic-billing-header:[^\n]*(?:\n|$)/gim;

/**
 * The system prompt without that line, for an upstream of another family: only the line goes (the rest
 * of its text part stays, byte for byte); a part left blank is dropped.
 */
export function stripBillingHeader(parts: IrTextPart[]): IrTextPart[] {
  const kept: IrTextPart[] = [];
  for (const part of parts) {
    if (!/x-anthropic-billing-header:/i.test(part.text)) {
      kept.push(part);
      continue;
    }
    const text = part.text.replace(BILLING_LINE, '');
    if (text.trim() !== '') kept.push({ type: 'text', text });
  }
  return kept;
}
