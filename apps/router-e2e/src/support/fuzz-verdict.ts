import { jsonTextTooDeep, MAX_JSON_DEPTH } from '@llm-router/core';
import type { FuzzAnswer } from './fuzz-exchange.js';
import type { FuzzPath } from './fuzz-bodies.js';

/**
 * The oracle of the endpoint fuzz properties: what every answer to any request must look like. Returns
 * the first problem as one precise sentence (status and body quoted), or undefined for an acceptable answer.
 *
 * Acceptable: 200 with a well-formed answer or stream in the client's format (only for a request that
 * is JSON at all), or a 4xx in the client's error format. The mock upstreams are healthy and
 * unscripted, so a 5xx can only be the router's own failure (deep nesting answered 500, a crash caught
 * by the exception filter): it is refused too, whatever its format.
 */
export interface FuzzRequest {
  path: FuzzPath;
  contentType: string | undefined;
  bytes: Buffer;
  /** What was done to the bytes (raw-protocol property), quoted in failures. */
  note?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const quote = (text: string) => JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The request body as the router should see it: a JSON object sent as application/json in valid UTF-8,
 * within MAX_JSON_DEPTH; otherwise why the router must refuse it (a 200 for it fails).
 */
function readRequest(request: FuzzRequest): { body: Record<string, unknown> } | { refusal: string } {
  const mediaType = (request.contentType ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return { refusal: `sent as ${JSON.stringify(request.contentType ?? null)}, not application/json` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(request.bytes);
  } catch {
    return { refusal: 'not valid UTF-8' };
  }
  if (jsonTextTooDeep(text)) return { refusal: `nested ${nestingDepth(text)} deep, over MAX_JSON_DEPTH ${MAX_JSON_DEPTH}` };
  const value = parseJson(text);
  return isRecord(value) ? { body: value } : { refusal: 'not a JSON object' };
}

const isAnthropicPath = (path: FuzzPath) => path.startsWith('/v1/messages');

/** Why `body` is not an error in the client's format (undefined when it is). */
function errorFormatProblem(path: FuzzPath, text: string): string | undefined {
  const body = parseJson(text);
  if (isRecord(body) && 'statusCode' in body) return `a Fastify-format error body ${quote(text)}`;
  if (isAnthropicPath(path)) {
    const error = isRecord(body) ? body['error'] : undefined;
    const ok = isRecord(body) && body['type'] === 'error' && isRecord(error) && typeof error['type'] === 'string' && typeof error['message'] === 'string';
    return ok ? undefined : `not an Anthropic error {type:"error",error:{type,message}}: ${quote(text)}`;
  }
  const error = isRecord(body) ? body['error'] : undefined;
  const ok = isRecord(error) && typeof error['message'] === 'string' && typeof error['type'] === 'string';
  return ok ? undefined : `not an OpenAI error {error:{message,type,...}}: ${quote(text)}`;
}

/** Why a complete JSON answer is not one of `path`'s format. */
function answerProblem(path: FuzzPath, text: string): string | undefined {
  const body = parseJson(text);
  if (!isRecord(body)) return `a 200 whose body is not a JSON object: ${quote(text)}`;
  const ok =
    path === '/v1/chat/completions'
      ? body['object'] === 'chat.completion' && Array.isArray(body['choices'])
      : path === '/v1/completions'
        ? body['object'] === 'text_completion' && Array.isArray(body['choices'])
        : path === '/v1/messages'
          ? body['type'] === 'message' && body['role'] === 'assistant' && Array.isArray(body['content'])
          : typeof body['input_tokens'] === 'number';
  return ok ? undefined : `a 200 that is not a ${path} answer: ${quote(text)}`;
}

interface SseFrame {
  event?: string;
  data: string;
}

function sseFrames(text: string): SseFrame[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const frame: SseFrame = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) frame.event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      frame.data = data.join('\n');
      return frame;
    });
}

/** Why a streamed answer is not a complete stream of `path`'s format (ended by its success marker or an in-band error). */
function streamProblem(path: FuzzPath, text: string): string | undefined {
  const frames = sseFrames(text);
  const last = frames.at(-1);
  if (last === undefined) return `an empty stream`;
  if (isAnthropicPath(path)) {
    for (const frame of frames) {
      const data = parseJson(frame.data);
      if (!isRecord(data) || data['type'] !== frame.event) return `an Anthropic stream frame whose data is not its event ${quote(`${frame.event}: ${frame.data}`)} in ${quote(text)}`;
    }
    if (last.event === 'message_stop') return undefined;
    if (last.event === 'error') return errorFormatProblem(path, last.data);
    return `an Anthropic stream that ends without message_stop or an error event: ${quote(text)}`;
  }
  const chunkObject = path === '/v1/chat/completions' ? 'chat.completion.chunk' : 'text_completion';
  for (const [i, frame] of frames.entries()) {
    if (frame.data === '[DONE]') {
      if (i !== frames.length - 1) return `frames after [DONE]: ${quote(text)}`;
      continue;
    }
    const data = parseJson(frame.data);
    if (isRecord(data) && 'error' in data) {
      if (i !== frames.length - 1) return `frames after an in-band error: ${quote(text)}`;
      return errorFormatProblem(path, frame.data);
    }
    if (!isRecord(data) || data['object'] !== chunkObject) return `a stream frame that is not a ${chunkObject}: ${quote(frame.data)}`;
  }
  return last.data === '[DONE]' ? undefined : `an OpenAI stream that ends without [DONE] or an error: ${quote(text)}`;
}

/** The first place a secret shows up in the answer (status line, headers, body), or undefined. */
export function secretProblem(answer: FuzzAnswer, secrets: readonly string[]): string | undefined {
  if (answer.kind !== 'answer') return undefined;
  const places: Array<[string, string]> = [
    ['status line', answer.statusMessage],
    ['headers', answer.rawHeaders.join('\n')],
    ['body', answer.body],
  ];
  for (const secret of secrets) {
    for (const [where, text] of places) if (text.includes(secret)) return `the configured secret ${quote(secret)} appears in the ${where}`;
  }
  return undefined;
}

/** The deepest nesting of `[`/`{` in JSON text (outside strings): quoted in failures, since deep bodies print truncated. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

export function judgeAnswer(request: FuzzRequest, answer: FuzzAnswer, secrets: readonly string[]): string | undefined {
  if (answer.kind === 'hang') return `no complete answer within ${answer.ms} ms (a hang); received so far: ${quote(answer.partial)}`;
  if (answer.kind === 'network-error') return `the connection failed after ${answer.ms} ms: ${answer.message}`;
  const leak = secretProblem(answer, secrets);
  if (leak !== undefined) return leak;
  const { status, body } = answer;
  const contentType = String(answer.headers['content-type'] ?? '');
  const seen = `HTTP ${status} (${contentType}) ${quote(body)}`;
  if (status === 200) {
    const parsed = readRequest(request);
    if ('refusal' in parsed) return `a 200 for a request body ${parsed.refusal}: ${seen}`;
    const streamed = parsed.body['stream'] === true && request.path !== '/v1/messages/count_tokens';
    if (streamed) {
      if (!contentType.startsWith('text/event-stream')) return `a 200 to a streaming request that is not an event stream: ${seen}`;
      return streamProblem(request.path, body);
    }
    if (!contentType.startsWith('application/json')) return `a 200 that is not JSON: ${seen}`;
    return answerProblem(request.path, body);
  }
  if (status < 400 || status > 499) {
    const format = errorFormatProblem(request.path, body);
    return `HTTP ${status}: the mocks are healthy, so only 200 or a 4xx may come back${format === undefined ? '' : ` (and it is ${format})`}: ${seen}`;
  }
  if (!contentType.startsWith('application/json')) return `a ${status} that is not JSON: ${seen}`;
  const format = errorFormatProblem(request.path, body);
  return format === undefined ? undefined : `HTTP ${status} with ${format}`;
}
