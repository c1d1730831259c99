/** A group a Python-style reference in a replacement names: a number or a group name. */
export type GroupReference = number | string;

/**
 * Converts Python-style references in a `re.sub` replacement to JS `String.prototype.replace` syntax:
 * `\1`…`\99` and `\g<1>` become `$01`…`$99` (two digits, so a following literal digit is never read as
 * part of the number), `\g<0>` becomes `$&`, `\g<name>` becomes `$<name>`, and `\\` becomes one literal
 * backslash. Everything else, including JS syntax (`$1`, `$<name>`, `$&`, `$$`), passes through unchanged.
 * Returns the converted string and the groups the Python-style references named, for validation.
 */
export function pythonReplacementToJs(replacement: string): { replacement: string; references: GroupReference[] } {
  const references: GroupReference[] = [];
  const converted = replacement.replace(/\\(\\|g<([^>]*)>|[1-9][0-9]?)/g, (whole: string, escape: string, group: string | undefined) => {
    if (escape === '\\') return '\\';
    const ref = group ?? escape;
    if (/^[0-9]+$/.test(ref)) {
      const number = Number(ref);
      references.push(number);
      if (number === 0) return '$&';
      return `$${String(number).padStart(2, '0')}`;
    }
    references.push(ref);
    return `$<${ref}>`;
  });
  return { replacement: converted, references };
}
