import type { CharSet } from './char-set.js';
import type { AssertionKind } from './regex-ast.js';

/** Instruction opcodes of the compiled program (a Thompson NFA, as in RE2's Pike VM). */
export const OP_SET = 0; // consume one code point in `sets[pc]`, go to pc + 1
export const OP_SPLIT = 1; // fork to `x[pc]` (preferred) and `y[pc]`
export const OP_JUMP = 2; // go to `x[pc]`
export const OP_SAVE = 3; // record the position in capture slot `x[pc]`, go to pc + 1
export const OP_ASSERT = 4; // zero-width test `assertions[pc]`, go to pc + 1
export const OP_MATCH = 5;
/**
 * End of one iteration of an unbounded loop whose body can match empty: back to the loop's SPLIT at
 * `y[pc]` if the iteration consumed something (its start is in capture slot `x[pc]`), else on to pc + 1,
 * out of the loop. So an empty iteration ends the loop successfully, as in Python, whose results differ
 * from V8's there: Python's `re.sub('(?:|a)*', lambda m: f'<{m[0]}>', 'aa')` is `<><a><><a><>`, V8's
 * `<aa><>`.
 */
export const OP_LOOP = 6;

export interface Assertion {
  kind: AssertionKind;
  asciiWord: boolean;
}

export interface RegexProgram {
  readonly ops: Uint8Array;
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly sets: ReadonlyArray<CharSet | undefined>;
  /** Per SET instruction, membership of code points below 128 (the common case, no binary search). */
  readonly asciiMembers: ReadonlyArray<Uint8Array | undefined>;
  readonly assertions: ReadonlyArray<Assertion | undefined>;
  /** Capture slots: 2 per kept group, group 0 first. */
  readonly slotCount: number;
  /** Code points a match can start with; undefined when a match may be empty (any position can match). */
  readonly firstSet: CharSet | undefined;
  /** `firstSet` membership of code points below 128 (all zero when firstSet is undefined). */
  readonly firstAscii: Uint8Array;
  /** A character every match contains (a string without it cannot match), when there is one. */
  readonly requiredChar: string | undefined;
}
