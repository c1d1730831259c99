// Writes this project's pass/fail counts to reports/jest/<project>.json, so `npm test` can print one
// `N passed, N failed` line for the whole workspace (Nx restores the file on a cache hit).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const project = process.env.NX_TASK_TARGET_PROJECT ?? basename(this.globalConfig.rootDir);
    const dir = join(workspaceRoot, 'reports', 'jest');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${project}.json`),
      JSON.stringify({
        project,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        // suites that failed to load or crashed outside a test
        brokenSuites: results.numRuntimeErrorTestSuites,
        total: results.numTotalTests,
      }) + '\n',
    );
  }
}
