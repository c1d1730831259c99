/** Text parts as one Ollama `content` string: non-empty texts joined with a blank line (§5.1). */
export function joinTexts(texts: readonly string[]): string {
  return texts.filter((text) => text !== '').join('\n\n');
}
