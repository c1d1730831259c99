import type { IrDocumentPart, IrImageSource } from '@llm-router/core';
import type { AnthropicDocumentBlock, AnthropicImageBlock, AnthropicImageMediaType } from './anthropic-request-types.js';
import { invalidField } from './read-request-field.js';

const IMAGE_MEDIA_TYPES: ReadonlyMap<string, AnthropicImageMediaType> = new Map([
  ['image/jpeg', 'image/jpeg'],
  ['image/jpg', 'image/jpeg'], // common misspelling (browsers, some SDKs); Anthropic only knows image/jpeg
  ['image/png', 'image/png'],
  ['image/gif', 'image/gif'],
  ['image/webp', 'image/webp'],
]);
const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;

/**
 * An IR image as an Anthropic image source (docs/protocols.md §5.2, §6 #13). URLs stay URLs (Anthropic
 * fetches them; inlining would hit its 5 MB base64 limit) except `data:` URLs, which become base64.
 * Base64 media types: jpeg, png, gif, webp (`image/jpg` normalised); any other is a 400 naming `path`.
 */
export function encodeImageSource(source: IrImageSource, path: string): AnthropicImageBlock['source'] {
  if (source.kind === 'url') {
    const dataUrl = DATA_URL.exec(source.url);
    if (dataUrl === null) return { type: 'url', url: source.url };
    return encodeImageSource({ kind: 'base64', mediaType: dataUrl[1] ?? '', data: dataUrl[2] ?? '' }, path);
  }
  const mediaType = IMAGE_MEDIA_TYPES.get(source.mediaType.toLowerCase());
  if (mediaType === undefined) {
    throw invalidField(path, `image media type '${source.mediaType}' is not supported by anthropic (image/jpeg, image/png, image/gif, image/webp)`);
  }
  return { type: 'base64', media_type: mediaType, data: source.data };
}

/**
 * An IR document as an Anthropic document source: base64 PDF, URL (Anthropic fetches PDFs), or plain
 * text. A base64 `text/plain` document is decoded into a text source; other base64 media types are a
 * 400 naming `path`.
 */
export function encodeDocumentSource(source: IrDocumentPart['source'], path: string): AnthropicDocumentBlock['source'] {
  switch (source.kind) {
    case 'url':
      return { type: 'url', url: source.url };
    case 'text':
      return { type: 'text', media_type: 'text/plain', data: source.text };
    case 'base64': {
      const mediaType = source.mediaType.toLowerCase();
      if (mediaType === 'application/pdf') return { type: 'base64', media_type: 'application/pdf', data: source.data };
      if (mediaType === 'text/plain') return { type: 'text', media_type: 'text/plain', data: Buffer.from(source.data, 'base64').toString('utf8') };
      throw invalidField(path, `document media type '${source.mediaType}' is not supported by anthropic (application/pdf, text/plain)`);
    }
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}
