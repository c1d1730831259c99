import type { IncomingHttpHeaders } from 'node:http';

const REQUEST_LINE = /^[A-Z]{3,10} (\S{1,2048}) HTTP\/1\.[01]\r?\n/;
const ANTHROPIC_VERSION = /\r?\nanthropic-version:/i;

/**
 * What the bytes Node's parser refused (`rawPacket` of a clientError) tell about the request: its URL
 * and whether it sent `anthropic-version`, enough to answer in its format. Best effort: a packet that
 * starts mid-request gives `/` and no headers (the OpenAI format).
 */
export function requestLineOf(packet: unknown): { url: string; headers: IncomingHttpHeaders } {
  if (!Buffer.isBuffer(packet)) return { url: '/', headers: {} };
  const head = packet.subarray(0, 16 * 1024).toString('latin1');
  const url = REQUEST_LINE.exec(head)?.[1] ?? '/';
  return { url, headers: ANTHROPIC_VERSION.test(head) ? { 'anthropic-version': '' } : {} };
}
