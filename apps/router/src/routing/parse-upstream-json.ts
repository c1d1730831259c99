import { JsonTooDeepError, parseJsonBounded, RouterError } from '@llm-router/core';

/**
 * A whole (non-streamed) upstream answer as JSON, or a 502: text that is not JSON (a proxy's HTML page
 * under a 200, an empty body) is never relayed as if it were the answer, and JSON nested deeper than
 * core's MAX_JSON_DEPTH is refused before anything walks it (usage reading, model rewriting, decoders
 * and encoders all recurse or serialise).
 */
export function parseUpstreamJson(text: string, provider: string): unknown {
  try {
    return parseJsonBounded(text);
  } catch (error) {
    const what = error instanceof JsonTooDeepError ? `JSON ${error.message.replace(/^JSON /, '')}` : `a body that is not JSON (${describeText(text)})`;
    throw new RouterError('bad_gateway', `${provider} upstream answered with ${what}`, { provider, retryable: false });
  }
}

/** What a non-JSON body looks like, without quoting it (it may be a proxy page naming internal hosts). */
function describeText(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed === '') return 'empty';
  if (/^<(!doctype|html|\?xml)/i.test(trimmed)) return `HTML/XML, ${text.length} characters`;
  return `${text.length} characters`;
}
