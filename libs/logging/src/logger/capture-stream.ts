import type { DestinationStream } from 'pino';

type LineRecord = Record<string, unknown>;

/**
 * A pino destination that keeps the lines written to it: for tests (here and in the app's, e.g. to
 * assert that no key reaches the log), or to embed the router's log elsewhere.
 */
export class CaptureStream implements DestinationStream {
  readonly lines: string[] = [];
  private readonly waiters: { predicate: (line: LineRecord) => boolean; resolve: (line: LineRecord) => void }[] = [];

  write(line: string): void {
    this.lines.push(line);
    if (this.waiters.length === 0) return;
    const parsed = parseLine(line);
    for (const waiter of [...this.waiters]) {
      if (!waiter.predicate(parsed)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(parsed);
    }
  }

  /** Everything written, as one string. */
  get text(): string {
    return this.lines.join('');
  }

  /** The lines, parsed (they are JSON objects). */
  records(): LineRecord[] {
    return this.lines.map(parseLine);
  }

  /** The first line, already written or yet to come, that satisfies `predicate`. */
  waitFor(predicate: (line: LineRecord) => boolean): Promise<LineRecord> {
    const written = this.records().find(predicate);
    if (written !== undefined) return Promise.resolve(written);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }
}

function parseLine(line: string): LineRecord {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`not a JSON object line: ${line}`);
  return { ...parsed };
}
