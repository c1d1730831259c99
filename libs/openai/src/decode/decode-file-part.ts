import type { IrDocumentPart } from '@llm-router/core';
import { untranslatable } from '../inspect/parameter-errors.js';
import { optionalString, requiredRecord, requiredString } from './field-readers.js';
import { parseDataUri } from './parse-data-uri.js';

/**
 * A `file` content part (§1.3, §5.2) at `at` (`messages[i].content[j]`) as a document: `file_data`, a
 * base64 data URI (a bare base64 string is taken as a PDF), with `filename` as the title. PDFs stay
 * base64; plain text is decoded into a text source. Other media types and uploaded `file_id`s exist only
 * at OpenAI: 400.
 */
export function decodeFilePart(part: Record<string, unknown>, at: string): IrDocumentPart {
  const file = requiredRecord(part['file'], `${at}.file`);
  if (optionalString(file['file_id'], `${at}.file.file_id`) !== undefined) throw untranslatable(`${at}.file.file_id`, 'uploaded files');
  const fileData = requiredString(file['file_data'], `${at}.file.file_data`);
  const title = optionalString(file['filename'], `${at}.file.filename`);
  const { mediaType, data } = parseDataUri(fileData) ?? { mediaType: 'application/pdf', data: fileData };

  let source: IrDocumentPart['source'];
  if (mediaType === 'application/pdf') source = { kind: 'base64', mediaType, data };
  else if (mediaType === 'text/plain') source = { kind: 'text', text: Buffer.from(data, 'base64').toString('utf8') };
  else throw untranslatable(`${at}.file.file_data`, `${mediaType} files (only PDF and plain text)`);
  return title === undefined ? { type: 'document', source } : { type: 'document', source, title };
}
