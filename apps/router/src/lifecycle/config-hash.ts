import { createHash } from 'node:crypto';
import type { RouterConfig } from '@llm-router/config';

/** A short, stable hash of a resolved config (secrets included in the input, never in the output). */
export function configHash(config: RouterConfig): string {
  const { source: _source, ...content } = config;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12);
}
