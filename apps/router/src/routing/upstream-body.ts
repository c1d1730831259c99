import { applyTransformations, type CompiledTransformations } from '@llm-router/transforms';

/**
 * The bytes sent upstream for a body in the upstream's wire format: the route's `stage: upstream`
 * transformations applied last, just before sending, on every path (after translation, or on passthrough
 * after aliasing). With rules, they run on a fresh copy (one JSON round trip): an encoded body may share
 * objects with the IR or with an encoder's constants, which a rule must never edit. Without rules, the
 * body is serialised once, as before.
 */
export function upstreamBody(body: Record<string, unknown>, upstreamTransforms: CompiledTransformations): Buffer {
  const json = JSON.stringify(body);
  if (upstreamTransforms.rules.length === 0) return Buffer.from(json);
  const copy = JSON.parse(json) as Record<string, unknown>;
  applyTransformations(copy, upstreamTransforms);
  return Buffer.from(JSON.stringify(copy));
}
