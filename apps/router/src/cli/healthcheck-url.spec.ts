import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthcheckUrl } from './healthcheck-url.js';

const dir = mkdtempSync(join(tmpdir(), 'llm-router-healthcheck-'));
const bundled = join(dir, 'bundled.yaml');
writeFileSync(bundled, 'models:\n  echo: {provider: echo}\n');
const onPort = join(dir, 'on-port.yaml');
writeFileSync(onPort, 'server: {host: 0.0.0.0, port: 9100}\nmodels:\n  echo: {provider: echo}\n');

describe('healthcheckUrl', () => {
  it('probes the default port on loopback with no flags and the bundled config', () => {
    expect(healthcheckUrl([], dir, bundled)).toBe('http://127.0.0.1:8000/health/live');
  });

  it('follows --port and --host as the router does', () => {
    expect(healthcheckUrl(['--host', '0.0.0.0', '--port', '9001'], dir, bundled)).toBe('http://127.0.0.1:9001/health/live');
    expect(healthcheckUrl(['-p', '9002', '--host', '::'], dir, bundled)).toBe('http://[::1]:9002/health/live');
  });

  it("follows the config file's server.port, and the flags beat it", () => {
    expect(healthcheckUrl(['--config', onPort], dir, bundled)).toBe('http://127.0.0.1:9100/health/live');
    expect(healthcheckUrl(['-c', onPort, '--port', '9200'], dir, bundled)).toBe('http://127.0.0.1:9200/health/live');
  });

  it('has nothing to probe on a random port', () => {
    expect(healthcheckUrl(['--port', '0'], dir, bundled)).toBeUndefined();
  });
});
