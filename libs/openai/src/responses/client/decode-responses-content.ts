import { type IrDocumentPart, type IrPart, RouterError } from '@llm-router/core';
import { decodeImageUrlPart } from '../../decode/decode-image-url-part.js';
import { optionalString, requiredString } from '../../decode/field-readers.js';
import { parseDataUri } from '../../decode/parse-data-uri.js';
import { invalidType, invalidValue, missingParameter, untranslatable } from '../../inspect/parameter-errors.js';
import { isRecord } from '../../is-record.js';

const PART_TYPES = ['input_text', 'input_image', 'input_file', 'output_text', 'refusal'] as const;

/**
 * A message item's `content`, at `at` (`input[i].content`, or a tool output's `input[i].output`): a string or parts. `input_text`, `output_text` (assistant
 * history) and `refusal` (its text) become text; `input_image` an image (an http(s) URL or a base64 data URL;
 * `detail` other than auto is dropped with a warning; an uploaded `file_id` exists only at OpenAI: 400);
 * `input_file` a document (decodeInputFile). Empty texts are left out; any other part type is a 400 naming it.
 */
export function decodeResponsesContent(content: unknown, at: string, warnings: string[]): IrPart[] {
  if (content === undefined || content === null) throw missingParameter(at);
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  if (!Array.isArray(content)) throw invalidType(at, 'a string or an array of content parts', content);
  const parts: IrPart[] = [];
  content.forEach((part: unknown, j) => {
    const param = `${at}[${j}]`;
    if (!isRecord(part)) throw invalidType(param, 'an object', part);
    const type = part['type'];
    switch (type) {
      case 'input_text':
      case 'output_text': {
        const text = requiredString(part['text'], `${param}.text`);
        if (text !== '') parts.push({ type: 'text', text });
        return;
      }
      case 'refusal': {
        const text = requiredString(part['refusal'], `${param}.refusal`);
        if (text !== '') parts.push({ type: 'text', text });
        return;
      }
      case 'input_image': {
        if (optionalString(part['file_id'], `${param}.file_id`) !== undefined) throw untranslatable(`${param}.file_id`, 'uploaded files');
        const url = requiredString(part['image_url'], `${param}.image_url`);
        parts.push(decodeImageUrlPart({ image_url: { url, detail: part['detail'] } }, param, warnings));
        return;
      }
      case 'input_file':
        parts.push(decodeInputFile(part, param));
        return;
      case undefined:
      case null:
        throw missingParameter(`${param}.type`);
      default:
        throw invalidValue(`${param}.type`, type, PART_TYPES);
    }
  });
  return parts;
}

/**
 * An `input_file` part as a document: `file_data` (a base64 data URL; bare base64 is taken as a PDF) or
 * `file_url` (a URL source), `filename` as the title. PDFs stay base64, plain text is decoded; other media
 * types and uploaded `file_id`s are 400s naming the field.
 */
function decodeInputFile(part: Record<string, unknown>, at: string): IrDocumentPart {
  if (optionalString(part['file_id'], `${at}.file_id`) !== undefined) throw untranslatable(`${at}.file_id`, 'uploaded files');
  const title = optionalString(part['filename'], `${at}.filename`);
  const withTitle = (document: IrDocumentPart): IrDocumentPart => (title === undefined ? document : { ...document, title });
  const fileUrl = optionalString(part['file_url'], `${at}.file_url`);
  if (fileUrl !== undefined) return withTitle({ type: 'document', source: { kind: 'url', url: fileUrl } });
  const fileData = optionalString(part['file_data'], `${at}.file_data`);
  if (fileData === undefined) throw RouterError.invalidRequest(`Missing required parameter: '${at}.file_data' (or 'file_url').`, `${at}.file_data`);
  const { mediaType, data } = parseDataUri(fileData) ?? { mediaType: 'application/pdf', data: fileData };
  if (mediaType === 'application/pdf') return withTitle({ type: 'document', source: { kind: 'base64', mediaType, data } });
  if (mediaType === 'text/plain') return withTitle({ type: 'document', source: { kind: 'text', text: Buffer.from(data, 'base64').toString('utf8') } });
  throw untranslatable(`${at}.file_data`, `${mediaType} files (only PDF and plain text)`);
}
