/** One problem in the config file, named by its path: `models.gpt-4.retry_config.max_retries`. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/**
 * Thrown at boot (or on reload) when the config is invalid. The CLI prints one line per problem,
 * `<path>: <message>`, and exits with code 2.
 */
export class ConfigValidationError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(`invalid config:\n${problems.map((p) => `  ${formatConfigProblem(p)}`).join('\n')}`);
    this.name = 'ConfigValidationError';
    this.problems = problems;
  }
}

export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.path}: ${problem.message}`;
}
