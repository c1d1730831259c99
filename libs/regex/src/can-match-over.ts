import { setHas } from './char-set.js';
import type { CompiledPythonRegex } from './python-regex.js';
import { OP_JUMP, OP_LOOP, OP_MATCH, OP_SAVE, OP_SET, OP_SPLIT } from './regex-program.js';

/**
 * Whether some string made only of characters of `alphabet` can contain a match: false proves that no
 * such string ever matches (a header-name pattern with a space in it), true does not prove the opposite,
 * because assertions (`^`, `$`, `\b`) are taken to hold. A walk over the program, linear in its size.
 */
export function canMatchOver(regex: CompiledPythonRegex, alphabet: string): boolean {
  const { ops, x, y, sets } = regex.program;
  const codePoints = [...new Set([...alphabet].map((char) => char.codePointAt(0) ?? 0))];
  const seen = new Uint8Array(ops.length);
  const pending = [0];
  for (let pc = pending.pop(); pc !== undefined; pc = pending.pop()) {
    if (seen[pc] === 1) continue;
    seen[pc] = 1;
    switch (ops[pc]) {
      case OP_MATCH:
        return true;
      case OP_SET: {
        const set = sets[pc] ?? [];
        if (codePoints.some((cp) => setHas(set, cp))) pending.push(pc + 1);
        break;
      }
      case OP_SPLIT:
        pending.push(x[pc], y[pc]);
        break;
      case OP_JUMP:
        pending.push(x[pc]);
        break;
      case OP_LOOP:
        pending.push(pc + 1, y[pc]);
        break;
      case OP_SAVE:
      default: // OP_ASSERT: assumed to hold
        pending.push(pc + 1);
    }
  }
  return false;
}
