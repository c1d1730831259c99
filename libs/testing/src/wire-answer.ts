/** What the mock writes for one request: status, headers and the body as separately written chunks. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  /** Each entry is one `res.write` (an SSE frame, or the whole JSON body). */
  chunks: string[];
  /** True for `text/event-stream` answers (counted in `streamsStarted`/`streamsCompleted`). */
  sse: boolean;
}

/** A request the family accepted: its normal answer and its mid-stream-error variant. */
export interface AnswerPlan {
  kind: 'plan';
  success: WireAnswer;
  midstream: WireAnswer;
  /** The model the request named, for the family's default error bodies. */
  model: string | undefined;
}

/** A request the family refused (auth, routing, validation): answered at once, queue untouched. */
export interface Rejection {
  kind: 'reject';
  status: number;
  body: unknown;
}

export function jsonAnswer(body: unknown, status = 200): WireAnswer {
  return { status, headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify(body)], sse: false };
}

export function rawAnswer(text: string, status: number): WireAnswer {
  const type = text.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
  return { status, headers: { 'content-type': type }, chunks: [text], sse: false };
}

export function sseAnswer(frames: string[]): WireAnswer {
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    chunks: frames,
    sse: true,
  };
}

export function reject(status: number, body: unknown): Rejection {
  return { kind: 'reject', status, body };
}
