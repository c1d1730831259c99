import { expect } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UpstreamFamily } from './families.spec-helper.js';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));

/**
 * Golden files: the reviewable record of every translation (`golden/<client>--<upstream>/<scenario>.<kind>.<ext>`).
 * `check` compares `text` byte for byte with the file; with `update` (the specs pass `UPDATE_GOLDEN=1`,
 * since only specs may read the environment) it rewrites the file instead. A missing file fails: golden
 * files are written on purpose, then read and committed.
 */
export class GoldenFiles {
  constructor(private readonly update: boolean) {}

  check(relative: string, text: string): void {
    const path = `${GOLDEN_DIR}${relative}`;
    if (this.update) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return;
    }
    if (!existsSync(path)) throw new Error(`no golden file ${relative}: run the suite with UPDATE_GOLDEN=1, then read and commit it`);
    expect(text).toBe(readFileSync(path, 'utf8'));
  }

  json(relative: string, value: unknown, normalise: (text: string) => string = (text) => text): void {
    this.check(relative, normalise(`${JSON.stringify(value, null, 2)}\n`));
  }
}

/**
 * How a pair's output is normalised before it is compared. Anthropic answers carry no timestamp, so its
 * decoders stamp `created` with the clock: the only nondeterminism in the translations, shown as 0 in the
 * golden files. Other upstreams' `created` comes from their answer and is kept.
 */
export function goldenNormaliser(upstream: UpstreamFamily): (text: string) => string {
  return upstream === 'anthropic' ? (text) => text.replace(/("created(?:_at)?":\s*)\d+/g, '$10') : (text) => text;
}
