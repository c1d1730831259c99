import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` (debounced) when `path` changes. Watches the folder, not the file, because editors
 * and Kubernetes ConfigMap updates replace the file (a rename), which ends a watch on the file itself.
 */
export function watchFile(path: string, onChange: () => void, debounceMs = 200): void {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(path), (_event, changed) => {
    if (changed !== null && changed !== name && !String(changed).startsWith('..')) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.unref();
}
