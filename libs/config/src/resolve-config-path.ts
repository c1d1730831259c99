import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedConfigPath {
  path: string;
  /** True when neither a path was requested nor `<cwd>/config.yaml` exists. */
  fellBack: boolean;
}

/**
 * Picks the config file: the requested path when given (even if missing, so `loadConfig` reports it),
 * else `<cwd>/config.yaml` when that file exists, else `fallback`. An empty `requested` counts as not given.
 */
export function resolveConfigPath(requested: string | undefined, candidates: { cwd: string; fallback: string }): ResolvedConfigPath {
  if (requested) return { path: requested, fellBack: false };
  const local = join(candidates.cwd, 'config.yaml');
  if (isFile(local)) return { path: local, fellBack: false };
  return { path: candidates.fallback, fellBack: true };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
