import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative as relativePath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fixtures folder, libs/testing/fixtures. This file sits one level below the lib root both as
 * source (src/) and when built (dist/), so the same relative URL works in either form.
 */
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * Absolute path of a fixture, e.g. `fixturePath('openai-chat/basic.stream.sse')`.
 * Throws when the path leaves the fixtures folder or the file does not exist, so a typo fails loudly.
 */
export function fixturePath(relative: string): string {
  const absolute = resolve(FIXTURES_DIR, relative);
  const inside = relativePath(FIXTURES_DIR, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`fixture path escapes the fixtures folder: ${relative}`);
  }
  if (!existsSync(absolute)) throw new Error(`no such fixture: ${relative} (looked in ${FIXTURES_DIR})`);
  return absolute;
}

/** The exact bytes of a fixture (SSE files are byte-exact wire captures). */
export function readFixture(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

/** A JSON fixture, parsed. A fresh object on every call, so callers may mutate it. */
export function readFixtureJson<T = unknown>(relative: string): T {
  return JSON.parse(readFixture(relative).toString('utf8')) as T;
}
