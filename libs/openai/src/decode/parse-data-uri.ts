/** `data:<media type>[;param=value…];base64,<data>`; the media type may be absent (RFC 2397 then means text/plain). */
const BASE64_DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*);base64,(.*)$/is;

export interface DataUri {
  /** Lower-cased; `image/jpg` (not a registered type, but what clients send) normalised to `image/jpeg`. */
  mediaType: string;
  data: string;
}

/** The media type and base64 payload of a base64 data URI; undefined for anything else (URL-encoded data URIs included). */
export function parseDataUri(uri: string): DataUri | undefined {
  const match = BASE64_DATA_URI.exec(uri);
  if (match === null) return undefined;
  const mediaType = (match[1] ?? '').trim().toLowerCase() || 'text/plain';
  return { mediaType: mediaType === 'image/jpg' ? 'image/jpeg' : mediaType, data: match[3] ?? '' };
}
