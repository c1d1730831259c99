// Public API of @llm-router/regex: Python `re` syntax for str patterns on a linear-time engine (no I/O, no Nest).
export type { RegexFlags } from './regex-ast.js';
export type { SearchStats } from './pike-vm.js';
export { type CompiledPythonRegex, compilePythonRegex, PythonRegexError, pythonSub, RegexWorkLimitError, STEPS_PER_UNIT_AND_INSTRUCTION } from './python-regex.js';
export { type PythonMatch, pythonSearch, pythonTest } from './python-search.js';
export { canMatchOver } from './can-match-over.js';
export { type FlagProblem, parseRegexFlags } from './regex-flags.js';
export { MAX_PROGRAM_SIZE } from './compile-program.js';
