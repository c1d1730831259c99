import type { ConfigProblem } from '@llm-router/core';
import { isRecord } from './is-record.js';

const RELATIONS = ['fallbacks', 'context_window_fallbacks'] as const;

/**
 * Cross-model checks of `fallbacks` and `context_window_fallbacks` over the models as written (entries that are
 * not strings are the field rule's to report): a name that is no model, a model naming itself, and cycles
 * (`a -> b -> a`), each cycle reported once, at the first model of the cycle in file order. Each relation is a
 * graph of its own: a context-window fallback that falls back to the original model is no cycle.
 */
export function fallbackProblems(models: unknown): ConfigProblem[] {
  if (!(models instanceof Map)) return [];
  const names = [...models.keys()].filter((name): name is string => typeof name === 'string');
  const problems: ConfigProblem[] = [];
  for (const relation of RELATIONS) {
    const edges = new Map<string, string[]>();
    for (const name of names) {
      const model: unknown = models.get(name);
      const list = isRecord(model) ? model[relation] : undefined;
      if (!Array.isArray(list)) continue;
      const valid: string[] = [];
      list.forEach((target: unknown, index) => {
        if (typeof target !== 'string' || target === '') return;
        const path = `models.${name}.${relation}[${index}]`;
        if (target === name) problems.push({ path, message: 'a model cannot fall back to itself' });
        else if (!models.has(target)) problems.push({ path, message: `unknown model '${target}'` });
        else valid.push(target);
      });
      edges.set(name, valid);
    }
    for (const cycle of cyclesOf(names, edges)) {
      problems.push({ path: `models.${cycle[0]}.${relation}`, message: `fallback cycle: ${[...cycle, cycle[0]].join(' -> ')}` });
    }
  }
  return problems;
}

/** Each elementary cycle found by a depth-first walk in file order, once, starting at its earliest member. */
function cyclesOf(names: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map(names.map((name, index) => [name, index]));
  const seen = new Set<string>();
  const cycles: string[][] = [];
  for (const start of names) {
    // Cycles through `start` whose other members all come later in file order: each cycle is found exactly once.
    const walk = (node: string, path: string[], onPath: Set<string>): void => {
      for (const next of edges.get(node) ?? []) {
        if (next === start) {
          const key = path.join('\n');
          if (!seen.has(key)) {
            seen.add(key);
            cycles.push([...path]);
          }
        } else if (!onPath.has(next) && (order.get(next) ?? -1) > (order.get(start) ?? -1)) {
          onPath.add(next);
          walk(next, [...path, next], onPath);
          onPath.delete(next);
        }
      }
    };
    walk(start, [start], new Set([start]));
  }
  return cycles;
}
