import { compileProgram } from './compile-program.js';
import { type Captures, PikeVm, RegexBudgetError, type SearchStats } from './pike-vm.js';
import { parsePythonRegex } from './parse-python-regex.js';
import { parsePythonTemplate, type TemplatePart } from './python-template.js';
import type { RegexFlags } from './regex-ast.js';
import type { RegexProgram } from './regex-program.js';

/**
 * Steps a substitution may take, per instruction and per UTF-16 unit of its input (plus one). One scan
 * of the input costs at most two steps per instruction per character; successive searches of one
 * `re.sub` can rescan (e.g. `a.*b|a` over `aaaa…` without `b`), and this bounds that, too.
 */
export const STEPS_PER_UNIT_AND_INSTRUCTION = 4;

/** A substitution that would exceed its step budget (rescanning, see above): the caller refuses the input. */
export class RegexWorkLimitError extends Error {}

export interface CompiledPythonRegex {
  readonly program: RegexProgram;
  readonly template: readonly TemplatePart[];
  readonly vm: PikeVm;
}

/** Which field a compile problem belongs to. */
export class PythonRegexError extends Error {
  constructor(
    readonly field: 'pattern' | 'replacement',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses and compiles pattern and replacement once; throws PythonRegexError naming the field. Without a
 * replacement (for `pythonSearch`/`pythonTest` only) no group is captured but the whole match.
 */
export function compilePythonRegex(pattern: string, flags: RegexFlags, replacement = ''): CompiledPythonRegex {
  let parsed;
  try {
    parsed = parsePythonRegex(pattern, flags);
  } catch (error) {
    throw new PythonRegexError('pattern', error instanceof Error ? error.message : String(error));
  }
  let template: TemplatePart[];
  try {
    template = parsePythonTemplate(replacement, parsed.groupCount, parsed.groupNames);
  } catch (error) {
    throw new PythonRegexError('replacement', error instanceof Error ? error.message : String(error));
  }
  const kept = new Set<number>(template.filter((part): part is number => typeof part === 'number'));
  let program: RegexProgram;
  try {
    program = compileProgram(parsed, kept);
  } catch (error) {
    throw new PythonRegexError('pattern', error instanceof Error ? error.message : String(error));
  }
  // Template group numbers become slot numbers: only kept groups have slots, in group order.
  const slotOf = new Map<number, number>([[0, 0]]);
  for (const group of [...kept].sort((a, b) => a - b)) if (group > 0) slotOf.set(group, slotOf.size * 2);
  const slotted = template.map((part) => (typeof part === 'number' ? (slotOf.get(part) ?? 0) : part));
  return { program, template: slotted, vm: new PikeVm(program) };
}

/**
 * Python's `re.sub(pattern, replacement, text)` (3.7+ rules): every non-overlapping leftmost match, left
 * to right; after an empty match the next one must not be empty at the same position, and an empty
 * match right after a non-empty one is allowed. A group that did not take part is replaced by ''.
 * Throws RegexWorkLimitError past the step budget (see STEPS_PER_UNIT_AND_INSTRUCTION).
 */
export function pythonSub(regex: CompiledPythonRegex, text: string, stats: SearchStats = { steps: 0 }): string {
  const { program, template, vm } = regex;
  if (program.requiredChar !== undefined && !text.includes(program.requiredChar)) return text;
  const budget = Math.min(stats.steps + STEPS_PER_UNIT_AND_INSTRUCTION * (text.length + 1) * program.ops.length, stats.limit ?? Infinity);
  let out = '';
  let last = 0;
  let pos = 0;
  let notEmptyAt = -1;
  while (pos <= text.length) {
    // A later match needs the required character at or after pos: none left, no match left.
    if (program.requiredChar !== undefined && text.indexOf(program.requiredChar, pos) === -1) break;
    let caps: Captures | null;
    try {
      caps = vm.search(text, pos, notEmptyAt, stats, budget);
    } catch (error) {
      if (error instanceof RegexBudgetError) throw new RegexWorkLimitError(`the pattern needs more than ${budget} steps on a string of ${text.length} characters`);
      throw error;
    }
    if (caps === null) break;
    out += text.slice(last, caps[0]);
    for (const part of template) {
      if (typeof part === 'string') out += part;
      else if (caps[part] >= 0 && caps[part + 1] >= 0) out += text.slice(caps[part], caps[part + 1]);
    }
    last = caps[1];
    notEmptyAt = caps[0] === caps[1] ? caps[1] : -1;
    pos = caps[1];
  }
  return last === 0 && out === '' ? text : out + text.slice(last);
}
