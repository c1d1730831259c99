import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchImage } from './fetch-image.js';
import { isPrivateAddress } from './private-networks.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '[::1]', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])(
    'refuses %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['8.8.8.8', '172.32.0.1', '2606:4700::1111', 'example.com'])('allows %s', (address) => expect(isPrivateAddress(address)).toBe(false));
});

describe('fetchImage', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/cat.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      else if (req.url === '/huge') res.writeHead(200, { 'content-type': 'image/jpg' }).end(Buffer.alloc(2048));
      else if (req.url === '/redirect') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('downloads an image as base64 with its media type (loopback allowed only for this test)', async () => {
    await expect(fetchImage(`${base}/cat.png`, { maxBytes: 1024, allowHosts: ['127.0.0.1'] })).resolves.toEqual({ mediaType: 'image/png', data: PNG.toString('base64') });
  });

  it('refuses loopback and private targets by default, also as names', async () => {
    await expect(fetchImage(`${base}/cat.png`, { maxBytes: 1024 })).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringContaining('private or loopback') });
    await expect(fetchImage('http://localhost/cat.png', { maxBytes: 1024 })).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(fetchImage('http://[::1]/cat.png', { maxBytes: 1024 })).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('refuses a redirect to a private address, non-images, oversized images and other schemes', async () => {
    await expect(fetchImage(`${base}/redirect`, { maxBytes: 1024, allowHosts: ['127.0.0.1'] })).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(fetchImage(`${base}/page`, { maxBytes: 1024, allowHosts: ['127.0.0.1'] })).rejects.toMatchObject({ message: expect.stringContaining('not an image') });
    await expect(fetchImage(`${base}/huge`, { maxBytes: 1024, allowHosts: ['127.0.0.1'] })).rejects.toMatchObject({ message: expect.stringContaining('over the 1024') });
    await expect(fetchImage('file:///etc/passwd', { maxBytes: 1024 })).rejects.toMatchObject({ message: expect.stringContaining('only http(s)') });
  });
});
