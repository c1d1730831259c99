import { describe, expect, it } from '@jest/globals';
import { embeddingsList } from './embeddings-list.js';
import { float32Base64, float32FromBase64 } from './float32-base64.js';

describe('float32Base64', () => {
  it('writes little-endian float32 bytes, whatever the platform order', () => {
    // 1.0f = 0x3f800000 -> LE bytes 00 00 80 3f; -2.5f = 0xc0200000 -> 00 00 20 c0
    expect(Buffer.from(float32Base64([1, -2.5]), 'base64')).toEqual(Buffer.from([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x20, 0xc0]));
  });

  it('round-trips through float32FromBase64 as the SDKs decode it (a Float32Array over the bytes)', () => {
    const vector = [0.1, -0.25, 3.14159, 0, 1e-7];
    const encoded = float32Base64(vector);
    const bytes = Buffer.from(encoded, 'base64');
    const sdkView = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    expect(float32FromBase64(encoded)).toEqual(sdkView);
    expect(sdkView).toEqual(vector.map((value) => Math.fround(value)));
  });

  it('renders an empty vector as an empty string', () => {
    expect(float32Base64([])).toBe('');
  });
});

describe('embeddingsList', () => {
  const result = { vectors: [[0.5, 0.25], [-1, 2]], inputTokens: 7 };

  it('is OpenAI list shape with the client model and usage', () => {
    expect(embeddingsList(result, 'my-embed', 'float')).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [0.5, 0.25] },
        { object: 'embedding', index: 1, embedding: [-1, 2] },
      ],
      model: 'my-embed',
      usage: { prompt_tokens: 7, total_tokens: 7 },
    });
  });

  it('encodes each vector as base64 little-endian float32 when asked', () => {
    const list = embeddingsList(result, 'm', 'base64');
    expect(list.data.map((d) => d.embedding)).toEqual([float32Base64([0.5, 0.25]), float32Base64([-1, 2])]);
  });
});
