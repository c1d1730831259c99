import { describe, expect, it } from '@jest/globals';
import { isLoopbackHost } from './is-loopback-host.js';

describe('isLoopbackHost (the boot warning for an open router without auth)', () => {
  it('knows the loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopbackHost(host)).toBe(true);
  });

  it('treats every other address as reachable from elsewhere', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', 'router.internal', '127.0.0.1.example.com']) expect(isLoopbackHost(host)).toBe(false);
  });
});
