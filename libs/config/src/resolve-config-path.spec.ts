import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfigPath } from './resolve-config-path.js';

describe('resolveConfigPath', () => {
  let cwd: string;
  const fallback = '/etc/llm-router/config.yaml';

  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'llm-router-config-'));
  });
  afterEach(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('returns the requested path as given, even when it does not exist', () => {
    writeFileSync(join(cwd, 'config.yaml'), 'models: {}');
    expect(resolveConfigPath('/nowhere/custom.yaml', { cwd, fallback })).toEqual({ path: '/nowhere/custom.yaml', fellBack: false });
  });

  it('uses <cwd>/config.yaml when nothing is requested and it exists', () => {
    writeFileSync(join(cwd, 'config.yaml'), 'models: {}');
    expect(resolveConfigPath(undefined, { cwd, fallback })).toEqual({ path: join(cwd, 'config.yaml'), fellBack: false });
  });

  it('falls back when nothing is requested and <cwd>/config.yaml does not exist', () => {
    expect(resolveConfigPath(undefined, { cwd, fallback })).toEqual({ path: fallback, fellBack: true });
  });

  it('treats an empty request as none and ignores a directory named config.yaml', () => {
    mkdirSync(join(cwd, 'config.yaml'));
    expect(resolveConfigPath('', { cwd, fallback })).toEqual({ path: fallback, fellBack: true });
  });
});
