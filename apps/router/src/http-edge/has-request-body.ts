import type { IncomingHttpHeaders } from 'node:http';

/** Whether a request carries a body: chunked, or a Content-Length other than 0 (Node has already refused malformed lengths). */
export function hasRequestBody(headers: IncomingHttpHeaders): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}
