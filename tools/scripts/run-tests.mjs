#!/usr/bin/env node
// `npm test`: lint, type-check and test every project through Nx, check the README's translation matrix, the
// Helm chart and the publishable packages, then print one closing line `N passed, N failed` summed over all of them. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const reports = join(root, 'reports', 'jest');
rmSync(join(root, 'reports'), { recursive: true, force: true });

const args = ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--outputStyle=static', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });

let passed = 0;
let failed = 0;
if (existsSync(reports)) {
  for (const file of readdirSync(reports).filter((f) => f.endsWith('.json'))) {
    const r = JSON.parse(readFileSync(join(reports, file), 'utf8'));
    passed += r.passed;
    failed += r.failed + r.brokenSuites;
  }
}
// The README's translation matrix must say what the e2e matrix specs just proved.
if (existsSync(join(root, 'reports', 'matrix'))) {
  const check = spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'render-matrix.mjs'), '--check'], { cwd: root, stdio: 'inherit' });
  if (check.status === 0) passed += 1;
  else failed += 1;
}
// Scripts that print their own `N passed, N failed`: every build target declares what it writes (cache hits
// restore it), the Helm chart checked offline (lint, template,
// Kubernetes schemas), and the publishable libs (publint, attw, an nx release dry run).
for (const script of ['check-build-outputs.mjs', 'check-helm.mjs', 'check-packages.mjs']) {
  const check = spawnSync(process.execPath, [join(root, 'tools', 'scripts', script)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(check.stdout ?? '');
  process.stderr.write(check.stderr ?? '');
  const counts = /(\d+) passed, (\d+) failed\s*$/.exec(check.stdout ?? '');
  if (counts) {
    passed += Number(counts[1]);
    failed += Number(counts[2]);
  }
  if (check.status !== 0 && (counts === null || Number(counts[2]) === 0)) failed += 1;
}
// A failing lint or type-check has no test of its own: count it, so it cannot hide.
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status !== 0 || failed > 0 ? 1 : 0);
