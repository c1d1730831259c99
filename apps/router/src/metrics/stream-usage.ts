import { parseJsonBounded } from '@llm-router/core';
import { usageOf } from './usage-of.js';

/** A `usage` key whose value is an object, however the upstream spaces its JSON (`"usage": {`). */
const USAGE_OBJECT = /"usage"\s*:\s*\{/;

/**
 * Token usage read off a passthrough stream as it goes by: OpenAI's usage chunk (when the client asked
 * for one), Anthropic's `message_start` (input) and `message_delta` (cumulative output), the Responses
 * API's terminal event (`response.completed` / `.incomplete` / `.failed`: the usage is in its `response`). Only frames
 * whose text carries a usage object are parsed (OpenAI sends `"usage":null` on every other chunk), so
 * the cost on the hot path is one regex test per frame; the usage itself is read from the parsed frame.
 */
export class StreamUsage {
  private inputTokens = 0;
  private outputTokens = 0;
  private seen = false;

  observe(data: string): void {
    if (!USAGE_OBJECT.test(data)) return;
    let frame: unknown;
    try {
      frame = parseJsonBounded(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { message, response } = frame as { message?: unknown; response?: unknown };
    for (const source of [frame, message, response]) {
      const usage = usageOf(source);
      if (usage === undefined) continue;
      this.seen = true;
      if (usage.inputTokens > 0) this.inputTokens = usage.inputTokens;
      if (usage.outputTokens > 0) this.outputTokens = usage.outputTokens;
    }
  }

  /** What the stream reported, or undefined when it carried no usage. */
  get usage(): { inputTokens: number; outputTokens: number } | undefined {
    return this.seen ? { inputTokens: this.inputTokens, outputTokens: this.outputTokens } : undefined;
  }
}
