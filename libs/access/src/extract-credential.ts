/** Request headers as Node gives them: lowercase names; repeated headers may be arrays. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The credential a client presented: `Authorization: Bearer <k>` (OpenAI SDKs, Anthropic SDK 1.x) else
 * `x-api-key: <k>` (Anthropic SDK 0.x, Claude Code), on every route. `Authorization` wins when both are
 * present. A repeated header, a non-Bearer scheme or an empty value presents nothing from that header.
 */
export function extractCredential(headers: RequestHeaders): string | undefined {
  const authorization = single(headers['authorization']);
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (match?.[1] !== undefined) return match[1];
  }
  const apiKey = single(headers['x-api-key'])?.trim();
  return apiKey === undefined || apiKey === '' ? undefined : apiKey;
}

function single(value: string | readonly string[] | undefined): string | undefined {
  if (typeof value === 'string') return value;
  return value?.length === 1 ? value[0] : undefined;
}
