/**
 * The useful tail of a RegExp constructor error: `Unterminated group` rather than
 * `Invalid regular expression: /x(/g: Unterminated group` (callers name the rule themselves).
 */
export function regexErrorReason(error: unknown, source: string, flags: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = `Invalid regular expression: /${source}/${flags}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
