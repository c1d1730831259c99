/** A model name with its tag: Ollama's tag defaults to `latest` (`llama3.2` is `llama3.2:latest`). */
export function fullModelName(name: string): string {
  const slash = name.lastIndexOf('/');
  return name.slice(slash + 1).includes(':') ? name : `${name}:latest`;
}

/** Whether `requested` names one of `installed`, tags defaulted. */
export function isInstalled(requested: string, installed: readonly string[]): boolean {
  const wanted = fullModelName(requested);
  return installed.some((name) => fullModelName(name) === wanted);
}
