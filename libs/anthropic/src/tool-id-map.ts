const INVALID_ID_CHARACTERS = /[^A-Za-z0-9_-]/g;

/**
 * The deterministic tool id mapping for one request (docs/protocols.md §5.4, §6 #11). Anthropic requires
 * `^[a-zA-Z0-9_-]+$`; ids from other families (`functions.get_weather:0`) are mapped by replacing
 * every other character with `_`. Apply the returned function to BOTH `tool_use.id` and
 * `tool_result.tool_use_id` so pairs stay paired.
 *
 * - A valid id maps to itself.
 * - When different ids would map to the same string (`a.b` and `a:b`), each changed one gets a short
 *   hash of its original appended (`a_b_1x2y3z`), so distinct ids stay distinct.
 * - An empty id maps to `_`.
 * The result depends only on the set of ids, never on randomness.
 */
export function createToolIdMap(ids: Iterable<string>): (id: string) => string {
  const originalsBySanitized = new Map<string, Set<string>>();
  for (const id of ids) {
    const sanitized = sanitize(id);
    const group = originalsBySanitized.get(sanitized) ?? new Set<string>();
    group.add(id);
    originalsBySanitized.set(sanitized, group);
  }
  const taken = new Set(originalsBySanitized.keys());
  const mapped = new Map<string, string>();
  for (const [sanitized, group] of originalsBySanitized) {
    for (const original of group) {
      if (original === sanitized || group.size === 1) {
        mapped.set(original, sanitized);
        continue;
      }
      let candidate = `${sanitized}_${hash(original)}`;
      for (let salt = 1; taken.has(candidate); salt++) candidate = `${sanitized}_${hash(`${original}#${salt}`)}`;
      taken.add(candidate);
      mapped.set(original, candidate);
    }
  }
  return (id) => mapped.get(id) ?? sanitize(id);
}

function sanitize(id: string): string {
  return id === '' ? '_' : id.replace(INVALID_ID_CHARACTERS, '_');
}

/** FNV-1a (32 bit) in base 36: short, stable, and enough to tell colliding ids apart. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}
