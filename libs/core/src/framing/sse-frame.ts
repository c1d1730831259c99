/** One Server-Sent Events frame: `event:` (optional) and the joined `data:` lines. */
export interface SseEvent {
  event?: string;
  data: string;
}

/** Serialises one SSE frame, ending with the blank line. Multi-line data gets one `data:` per line. */
export function formatSseEvent(data: string, event?: string): string {
  const head = event === undefined ? '' : `event: ${event}\n`;
  if (!data.includes('\n')) return `${head}data: ${data}\n\n`;
  return `${head}${data
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;
}
