import { type IrImagePart, RouterError } from '@llm-router/core';
import { isRecord } from '../is-record.js';
import { invalidType, missingParameter } from '../inspect/parameter-errors.js';
import { parseDataUri } from './parse-data-uri.js';

const HTTP_URL = /^https?:\/\//i;

/**
 * An `image_url` content part (§1.3, §5.2) at `at` (`messages[i].content[j]`): a base64 `data:image/…`
 * URI becomes a base64 source, an http(s) URL a URL source (whether it is downloaded is the upstream's
 * concern). `detail` has no equivalent elsewhere: a non-default value is dropped with a warning.
 * Also accepts the bare-string form `image_url: "<url>"` some clients send.
 */
export function decodeImageUrlPart(part: Record<string, unknown>, at: string, warnings: string[]): IrImagePart {
  const image = part['image_url'];
  const param = `${at}.image_url`;
  if (image === undefined || image === null) throw missingParameter(param);
  if (typeof image !== 'string' && !isRecord(image)) throw invalidType(param, 'an object', image);
  const url = typeof image === 'string' ? image : image['url'];
  if (url === undefined || url === null) throw missingParameter(`${param}.url`);
  if (typeof url !== 'string') throw invalidType(`${param}.url`, 'a string', url);

  if (isRecord(image)) {
    const detail = image['detail'];
    if (detail !== undefined && detail !== null && detail !== 'auto') warnings.push(`${param}.detail: not supported by the upstream, dropped`);
  }

  if (HTTP_URL.test(url)) return { type: 'image', source: { kind: 'url', url } };
  const dataUri = parseDataUri(url);
  if (dataUri === undefined || !dataUri.mediaType.startsWith('image/')) {
    throw RouterError.invalidRequest(
      `Invalid '${param}.url': expected an http(s) URL or a base64 data URI of an image (data:image/<format>;base64,...).`,
      `${param}.url`,
    );
  }
  return { type: 'image', source: { kind: 'base64', mediaType: dataUri.mediaType, data: dataUri.data } };
}
