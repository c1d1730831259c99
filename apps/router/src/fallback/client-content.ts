import { type ClientFormat, SseParser } from '@llm-router/core';
import { codecFor } from '../routing/client-codecs.js';

/**
 * Whether some client-format stream text (whole SSE frames, as translators emit them) carries content, as
 * the format's codec judges each frame (`ClientCodec.isContentFrame`: a text, tool-call or thinking delta;
 * opening frames and pings are not). Used only while a routed stream is held back.
 */
export function clientTextHasContent(format: ClientFormat, text: string): boolean {
  if (text === '') return false;
  const codec = codecFor(format);
  return new SseParser().push(text).some((frame) => codec.isContentFrame(frame));
}
