import { RegexSyntaxError } from './parse-python-regex.js';

/** A parsed `re.sub` replacement: literal text and group numbers, in order. */
export type TemplatePart = string | number;

const TEMPLATE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/**
 * Parses a replacement as Python's `re.sub` does (`sre_parse.parse_template`): `\1`..`\99`, `\g<n>`,
 * `\g<name>`, `\g<0>` are groups; `\0`, `\0oo` and three-digit `\ooo` are octal characters; `\n \t \r
 * \f \v \a \b \\` are escapes; an unknown escape of an ASCII letter is an error and any other unknown
 * escape is kept as written (`\&` stays `\&`). A reference to a group the pattern lacks is an error.
 * Refused although Python reads it literally: JS-style references (`$1`, `$<name>`, `$&`, `$$`), which
 * this router accepted before it used Python's syntax, so that an old config fails at boot instead of
 * silently printing `$1`.
 */
export function parsePythonTemplate(template: string, groupCount: number, groupNames: ReadonlyMap<string, number>): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  const group = (index: number): void => {
    if (index > groupCount) throw new RegexSyntaxError(`invalid group reference ${index}`);
    if (literal !== '') parts.push(literal);
    literal = '';
    parts.push(index);
  };
  for (let at = 0; at < template.length; at += 1) {
    const char = template[at];
    if (char === '$' && /^\$[0-9&<$`']/.test(template.slice(at, at + 2))) {
      throw new RegexSyntaxError(`JS-style reference ${template.slice(at, at + 2)} at position ${at}: replacements use Python syntax (\\1, \\g<name>, \\g<0>)`);
    }
    if (char !== '\\') {
      literal += char;
      continue;
    }
    const next = template[at + 1];
    if (next === undefined) throw new RegexSyntaxError('bad escape (end of pattern)');
    if (next === 'g') {
      const match = /^\\g<([^>]*)>/.exec(template.slice(at));
      if (match === null) throw new RegexSyntaxError(template[at + 2] === '<' ? `missing >, unterminated name at position ${at + 3}` : `missing < at position ${at + 2}`);
      const name = match[1];
      if (/^[0-9]+$/.test(name)) group(Number(name));
      else if (!IDENTIFIER.test(name)) throw new RegexSyntaxError(`bad character in group name '${name}' at position ${at + 3}`);
      else if (!groupNames.has(name)) throw new RegexSyntaxError(`unknown group name '${name}'`);
      else group(groupNames.get(name) ?? 0);
      at += match[0].length - 1;
    } else if (next === '0') {
      const octal = /^[0-7]{0,2}/.exec(template.slice(at + 2, at + 4))?.[0] ?? '';
      literal += String.fromCharCode(parseInt(`0${octal}`, 8));
      at += 1 + octal.length;
    } else if (/[1-9]/.test(next)) {
      const three = template.slice(at + 1, at + 4);
      if (/^[0-7]{3}$/.test(three)) {
        const value = parseInt(three, 8);
        if (value > 0o377) throw new RegexSyntaxError(`octal escape value \\${three} outside of range 0-0o377`);
        literal += String.fromCharCode(value);
        at += 3;
      } else {
        const digits = /^[0-9]{1,2}/.exec(template.slice(at + 1))?.[0] ?? next;
        group(Number(digits));
        at += digits.length;
      }
    } else if (Object.hasOwn(TEMPLATE_ESCAPES, next)) {
      literal += TEMPLATE_ESCAPES[next];
      at += 1;
    } else if (/[A-Za-z]/.test(next)) {
      throw new RegexSyntaxError(`bad escape \\${next} at position ${at}`);
    } else {
      literal += `\\${next}`;
      at += 1;
    }
  }
  if (literal !== '') parts.push(literal);
  return parts;
}
