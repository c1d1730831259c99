import { type CharSet, normalizeRanges, setHas } from './char-set.js';
import type { ParsedRegex, RegexNode } from './regex-ast.js';
import { RegexSyntaxError } from './parse-python-regex.js';
import { type Assertion, OP_ASSERT, OP_JUMP, OP_LOOP, OP_MATCH, OP_SAVE, OP_SET, OP_SPLIT, type RegexProgram } from './regex-program.js';

/**
 * Most instructions a pattern may compile to. Matching costs at most about two steps per instruction per
 * input character, so this bounds the per-character cost of any rule; counted repetition `x{m,n}`
 * expands to copies of `x` and is what usually reaches it.
 */
export const MAX_PROGRAM_SIZE = 2000;

interface Instruction {
  op: number;
  x: number;
  y: number;
  set?: CharSet;
  assertion?: Assertion;
}

/**
 * Compiles the AST to a program for the Pike VM. Only groups in `keptGroups` get SAVE instructions (the
 * replacement uses no others, and every kept slot costs a copy per thread step); group 0 is always kept.
 */
export function compileProgram(parsed: ParsedRegex, keptGroups: ReadonlySet<number>): RegexProgram {
  const size = programSize(parsed.root, keptGroups) + 3;
  if (size > MAX_PROGRAM_SIZE) {
    throw new RegexSyntaxError(`the pattern is too large: it compiles to ${size > 1e9 ? 'over 10^9' : size} instructions, more than ${MAX_PROGRAM_SIZE} (counted repetition {m,n} repeats its operand)`);
  }
  const code: Instruction[] = [];
  const slotOf = new Map<number, number>([[0, 0]]);
  for (const group of [...keptGroups].sort((a, b) => a - b)) if (group > 0) slotOf.set(group, slotOf.size * 2);
  const emit = (instruction: Instruction): number => code.push(instruction) - 1;
  let slotCount = slotOf.size * 2;
  const compile = (node: RegexNode): void => {
    switch (node.kind) {
      case 'empty':
        return;
      case 'set':
        emit({ op: OP_SET, x: 0, y: 0, set: node.set });
        return;
      case 'assertion':
        emit({ op: OP_ASSERT, x: 0, y: 0, assertion: { kind: node.assertion, asciiWord: node.asciiWord } });
        return;
      case 'concat':
        for (const item of node.items) compile(item);
        return;
      case 'group': {
        const slot = slotOf.get(node.index);
        if (slot !== undefined) emit({ op: OP_SAVE, x: slot, y: 0 });
        compile(node.body);
        if (slot !== undefined) emit({ op: OP_SAVE, x: slot + 1, y: 0 });
        return;
      }
      case 'alternation': {
        const jumps: number[] = [];
        node.items.forEach((item, index) => {
          if (index < node.items.length - 1) {
            const split = emit({ op: OP_SPLIT, x: 0, y: 0 });
            code[split].x = code.length;
            compile(item);
            jumps.push(emit({ op: OP_JUMP, x: 0, y: 0 }));
            code[split].y = code.length;
          } else {
            compile(item);
          }
        });
        for (const jump of jumps) code[jump].x = code.length;
        return;
      }
      case 'repeat': {
        const { min, max, greedy, body } = node;
        const fork = (split: number, body: number, out: number): void => {
          code[split].x = greedy ? body : out;
          code[split].y = greedy ? out : body;
        };
        if (max === Infinity && nullable(body)) {
          // L: split B, out; B: save(loop start); body; loop(start) -> L if it consumed, else out.
          for (let copy = 0; copy < min; copy += 1) compile(body);
          const slot = slotCount++;
          const split = emit({ op: OP_SPLIT, x: 0, y: 0 });
          emit({ op: OP_SAVE, x: slot, y: 0 });
          compile(body);
          emit({ op: OP_LOOP, x: slot, y: split });
          fork(split, split + 1, code.length);
          return;
        }
        if (max === Infinity && min > 0) {
          for (let copy = 1; copy < min; copy += 1) compile(body);
          const loop = code.length;
          compile(body);
          const split = emit({ op: OP_SPLIT, x: 0, y: 0 });
          fork(split, loop, code.length);
          return;
        }
        for (let copy = 0; copy < min; copy += 1) compile(body);
        if (max === Infinity) {
          const split = emit({ op: OP_SPLIT, x: 0, y: 0 });
          compile(body);
          emit({ op: OP_JUMP, x: split, y: 0 });
          fork(split, split + 1, code.length);
          return;
        }
        const splits: number[] = [];
        for (let copy = min; copy < max; copy += 1) {
          splits.push(emit({ op: OP_SPLIT, x: 0, y: 0 }));
          compile(body);
        }
        for (const split of splits) fork(split, split + 1, code.length);
        return;
      }
    }
  };
  emit({ op: OP_SAVE, x: 0, y: 0 });
  compile(parsed.root);
  emit({ op: OP_SAVE, x: 1, y: 0 });
  emit({ op: OP_MATCH, x: 0, y: 0 });
  const first = firstSet(code);
  return {
    ops: Uint8Array.from(code, (instruction) => instruction.op),
    x: Int32Array.from(code, (instruction) => instruction.x),
    y: Int32Array.from(code, (instruction) => instruction.y),
    sets: code.map((instruction) => instruction.set),
    asciiMembers: code.map((instruction) => (instruction.set === undefined ? undefined : asciiTable(instruction.set))),
    assertions: code.map((instruction) => instruction.assertion),
    slotCount,
    firstSet: first,
    firstAscii: first === undefined ? new Uint8Array(128) : asciiTable(first),
    requiredChar: pickRequired(requiredCodePoints(parsed.root)),
  };
}

function programSize(node: RegexNode, keptGroups: ReadonlySet<number>): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'set':
    case 'assertion':
      return 1;
    case 'concat':
      return node.items.reduce((total, item) => total + programSize(item, keptGroups), 0);
    case 'alternation':
      return node.items.reduce((total, item) => total + programSize(item, keptGroups), 0) + 2 * (node.items.length - 1);
    case 'group':
      return programSize(node.body, keptGroups) + (keptGroups.has(node.index) ? 2 : 0);
    case 'repeat': {
      const body = programSize(node.body, keptGroups);
      if (node.max === Infinity && nullable(node.body)) return (node.min + 1) * body + 3;
      if (node.max === Infinity) return node.min === 0 ? body + 2 : node.min * body + 1;
      return node.min * body + (node.max - node.min) * (body + 1);
    }
  }
}

/** True when the node can match the empty string. */
function nullable(node: RegexNode): boolean {
  switch (node.kind) {
    case 'set':
      return false;
    case 'empty':
    case 'assertion':
      return true;
    case 'concat':
      return node.items.every(nullable);
    case 'alternation':
      return node.items.some(nullable);
    case 'group':
      return nullable(node.body);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
  }
}

function asciiTable(set: CharSet): Uint8Array {
  const table = new Uint8Array(128);
  for (let cp = 0; cp < 128; cp += 1) table[cp] = setHas(set, cp) ? 1 : 0;
  return table;
}

/** Union of the sets reachable from pc 0 without consuming; undefined if MATCH is reachable so (empty match). */
function firstSet(code: readonly Instruction[]): CharSet | undefined {
  const seen = new Set<number>();
  const pending = [0];
  const ranges: number[] = [];
  for (let pc = pending.pop(); pc !== undefined; pc = pending.pop()) {
    if (seen.has(pc)) continue;
    seen.add(pc);
    const instruction = code[pc];
    switch (instruction.op) {
      case OP_MATCH:
        return undefined;
      case OP_SET:
        ranges.push(...(instruction.set ?? []));
        break;
      case OP_SPLIT:
        pending.push(instruction.x, instruction.y);
        break;
      case OP_JUMP:
        pending.push(instruction.x);
        break;
      case OP_LOOP:
        pending.push(instruction.y, pc + 1);
        break;
      default:
        pending.push(pc + 1);
    }
  }
  return normalizeRanges(ranges);
}

/** Literal code points (matched exactly, no case folding) that every match contains. */
function requiredCodePoints(node: RegexNode): Set<number> {
  switch (node.kind) {
    case 'set':
      return node.literal === undefined ? new Set() : new Set([node.literal]);
    case 'concat':
      return new Set(node.items.flatMap((item) => [...requiredCodePoints(item)]));
    case 'alternation': {
      const [first, ...rest] = node.items.map(requiredCodePoints);
      return new Set([...first].filter((cp) => rest.every((set) => set.has(cp))));
    }
    case 'group':
      return requiredCodePoints(node.body);
    case 'repeat':
      return node.min > 0 ? requiredCodePoints(node.body) : new Set();
    default:
      return new Set();
  }
}

/** Prefers a character that is not a letter or digit: those are rarer in prose, so the check rules out more. */
function pickRequired(required: ReadonlySet<number>): string | undefined {
  const all = [...required].map((cp) => String.fromCodePoint(cp));
  return all.find((char) => !/[\p{L}\p{N}\s]/u.test(char)) ?? all[0];
}
