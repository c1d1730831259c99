import { clientFormatForPath, type ClientFormat } from '@llm-router/core';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The client format of a request no route has claimed yet (unknown paths, HTTP-level errors): the one
 * its path implies, else Anthropic's when it carries `anthropic-version` (every Anthropic SDK sends it),
 * else OpenAI chat.
 */
export function clientFormatOf(url: string, headers: IncomingHttpHeaders): ClientFormat {
  const byPath = clientFormatForPath(url);
  if (byPath !== 'openai-chat') return byPath;
  return headers['anthropic-version'] !== undefined ? 'anthropic-messages' : byPath;
}
