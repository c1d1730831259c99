/** How much of a body is looked at; error pages put what matters (the title) first. */
const SCAN_LIMIT = 8192;

/**
 * A short, single-line, human-readable excerpt of a body that is not the expected JSON (an HTML page
 * from a proxy in front of Ollama, a truncated line): tags removed, whitespace collapsed, at most `max`
 * characters.
 */
export function textSnippet(body: string, max: number): string {
  const text = body
    .slice(0, SCAN_LIMIT)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
