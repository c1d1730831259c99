import { compilePythonRegex, canMatchOver, parseRegexFlags, PythonRegexError, type RegexFlags } from '@llm-router/regex';
import type { DropPattern } from './drop-pattern.js';
import { HEADER_NAME_CHARS, isPlainHeaderName } from './header-name.js';

/**
 * Reads one `drop_headers` entry. The rule, in this order:
 * 1. letters, digits, `-` and `_` only (`x-forwarded-for`): an exact name, compared case-insensitively;
 * 2. `/pattern/flags` (the pattern ends at the last `/`): a regex with flags;
 * 3. anything else (`^x-.*`, `.*-token$`): a regex, as the Python service's configs write them.
 * Regexes are Python `re` syntax, run on the linear-time engine (header names are the client's, so no
 * pattern may be able to stall the event loop), searched (`re.search`) in the lower-cased name, and always
 * case-insensitive (header names are). A regex that cannot compile, or that no header name can match
 * (`x forwarded`: names have no spaces), is an error, so a typo never silently drops nothing.
 */
export function compileDropEntry(entry: string): { name: string } | { pattern: DropPattern } | { error: string } {
  if (isPlainHeaderName(entry)) return { name: entry.toLowerCase() };
  if (entry === '') return { error: 'empty entry (an exact name, or a regex)' };
  let pattern = entry;
  let flagLetters = '';
  if (entry.startsWith('/')) {
    const close = entry.lastIndexOf('/');
    if (close === 0) return { error: `invalid entry '${entry}': a regex in slashes is written /pattern/flags` };
    pattern = entry.slice(1, close);
    flagLetters = entry.slice(close + 1);
  }
  const flags = readFlagLetters(flagLetters);
  if ('error' in flags) return { error: `invalid regex ${entry}: ${flags.error}` };
  let regex;
  try {
    regex = compilePythonRegex(pattern, { ...flags.flags, ignoreCase: true });
  } catch (error) {
    if (error instanceof PythonRegexError) return { error: `invalid regex ${entry}: ${error.message}` };
    throw error;
  }
  if (!canMatchOver(regex, HEADER_NAME_CHARS)) {
    return { error: `'${entry}' is neither a header name nor a regex that can match one (header names are letters, digits and !#$%&'*+-.^_\`|~)` };
  }
  return { pattern: { source: entry, regex } };
}

/**
 * The letters after `/pattern/`: Python's `i m s a x u` (`i` is redundant: matching is always
 * case-insensitive), and the JS letters `/pattern/flags` accepted before, `d` and `g`, which change
 * nothing for a test. `y` (sticky) and `v` (JS class set syntax) cannot be honoured and are refused.
 */
function readFlagLetters(letters: string): { flags: RegexFlags } | { error: string } {
  const refused = [...letters].find((letter) => letter === 'y' || letter === 'v');
  if (refused !== undefined) return { error: `flag '${refused}' is not allowed (${refused === 'y' ? 'sticky matching' : 'JS class set syntax: the pattern is Python re syntax'})` };
  const tokens = [...letters].filter((letter) => letter !== 'd' && letter !== 'g');
  const { flags, problems } = parseRegexFlags(tokens);
  const [problem] = problems;
  if (problem === undefined) return { flags };
  if (problem.kind === 'incompatible') return { error: "flags 'a' (ASCII) and 'u' (UNICODE) are incompatible" };
  return { error: `unknown flag '${problem.token}' (allowed: i m s a x u, and d g without effect)` };
}
