import type { IrStreamEvent, IrUsage, StreamDecoder, StreamEncoder } from '@llm-router/core';
import type { RouterError } from '@llm-router/core';
import type { StreamTranslator, TranslatedChunk } from './stream-translator.js';

/**
 * Cross-format streams: upstream bytes -> IR events (the upstream family's decoder) -> client wire
 * text (the client family's encoder). The client sees the model name it asked for.
 */
export function irStreamTranslator(
  decoder: StreamDecoder,
  encoder: StreamEncoder,
  clientModel: string,
  onFinish?: (usage: IrUsage) => void,
): StreamTranslator {
  let ended = false;
  const encode = (events: IrStreamEvent[]): TranslatedChunk => {
    let text = '';
    let error: RouterError | undefined;
    for (const event of events) {
      if (ended) break;
      text += encoder.encode(event.type === 'start' ? { ...event, model: clientModel } : event);
      if (event.type === 'error') error = event.error;
      if (event.type === 'finish') onFinish?.(event.usage);
      if (event.type === 'finish' || event.type === 'error') ended = true;
    }
    return { text, ended, error };
  };
  return {
    push: (chunk) => encode(decoder.push(chunk)),
    end: () => (ended ? { text: '', ended: true } : encode(decoder.end())),
    fail: (error) => (ended ? '' : encoder.encode({ type: 'error', error })),
  };
}
