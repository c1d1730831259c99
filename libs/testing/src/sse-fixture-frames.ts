import { formatSseEvent, SseParser } from '@llm-router/core';
import { readFixture } from './fixture-files.js';
import { isRecord, type JsonObject } from './json-value.js';

/** The frames of an SSE fixture, each exactly as in the file (`event: …\ndata: …\n\n`). */
export function readSseFixtureFrames(relative: string): string[] {
  const parser = new SseParser();
  const frames = parser.push(readFixture(relative)).map((frame) => frame.raw);
  if (parser.pending.trim() !== '') throw new Error(`SSE fixture ${relative} ends with an incomplete frame`);
  return frames;
}

/**
 * Rewrites the JSON `data:` of each frame. `edit` may mutate the object, and returns false to drop the
 * frame. Frames whose data is not a JSON object (`[DONE]`) are kept byte for byte. Re-serialising keeps
 * the bytes of an unchanged frame: the fixtures are compact JSON without escapes that would change.
 */
export function editSseFrames(frames: string[], edit: (data: JsonObject, event: string | undefined) => boolean): string[] {
  const out: string[] = [];
  for (const raw of frames) {
    const [frame] = new SseParser().push(raw);
    if (frame === undefined || !frame.data.startsWith('{')) {
      out.push(raw);
      continue;
    }
    const data: unknown = JSON.parse(frame.data);
    if (!isRecord(data)) {
      out.push(raw);
      continue;
    }
    if (edit(data, frame.event)) out.push(formatSseEvent(JSON.stringify(data), frame.event));
  }
  return out;
}
