import { type IrImageSource, RouterError } from '@llm-router/core';

const DATA_URI = /^data:[^,]*;base64,/i;

/**
 * An image as Ollama takes it: raw base64, no `data:` prefix (§4.1). `path` names the part for the 400.
 *
 * Surprise: a `url` source that is itself a base64 `data:` URI is inline data, so it is accepted. A real
 * URL is refused: the codec never fetches (the app downloads URLs before encoding when the model's
 * `fetch_image_urls` allows it, §5.2 / §6 #13).
 */
export function imageData(source: IrImageSource, path: string): string {
  switch (source.kind) {
    case 'base64':
      // Defensive: tolerate a decoder that left the data URI prefix on.
      return source.data.replace(DATA_URI, '');
    case 'url':
      if (DATA_URI.test(source.url)) return source.url.replace(DATA_URI, '');
      throw RouterError.invalidRequest(
        `${path}: Ollama takes only base64 images; enable fetch_image_urls for this model or send the image inline`,
        path,
      );
    default: {
      const unknown: never = source;
      throw RouterError.invalidRequest(`${path}: unsupported image source ${JSON.stringify(unknown)}`, path);
    }
  }
}
