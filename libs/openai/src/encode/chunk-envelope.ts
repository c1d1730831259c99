import type { ChatChunkChoice } from '../wire/chat-completion.js';
import type { OpenAIUsage } from '../wire/openai-usage.js';
import type { TextCompletionChunkChoice } from '../wire/text-completion.js';

export const DONE_FRAME = 'data: [DONE]\n\n';

/**
 * The part of every chunk that never changes within one stream (§1.6: same id, created and model on
 * every chunk), serialised once; each chunk then serialises only its choice. With `include_usage`, every
 * chunk carries `"usage":null` and the usage chunk has `choices:[]` (§6 #5).
 */
export class ChunkEnvelope {
  private readonly head: string;
  private readonly tail: string;

  constructor(object: 'chat.completion.chunk' | 'text_completion', id: string, created: number, model: string, includeUsage: boolean) {
    this.head =
      `data: {"id":${JSON.stringify(id)},"object":"${object}","created":${JSON.stringify(created)},` +
      `"model":${JSON.stringify(model)},"choices":`;
    this.tail = includeUsage ? ',"usage":null}\n\n' : '}\n\n';
  }

  /** One SSE frame holding one choice. */
  chunk(choice: ChatChunkChoice | TextCompletionChunkChoice): string {
    return `${this.head}[${JSON.stringify(choice)}]${this.tail}`;
  }

  /** The usage-only frame that comes last before `[DONE]`. */
  usageChunk(usage: OpenAIUsage): string {
    return `${this.head}[],"usage":${JSON.stringify(usage)}}\n\n`;
  }
}
