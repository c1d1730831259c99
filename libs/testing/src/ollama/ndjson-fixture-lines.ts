import { readFixture } from '../fixture-files.js';
import { isRecord, type JsonObject } from '../json-value.js';

/** The objects of an NDJSON fixture, one per line, parsed (fresh objects on every call). */
export function readNdjsonFixture(relative: string): JsonObject[] {
  return readFixture(relative)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const value: unknown = JSON.parse(line);
      if (!isRecord(value)) throw new Error(`NDJSON fixture ${relative} has a line that is not an object: ${line}`);
      return value;
    });
}
