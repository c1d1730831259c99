import type { IrImagePart, IrRequest } from '@llm-router/core';
import { fetchImage, type FetchImageOptions } from '@llm-router/http';

/**
 * For a model with `fetch_image_urls: true`: downloads every image the request gives by URL (in messages
 * and inside tool results) and inlines it as base64, so upstreams that take only base64 (Ollama) can see
 * it. Fetches run in parallel; the first failure refuses the request with a 400 (fetchImage's rules: no
 * private targets, size-capped, images only).
 */
export async function inlineImageUrls(request: IrRequest, maxBytes: number, options: Omit<FetchImageOptions, 'maxBytes'> = {}): Promise<void> {
  const images: IrImagePart[] = [];
  for (const message of request.messages) {
    for (const part of message.parts) {
      if (part.type === 'image' && part.source.kind === 'url') images.push(part);
      if (part.type === 'tool_result') {
        for (const inner of part.content) if (inner.type === 'image' && inner.source.kind === 'url') images.push(inner);
      }
    }
  }
  await Promise.all(
    images.map(async (image) => {
      if (image.source.kind !== 'url') return;
      const fetched = await fetchImage(image.source.url, { ...options, maxBytes });
      image.source = { kind: 'base64', mediaType: fetched.mediaType, data: fetched.data };
    }),
  );
}
