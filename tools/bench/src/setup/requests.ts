import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadRequest } from '../driver/closed-loop.js';
import { FIXTURES } from './paths.js';

function fixture(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
}

const OPENAI_HEADERS = { 'content-type': 'application/json', authorization: 'Bearer sk-client-0123456789abcdef' };
const ANTHROPIC_HEADERS = { 'content-type': 'application/json', 'x-api-key': 'sk-ant-client-0123456789abcdef', 'anthropic-version': '2023-06-01' };

/** An OpenAI chat request (the fixture's), for `model`, streamed or not. */
export function openaiChat(origin: string, model: string, stream: boolean, extraHeaders: Record<string, string> = {}): LoadRequest {
  const body = { ...fixture('openai-chat/basic.request.json'), model, ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) };
  return { url: `${origin}/v1/chat/completions`, headers: { ...OPENAI_HEADERS, ...extraHeaders }, body: JSON.stringify(body) };
}

/** An Anthropic messages request (the fixture's): what the router sends when it translates, sent directly. */
export function anthropicMessages(origin: string, model: string, stream: boolean): LoadRequest {
  const body = { ...fixture('anthropic/basic.request.json'), model, ...(stream ? { stream: true } : {}) };
  return { url: `${origin}/v1/messages`, headers: ANTHROPIC_HEADERS, body: JSON.stringify(body) };
}

/** The same prompt as an OpenAI Responses API request (`instructions` + `input`), for `model`, streamed or not. */
export function openaiResponses(origin: string, model: string, stream: boolean): LoadRequest {
  const chat = fixture('openai-chat/basic.request.json') as { messages: { role: string; content: string }[] };
  const instructions = chat.messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n');
  const input = chat.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content }));
  const body = { model, instructions, input, max_output_tokens: 256, temperature: 0.7, store: false, ...(stream ? { stream: true } : {}) };
  return { url: `${origin}/v1/responses`, headers: OPENAI_HEADERS, body: JSON.stringify(body) };
}
