import { isRecord } from '../is-record.js';

/**
 * One Ollama answer object (a whole non-streamed answer, or one NDJSON line), read leniently into the
 * same shape for `/api/chat` (`message.{content,thinking,tool_calls}`) and `/api/generate`
 * (`response`, `thinking`). Missing strings are '', missing counts undefined (Ollama omits zeros).
 */
export interface OllamaChunk {
  /** Which endpoint's shape it has: `message` (chat), `response` (generate), or neither. */
  shape: 'chat' | 'generate' | 'unknown';
  /** The text of an `{"error": …}` object; the other fields are then empty. */
  error?: string;
  createdAt?: string;
  thinking: string;
  content: string;
  /** The raw `message.tool_calls` entries (read one by one with `readToolCall`). */
  toolCalls: readonly unknown[];
  done: boolean;
  doneReason?: string;
  promptEvalCount?: number;
  evalCount?: number;
}

/** The chunk, or undefined when `value` is not a JSON object. */
export function readOllamaChunk(value: unknown): OllamaChunk | undefined {
  if (!isRecord(value)) return undefined;
  const chunk: OllamaChunk = { shape: 'unknown', thinking: '', content: '', toolCalls: [], done: value['done'] === true };
  const error = value['error'];
  if (error !== undefined && error !== null) {
    chunk.error = typeof error === 'string' ? error : JSON.stringify(error);
    return chunk;
  }
  const message = value['message'];
  if (isRecord(message)) {
    chunk.shape = 'chat';
    chunk.thinking = text(message['thinking']);
    chunk.content = text(message['content']);
    const toolCalls = message['tool_calls'];
    if (Array.isArray(toolCalls)) chunk.toolCalls = toolCalls;
  } else if ('response' in value) {
    chunk.shape = 'generate';
    chunk.thinking = text(value['thinking']);
    chunk.content = text(value['response']);
  }
  const createdAt = value['created_at'];
  if (typeof createdAt === 'string') chunk.createdAt = createdAt;
  const doneReason = value['done_reason'];
  if (typeof doneReason === 'string' && doneReason !== '') chunk.doneReason = doneReason;
  chunk.promptEvalCount = count(value['prompt_eval_count']);
  chunk.evalCount = count(value['eval_count']);
  return chunk;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
