import type { FilterNode } from './filter-ast.js';

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
const MISSING = Symbol('missing');
type Value = unknown;

/**
 * Evaluates a parsed filter against one node. Reads only: own properties of plain objects and array
 * elements; nothing is called, nothing is written. Semantics (as RFC 9535 JSONPath):
 * - a path alone (`@.x`) tests that the value exists (so `[?(@.flag)]` keeps `flag: false`); `!` negates;
 * - `==`/`!=` compare JSON values deeply, with no type coercion (`1 == '1'` is false); a missing value
 *   equals only another missing value;
 * - `<`, `<=`, `>`, `>=` hold only between two numbers or two strings (code unit order), else are false.
 */
export function evaluateFilter(node: FilterNode, current: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, current) && evaluateFilter(node.right, current);
    case 'or':
      return evaluateFilter(node.left, current) || evaluateFilter(node.right, current);
    case 'not':
      return !evaluateFilter(node.operand, current);
    case 'literal':
      return node.value === true;
    case 'path':
      return resolve(node.steps, current) !== MISSING;
    case 'compare': {
      const left = operand(node.left, current);
      const right = operand(node.right, current);
      switch (node.operator) {
        case '==':
          return equal(left, right);
        case '!=':
          return !equal(left, right);
        default:
          return ordered(node.operator, left, right);
      }
    }
  }
}

function operand(node: FilterNode, current: unknown): Value {
  if (node.kind === 'path') return resolve(node.steps, current);
  if (node.kind === 'literal') return node.value;
  return evaluateFilter(node, current);
}

function resolve(steps: readonly string[], current: unknown): Value {
  let value: unknown = current;
  for (const step of steps) {
    if (Array.isArray(value)) {
      if (!ARRAY_INDEX.test(step) || Number(step) >= value.length) return MISSING;
      value = value[Number(step)];
    } else if (typeof value === 'object' && value !== null && Object.hasOwn(value, step)) {
      value = (value as Record<string, unknown>)[step];
    } else {
      return MISSING;
    }
  }
  return value === undefined ? MISSING : value;
}

function ordered(operator: '<' | '<=' | '>' | '>=', left: Value, right: Value): boolean {
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return false;
  const [a, b] = [left, right] as [number, number];
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** Deep JSON equality, iterative (an explicit stack of pairs), so any nesting is safe. */
function equal(left: Value, right: Value): boolean {
  const pending: Array<[unknown, unknown]> = [[left, right]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [a, b] = pair;
    if (a === b) continue;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    for (const key of keysA) {
      if (!Object.hasOwn(b, key)) return false;
      pending.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
