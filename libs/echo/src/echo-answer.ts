import type { HeaderMap, IrResponse, IrStreamEvent, UpstreamRequest } from '@llm-router/core';

/** What the echo provider reports: the upstream request exactly as the router built it. */
export interface EchoedRequest {
  method: string;
  url: string;
  headers: HeaderMap;
  body: unknown;
}

/** Echo's text: the request as pretty JSON. The body is parsed back so the client reads JSON, not a string in a string. */
export function describeRequest(request: UpstreamRequest, maskHeaders: (headers: HeaderMap) => HeaderMap): EchoedRequest {
  const text = request.body.toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: shown as the raw string
  }
  return { method: request.method, url: request.url, headers: maskHeaders(request.headers), body };
}

/** A rough token count (4 characters a token), enough for usage fields of an answer that cost nothing. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function echoResponse(id: string, model: string, text: string, inputTokens: number, created: number): IrResponse {
  return {
    id,
    model,
    created,
    parts: [{ type: 'text', text }],
    stopReason: 'end_turn',
    usage: { inputTokens, outputTokens: estimateTokens(text) },
  };
}

/** The same answer as a stream: the text goes out line by line, so clients see several deltas. */
export function echoStreamEvents(response: IrResponse): IrStreamEvent[] {
  const text = response.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const lines = text.split(/(?<=\n)/);
  return [
    { type: 'start', id: response.id, model: response.model, created: response.created, usage: { inputTokens: response.usage.inputTokens, outputTokens: 0 } },
    { type: 'block_start', index: 0, block: { type: 'text' } },
    ...lines.map((line): IrStreamEvent => ({ type: 'text_delta', index: 0, text: line })),
    { type: 'block_stop', index: 0 },
    { type: 'finish', stopReason: response.stopReason, usage: response.usage },
  ];
}
