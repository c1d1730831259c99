import { JSONPath } from 'jsonpath-plus';
import { JSONPATH_EVAL } from './compile-json-path.js';
import type { CompiledJsonPathAdd, PathStep } from './compiled-transformations.js';
import { cloneJson } from './json-value.js';

/**
 * Sets a fresh copy of the rule's value at its path. A plain path walks from the root, creating missing
 * intermediates (`[]` when the next step is `[n]`, `{}` otherwise); any other path sets its last step on
 * every parent its parent query matches. Never overwrites a scalar or null on the way, never sets an
 * array index beyond its length (index === length appends), never sets a name on an array.
 */
export function addJsonPath(body: object, rule: CompiledJsonPathAdd): void {
  if (rule.parentQuery === undefined) {
    let node: object = body;
    for (const [position, step] of rule.steps.entries()) {
      const next = rule.steps[position + 1];
      if (next === undefined) {
        setStep(node, step, cloneJson(rule.value));
        return;
      }
      let child = getStep(node, step);
      if (child === undefined) {
        child = next.index ? [] : {};
        if (!setStep(node, step, child)) return;
      }
      if (typeof child !== 'object' || child === null) return;
      node = child;
    }
    return;
  }
  const [last] = rule.steps;
  const parents = JSONPath<unknown[]>({ ...JSONPATH_EVAL, path: rule.parentQuery, json: body, resultType: 'value' });
  for (const parent of new Set(parents)) {
    if (typeof parent === 'object' && parent !== null) setStep(parent, last, cloneJson(rule.value));
  }
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

function getStep(node: object, step: PathStep): unknown {
  if (Array.isArray(node)) return ARRAY_INDEX.test(step.key) ? (node as unknown[])[Number(step.key)] : undefined;
  return Object.hasOwn(node, step.key) ? (node as Record<string, unknown>)[step.key] : undefined;
}

/** False when the step cannot be set on this node. */
function setStep(node: object, step: PathStep, value: unknown): boolean {
  if (Array.isArray(node)) {
    const index = Number(step.key);
    if (!ARRAY_INDEX.test(step.key) || index > node.length) return false;
    node[index] = value;
    return true;
  }
  // defineProperty, not assignment: a key named __proto__ must become an own property, not a prototype.
  Object.defineProperty(node, step.key, { value, writable: true, enumerable: true, configurable: true });
  return true;
}
