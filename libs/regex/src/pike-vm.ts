import { setHas } from './char-set.js';
import { OP_ASSERT, OP_JUMP, OP_LOOP, OP_MATCH, OP_SAVE, OP_SET, OP_SPLIT, type Assertion, type RegexProgram } from './regex-program.js';
import { ASCII_WORD, unicodeWord } from './unicode-tables.js';

/** Capture slots of a match: `[start0, end0, start1, end1, ...]`, -1 for a group that did not take part. */
export type Captures = Int32Array;

/** Work done by searches: one step per instruction a thread visits. Exposed for linearity tests. */
export interface SearchStats {
  steps: number;
  /** A ceiling on `steps` shared by every search that uses this object (a request's whole budget). */
  limit?: number;
}

/** Thrown when a search exceeds the step budget its caller gave it. */
export class RegexBudgetError extends Error {}

class ThreadList {
  readonly pcs: Int32Array;
  readonly caps: Array<Captures | undefined>;
  size = 0;
  private readonly stamp: Int32Array;
  private generation = 1;

  constructor(length: number) {
    this.pcs = new Int32Array(length);
    this.caps = new Array<Captures | undefined>(length);
    this.stamp = new Int32Array(length);
  }

  clear(): void {
    this.size = 0;
    this.generation += 1;
  }

  /** Marks pc as visited at this position; false when it already was. */
  visit(pc: number): boolean {
    if (this.stamp[pc] === this.generation) return false;
    this.stamp[pc] = this.generation;
    return true;
  }

  push(pc: number, caps: Captures): void {
    this.pcs[this.size] = pc;
    this.caps[this.size] = caps;
    this.size += 1;
  }
}

const NEWLINE = 10;
const wordTable = unicodeWord;

function isWord(cp: number, ascii: boolean): boolean {
  if (cp < 0) return false;
  if (cp < 128) return setHas(ASCII_WORD, cp);
  return !ascii && setHas(wordTable(), cp);
}

/** The code point ending just before `pos` (a surrogate pair counts as one), -1 at the start. */
function codePointBefore(text: string, pos: number): number {
  if (pos === 0) return -1;
  const low = text.charCodeAt(pos - 1);
  if (low >= 0xdc00 && low <= 0xdfff && pos >= 2) {
    const high = text.charCodeAt(pos - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

function holds(assertion: Assertion, text: string, pos: number): boolean {
  const length = text.length;
  switch (assertion.kind) {
    case 'start':
      return pos === 0;
    case 'line-start':
      return pos === 0 || text.charCodeAt(pos - 1) === NEWLINE;
    case 'end':
      return pos === length;
    case 'end-or-final-newline':
      return pos === length || (pos === length - 1 && text.charCodeAt(pos) === NEWLINE);
    case 'line-end':
      return pos === length || text.charCodeAt(pos) === NEWLINE;
    case 'word-boundary':
    case 'not-word-boundary': {
      const before = isWord(codePointBefore(text, pos), assertion.asciiWord);
      const after = isWord(pos < length ? (text.codePointAt(pos) ?? -1) : -1, assertion.asciiWord);
      return (before !== after) === (assertion.kind === 'word-boundary');
    }
  }
}

/**
 * A Pike VM: runs all threads of the NFA in lock-step over the text, one code point at a time, so a
 * search costs O(text length × program size) whatever the pattern, with no backtracking. Threads are
 * kept in priority order and a matching thread cuts every lower-priority one, which gives the match a
 * backtracking engine (Python's, leftmost-first) would find. Surrogate pairs are one code point.
 */
export class PikeVm {
  private readonly current: ThreadList;
  private readonly next: ThreadList;
  private readonly stackPcs: Int32Array;
  private readonly stackCaps: Array<Captures | undefined>;

  constructor(private readonly program: RegexProgram) {
    const length = program.ops.length;
    this.current = new ThreadList(length);
    this.next = new ThreadList(length);
    this.stackPcs = new Int32Array(length * 2 + 2);
    this.stackCaps = new Array<Captures | undefined>(length * 2 + 2);
  }

  /**
   * The leftmost-first match starting at or after `from`, or null. A match that starts at `notEmptyAt`
   * must not be empty (Python's rule after an empty match: the next one must advance). Steps are added
   * to `stats`; more than `budget` steps in total throws RegexBudgetError.
   */
  search(text: string, from: number, notEmptyAt: number, stats: SearchStats, budget: number): Captures | null {
    const { ops, sets, asciiMembers, firstSet, firstAscii, slotCount } = this.program;
    let current = this.current;
    let next = this.next;
    current.clear();
    next.clear();
    let matched: Captures | null = null;
    const length = text.length;
    let pos = from;
    for (;;) {
      if (matched === null) {
        if (current.size === 0 && firstSet !== undefined) {
          // No thread alive: skip to the next position where a match can start.
          while (pos < length) {
            const cp = text.codePointAt(pos) ?? 0;
            if (cp < 128 ? firstAscii[cp] === 1 : setHas(firstSet, cp)) break;
            pos += cp > 0xffff ? 2 : 1;
          }
          if (pos >= length) break;
        }
        const fresh = new Int32Array(slotCount).fill(-1);
        this.addThread(current, 0, fresh, text, pos, stats);
      } else if (current.size === 0) {
        break; // matched, and no higher-priority thread is left to improve on it
      }
      if (stats.steps > budget) throw new RegexBudgetError(`more than ${budget} steps`);
      const cp = pos < length ? (text.codePointAt(pos) ?? 0) : -1;
      const after = pos + (cp > 0xffff ? 2 : 1);
      for (let index = 0; index < current.size; index += 1) {
        const pc = current.pcs[index];
        const caps = current.caps[index] as Captures;
        stats.steps += 1;
        if (ops[pc] === OP_SET) {
          if (cp < 0) continue;
          const ascii = asciiMembers[pc];
          const member = cp < 128 && ascii !== undefined ? ascii[cp] === 1 : setHas(sets[pc] ?? [], cp);
          if (member) this.addThread(next, pc + 1, caps, text, after, stats);
        } else if (ops[pc] === OP_MATCH) {
          if (caps[0] === notEmptyAt && caps[1] === notEmptyAt) continue;
          matched = caps;
          break; // lower-priority threads lose to this match
        }
      }
      if (pos >= length) break;
      [current, next] = [next, current];
      next.clear();
      pos = after;
    }
    return matched;
  }

  /** Follows SPLIT/JUMP/SAVE/ASSERT from pc, in priority order, adding the threads that consume or match. */
  private addThread(list: ThreadList, startPc: number, startCaps: Captures, text: string, pos: number, stats: SearchStats): void {
    const { ops, x, y, assertions } = this.program;
    const pcs = this.stackPcs;
    const capsStack = this.stackCaps;
    let top = 0;
    pcs[top] = startPc;
    capsStack[top] = startCaps;
    top += 1;
    while (top > 0) {
      top -= 1;
      let pc = pcs[top];
      let caps = capsStack[top] as Captures;
      for (;;) {
        const op = ops[pc];
        // LOOP is not marked: it is reached again at the same position when an iteration ends empty (its
        // predecessors are marked, so this stays bounded) and must then leave the loop (see OP_LOOP).
        if (op !== OP_LOOP && !list.visit(pc)) break;
        stats.steps += 1;
        if (op === OP_JUMP) {
          pc = x[pc];
        } else if (op === OP_SPLIT) {
          pcs[top] = y[pc];
          capsStack[top] = caps;
          top += 1;
          pc = x[pc];
        } else if (op === OP_SAVE) {
          caps = caps.slice();
          caps[x[pc]] = pos;
          pc += 1;
        } else if (op === OP_LOOP) {
          pc = caps[x[pc]] === pos ? pc + 1 : y[pc];
        } else if (op === OP_ASSERT) {
          if (!holds(assertions[pc] as Assertion, text, pos)) break;
          pc += 1;
        } else {
          list.push(pc, caps);
          break;
        }
      }
    }
  }
}
