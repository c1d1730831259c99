/** Longest client-supplied name quoted in a warning. */
const MAX_LENGTH = 64;

/**
 * A client-supplied string (a field name, a tool call id) made safe to quote in a warning: warnings end
 * up in the `x-router-warnings` response header, where CR, LF and non-ASCII characters are refused (Node
 * throws), so everything outside printable ASCII becomes `?`, and long values are cut.
 */
export function headerSafe(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length <= MAX_LENGTH ? printable : `${printable.slice(0, MAX_LENGTH - 3)}...`;
}
