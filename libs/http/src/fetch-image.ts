import { RouterError } from '@llm-router/core';
import got from 'got';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './private-networks.js';

export interface FetchImageOptions {
  maxBytes: number;
  timeoutMs?: number;
  /** Hosts exempt from the private-address check (tests on loopback); every other host is checked. */
  allowHosts?: readonly string[];
}

export interface FetchedImage {
  mediaType: string;
  /** Base64, no `data:` prefix. */
  data: string;
}

/**
 * A DNS lookup that refuses names resolving to private addresses, so the check applies to the address
 * actually connected to (a name that resolves to 127.0.0.1 is refused as surely as the literal).
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const allowed = addresses.filter((a) => !isPrivateAddress(a.address));
    if (allowed.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), '', 0);
    if (options.all === true) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    const first = allowed[0]!;
    callback(null, first.address, first.family);
  });
};

function refuse(message: string): RouterError {
  return new RouterError('invalid_request', `image URL refused: ${message}`, { param: 'messages' });
}

function checkTarget(url: URL, allowHosts: readonly string[]): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse(`only http(s) URLs can be fetched, not ${url.protocol}`);
  if (allowHosts.includes(url.hostname)) return;
  if (isPrivateAddress(url.hostname) || url.hostname === 'localhost') throw refuse(`${url.hostname} is a private or loopback address`);
}

/**
 * Downloads an image for an upstream that takes only inline base64 (Ollama). Guarded: http(s) only; no
 * loopback, private or link-local targets (checked on the URL, on every redirect and on the resolved
 * address); at most `maxBytes` (checked on Content-Length and while reading); the response must be an
 * image. Every failure is a RouterError 400 the client can act on.
 */
export async function fetchImage(rawUrl: string, options: FetchImageOptions): Promise<FetchedImage> {
  const allowHosts = options.allowHosts ?? [];
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw refuse('not a valid URL');
  }
  checkTarget(url, allowHosts);
  const stream = got.stream(url, {
    timeout: { request: options.timeoutMs ?? 15_000 },
    retry: { limit: 0 },
    maxRedirects: 3,
    ...(allowHosts.length > 0 ? {} : { dnsLookup: publicOnlyLookup }),
    hooks: { beforeRedirect: [(redirected) => checkTarget(redirected.url as URL, allowHosts)] },
  });
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    let mediaType = '';
    stream.once('response', (response: { headers: Record<string, string | string[] | undefined> }) => {
      const type = String(response.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
      mediaType = type === 'image/jpg' ? 'image/jpeg' : type;
      const declared = Number(response.headers['content-length']);
      if (!mediaType.startsWith('image/')) stream.destroy(refuse(`${url.host} answered ${type || 'no content type'}, not an image`));
      else if (declared > options.maxBytes) stream.destroy(refuse(`the image is ${declared} bytes, over the ${options.maxBytes} allowed (image_fetch_max_mb)`));
    });
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > options.maxBytes) throw refuse(`the image is over the ${options.maxBytes} bytes allowed (image_fetch_max_mb)`);
      chunks.push(buffer);
    }
    return { mediaType, data: Buffer.concat(chunks).toString('base64') };
  } catch (error) {
    stream.destroy();
    const cause = error instanceof RouterError ? error : (error as { cause?: unknown }).cause;
    if (cause instanceof RouterError) throw cause;
    const message = error instanceof Error ? error.message : String(error);
    throw refuse(`${url.host} could not be fetched: ${message}`);
  }
}
