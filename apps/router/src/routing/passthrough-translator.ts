import { describeSkippedFrame, isJsonObjectText, RouterError, SseParser, type ClientCodec } from '@llm-router/core';
import type { StreamTranslator, TranslatedChunk } from './stream-translator.js';

/**
 * Same-format streams: each complete SSE frame is forwarded as it came, with only the model name
 * swapped. The upstream's terminal frame or its own in-band error frame ends the stream.
 *
 * An upstream body that ends without the terminal frame: after the finish frame (`codec.isFinishFrame`:
 * the answer is complete, only usage and the terminator could follow) the stream is complete, and the
 * router writes the format's terminator in the upstream's place so strict clients see a normal end; before
 * it, the answer is truncated and ends with the format's in-band error. The same rule as the translating
 * path's decoders.
 *
 * With `hideUsageFrames` (the router asked the upstream for usage the client did not ask for, see
 * `ClientCodec.requestStreamUsage`), usage-only frames are still observed (`onFrame`) but not forwarded.
 *
 * A malformed frame (data that is not a JSON object, other than the format's terminator such as
 * `[DONE]`) is skipped, never forwarded (an SDK throws on one), and reported to `onSkippedFrame`: the
 * same contract as the translating path's decoders (core's `describeSkippedFrame`).
 */
export interface PassthroughOptions {
  /** Longest frame accepted (characters); see SseParser. */
  maxFrameChars?: number;
  hideUsageFrames?: boolean;
  onSkippedFrame?: (description: string) => void;
}

export function passthroughTranslator(codec: ClientCodec, clientModel: string, onFrame?: (data: string) => void, options: PassthroughOptions = {}): StreamTranslator {
  const parser = new SseParser({ maxFrameChars: options.maxFrameChars });
  const hidden = options.hideUsageFrames === true ? codec.isUsageOnlyFrame : undefined;
  let ended = false;
  let finished = false;
  return {
    push(chunk: Buffer): TranslatedChunk {
      let text = '';
      let error: RouterError | undefined;
      for (const frame of parser.push(chunk)) {
        const terminal = codec.isTerminalFrame(frame);
        if (!terminal && !isJsonObjectText(frame.data)) {
          options.onSkippedFrame?.(describeSkippedFrame(`${frame.event ?? 'stream'} event`, frame.data));
          continue;
        }
        onFrame?.(frame.data);
        if (hidden?.(frame) === true) continue;
        text += codec.passthroughFrame(frame, clientModel);
        if (codec.isErrorFrame(frame)) {
          error = new RouterError('bad_gateway', `upstream failed mid-stream: ${frame.data}`);
          ended = true;
          break;
        }
        if (terminal) {
          ended = true;
          break;
        }
        if (!finished && codec.isFinishFrame(frame)) finished = true;
      }
      return { text, ended, error };
    },
    end(): TranslatedChunk {
      if (ended) return { text: '', ended: true };
      ended = true;
      if (finished) return { text: codec.terminalFrame, ended: true };
      const error = new RouterError('bad_gateway', 'upstream stream ended before its final event');
      return { text: codec.streamErrorFrame(error), ended: true, error };
    },
    fail: (error) => codec.streamErrorFrame(error),
  };
}
