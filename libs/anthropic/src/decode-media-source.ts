import type { IrDocumentPart, IrImageSource } from '@llm-router/core';
import { invalidField, readRecord, readString } from './read-request-field.js';

/**
 * An image or document `source` as IR. Base64 and URL sources translate; `file` sources (Anthropic
 * Files API ids) and document `content` sources exist nowhere else and are refused naming
 * `<path>.type`. Media types are kept as sent: the upstream encoder decides what it accepts.
 */
export function decodeImageSource(value: unknown, path: string): IrImageSource {
  const source = readRecord(value, path);
  switch (source['type']) {
    case 'base64':
      return {
        kind: 'base64',
        mediaType: readString(source['media_type'], `${path}.media_type`),
        data: readString(source['data'], `${path}.data`),
      };
    case 'url':
      return { kind: 'url', url: readString(source['url'], `${path}.url`) };
    default:
      throw untranslatable(source['type'], `${path}.type`);
  }
}

export function decodeDocumentSource(value: unknown, path: string): IrDocumentPart['source'] {
  const source = readRecord(value, path);
  switch (source['type']) {
    case 'base64':
      return {
        kind: 'base64',
        mediaType: readString(source['media_type'], `${path}.media_type`),
        data: readString(source['data'], `${path}.data`),
      };
    case 'url':
      return { kind: 'url', url: readString(source['url'], `${path}.url`) };
    case 'text':
      return { kind: 'text', text: readString(source['data'], `${path}.data`) };
    default:
      throw untranslatable(source['type'], `${path}.type`);
  }
}

function untranslatable(type: unknown, path: string) {
  return typeof type === 'string'
    ? invalidField(path, `'${type}' sources are Anthropic-only and cannot be translated for this upstream`)
    : invalidField(path, 'Field required');
}
