import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMockOllama, type MockUpstream } from '@llm-router/testing';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { startRouter, type RunningRouter } from './support/start-router.js';

// Ollama takes only base64 images. With `fetch_image_urls: true` the router downloads image URLs itself,
// but never from loopback or private addresses (SSRF); without it, an image URL is a 400.

describe('image URLs for an Ollama model', () => {
  let ollama: MockUpstream;
  let imageServer: http.Server;
  let imageUrl = '';
  let imageRequests = 0;
  let router: RunningRouter;
  let client: OpenAI;

  beforeAll(async () => {
    ollama = await startMockOllama();
    imageServer = http.createServer((_req, res) => {
      imageRequests += 1;
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('89504e470d0a1a0a', 'hex'));
    });
    await new Promise<void>((r) => imageServer.listen(0, '127.0.0.1', r));
    imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/cat.png`;
    router = await startRouter({
      config: {
        models: {
          'llama-fetch': { provider: 'ollama', endpoint: ollama.origin, fetch_image_urls: true, image_fetch_max_mb: 1, retry_config: { max_retries: 0 } },
          'llama-plain': { provider: 'ollama', endpoint: ollama.origin, retry_config: { max_retries: 0 } },
        },
      },
    });
    client = new OpenAI({ apiKey: 'unused', baseURL: `${router.url}/v1`, maxRetries: 0 });
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await ollama?.close();
    await new Promise<void>((r) => imageServer.close(() => r()));
  });

  const ask = (model: string, url: string) =>
    client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url } }] }],
    });

  it('refuses a loopback image URL even when fetching is on, without touching it or the upstream', async () => {
    const error = await ask('llama-fetch', imageUrl).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).toMatch(/private or loopback/);
    expect(imageRequests).toBe(0);
    expect(ollama.requests).toHaveLength(0);
  });

  it('says how to enable fetching when it is off', async () => {
    const error = await ask('llama-plain', 'https://example.com/cat.png').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).toMatch(/fetch_image_urls/);
    expect(ollama.requests).toHaveLength(0);
  });
});
