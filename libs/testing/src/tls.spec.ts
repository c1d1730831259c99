import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { get, type RequestOptions } from 'node:https';
import type { MockUpstream } from './mock-upstream.js';
import { startMockAnthropic } from './start-mock-anthropic.js';
import { startMockOpenAI } from './start-mock-openai.js';

function fetchModels(url: string, options: RequestOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'anthropic-version': '2023-06-01' }, agent: false, ...options }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('tls: true', () => {
  let anthropic: MockUpstream;
  let openai: MockUpstream;
  beforeAll(async () => {
    [anthropic, openai] = await Promise.all([startMockAnthropic({ tls: true }), startMockOpenAI({ tls: true })]);
  });
  afterAll(() => Promise.all([anthropic.close(), openai.close()]));

  it('serves https on 127.0.0.1 with a self-signed certificate that Node refuses by default', async () => {
    expect(anthropic.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetchModels(`${anthropic.origin}/v1/models`, {})).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('is accepted with rejectUnauthorized: false', async () => {
    const response = await fetchModels(`${anthropic.origin}/v1/models`, { rejectUnauthorized: false });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ data: [{ type: 'model', id: 'claude-haiku-4-5' }], has_more: false });
  });

  it('verifies against tlsCertificate as CA, for 127.0.0.1 and localhost alike, shared by every TLS mock', async () => {
    expect(openai.tlsCertificate).toBe(anthropic.tlsCertificate);
    const port = new URL(openai.origin).port;
    for (const url of [`${openai.origin}/v1/models`, `https://localhost:${port}/v1/models`]) {
      const response = await fetchModels(url, { ca: openai.tlsCertificate });
      expect(response.status).toBe(200);
    }
  });
});
