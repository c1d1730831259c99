import { RegexBudgetError, type SearchStats } from './pike-vm.js';
import { type CompiledPythonRegex, RegexWorkLimitError, STEPS_PER_UNIT_AND_INSTRUCTION } from './python-regex.js';

/** Where a match lies in the searched string, in UTF-16 units (`text.slice(start, end)` is the match). */
export interface PythonMatch {
  readonly start: number;
  readonly end: number;
}

/**
 * Python's `re.search(pattern, text)`: the leftmost-first match anywhere in `text`, or null (anchor with
 * `^`/`\A` and `$`/`\Z` for a whole-string test). One scan, so at most about 2 × (program size) steps
 * per character; throws RegexWorkLimitError only when `stats.limit` (a budget shared across calls) runs out.
 */
export function pythonSearch(regex: CompiledPythonRegex, text: string, stats: SearchStats = { steps: 0 }): PythonMatch | null {
  const { program, vm } = regex;
  if (program.requiredChar !== undefined && !text.includes(program.requiredChar)) return null;
  const budget = Math.min(stats.steps + STEPS_PER_UNIT_AND_INSTRUCTION * (text.length + 1) * program.ops.length, stats.limit ?? Infinity);
  try {
    const caps = vm.search(text, 0, -1, stats, budget);
    return caps === null ? null : { start: caps[0], end: caps[1] };
  } catch (error) {
    if (error instanceof RegexBudgetError) throw new RegexWorkLimitError(`the pattern needs more than ${budget} steps on a string of ${text.length} characters`);
    throw error;
  }
}

/** `re.search(pattern, text) is not None`. */
export function pythonTest(regex: CompiledPythonRegex, text: string, stats?: SearchStats): boolean {
  return pythonSearch(regex, text, stats) !== null;
}
