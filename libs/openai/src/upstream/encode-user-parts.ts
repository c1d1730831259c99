import { type IrDocumentPart, type IrImagePart, type IrTextPart, RouterError } from '@llm-router/core';
import { unreachable } from '../unreachable.js';
import type { ChatRequestContentPart } from '../wire/chat-request.js';

/**
 * One IR part of a user turn as a chat content part (§5.2): images as `image_url` (base64 as a data
 * URI), PDFs as `file` parts (`filename` is required with `file_data`; `document.pdf` when untitled),
 * plain-text documents as text (titled by their first line). A document by URL has no chat form: 400
 * naming the part by its IR position, `at`.
 */
export function encodeUserPart(part: IrTextPart | IrImagePart | IrDocumentPart, at: string): ChatRequestContentPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image': {
      const { source } = part;
      const url = source.kind === 'url' ? source.url : `data:${source.mediaType};base64,${source.data}`;
      return { type: 'image_url', image_url: { url } };
    }
    case 'document':
      return encodeDocument(part, at);
    default:
      return unreachable(part, { type: 'text', text: '' });
  }
}

function encodeDocument(part: IrDocumentPart, at: string): ChatRequestContentPart {
  const { source } = part;
  switch (source.kind) {
    case 'base64':
      return { type: 'file', file: { file_data: `data:${source.mediaType};base64,${source.data}`, filename: part.title ?? 'document.pdf' } };
    case 'text':
      return { type: 'text', text: part.title === undefined ? source.text : `${part.title}\n\n${source.text}` };
    case 'url':
      throw RouterError.invalidRequest(
        `Unsupported parameter: '${at}': documents given by URL cannot be sent to an OpenAI upstream; send the document's content instead.`,
        at,
      );
    default:
      return unreachable(source, { type: 'text', text: '' });
  }
}
