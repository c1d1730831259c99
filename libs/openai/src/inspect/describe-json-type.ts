/** OpenAI's wording for a JSON value's type in validation messages: "a string", "an array", ... */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a decimal number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      // Not reachable for parsed JSON (undefined, functions, symbols, bigints).
      return typeof value;
  }
}
