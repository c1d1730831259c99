/** One line of an Ollama `/api/chat` or `/api/generate` answer (only what the suite reads). */
export interface OllamaAnswer {
  model?: string;
  created_at?: string;
  message?: { role: string; content?: string; thinking?: string; tool_calls?: Array<{ id?: string; function: { name: string; arguments: Record<string, unknown> } }> };
  response?: string;
  done: boolean;
  done_reason?: string;
  prompt_eval_count?: number;
  eval_count?: number;
}

/** The lines of an NDJSON answer, parsed. */
export function ndjsonLines(bytes: Buffer): OllamaAnswer[] {
  return bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OllamaAnswer);
}

/**
 * An NDJSON stream as the single object Ollama answers with `stream:false` (as the mock does): texts and
 * thinking joined, tool calls collected, the done line's reason and counts. The fixtures have a
 * non-streamed form only for the basic chat and generate answers; tools and thinking are these.
 */
export function accumulateOllamaStream(bytes: Buffer): OllamaAnswer {
  const lines = ndjsonLines(bytes);
  const last = lines.at(-1);
  if (last === undefined || !last.done) throw new Error('an Ollama stream fixture ends with its done line');
  if (last.message === undefined) {
    return { ...last, response: lines.map((line) => line.response ?? '').join('') };
  }
  const thinking = lines.map((line) => line.message?.thinking ?? '').join('');
  const toolCalls = lines.flatMap((line) => line.message?.tool_calls ?? []);
  return {
    ...last,
    message: {
      role: 'assistant',
      content: lines.map((line) => line.message?.content ?? '').join(''),
      ...(thinking === '' ? {} : { thinking }),
      ...(toolCalls.length === 0 ? {} : { tool_calls: toolCalls }),
    },
  };
}
