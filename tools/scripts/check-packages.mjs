#!/usr/bin/env node
// Checks that every publishable lib (libs/*, minus private ones) is fit for npm:
//   - publint --strict                      (package.json vs. the packed files; warnings count as failures)
//   - attw --pack . --profile esm-only      (the types a consumer would resolve, node16-ESM and bundler)
// then runs the Nx release dry run once (`nx release patch --dry-run --skip-publish`: versions, no writes,
// no publish). Prints `PASS <lib> <tool>` / `FAIL <lib> <tool>` per check and ends with `N passed, N failed`;
// exits non-zero on any failure.
//
// The checks pack dist/, so the libs must be built: this script first runs
// `npx nx run-many -t build -p <libs>` (cached by Nx, so quick when nothing changed). Pass --no-build to skip it.
// Uses only locally installed tools (npx --no-install): it never downloads anything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const libsDir = join(root, 'libs');
const build = !process.argv.includes('--no-build');
const concurrency = 4;

const libs = readdirSync(libsDir)
  .filter((name) => existsSync(join(libsDir, name, 'package.json')))
  .filter((name) => JSON.parse(readFileSync(join(libsDir, name, 'package.json'), 'utf8')).private !== true)
  .sort();

let passed = 0;
let failed = 0;

function report(ok, label, output) {
  if (ok) {
    passed += 1;
    console.log(`PASS ${label}`);
  } else {
    failed += 1;
    console.log(`FAIL ${label}`);
    if (output.trim() !== '') console.log(indent(output));
  }
}

function indent(text) {
  return text
    .split('\n')
    .filter((line) => !/^npm warn Unknown (user|env) config/.test(line))
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Runs a command with stdin closed (nothing can prompt) and resolves with its status and combined output. */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ status: -1, output: `${output}${error.message}\n` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const started = performance.now();

if (build) {
  const result = spawnSync('npx', ['--no-install', 'nx', 'run-many', '-t', 'build', '-p', ...libs, '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  report(result.status === 0, 'libs build', `${result.stdout}${result.stderr}`);
  if (result.status !== 0) {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}

const checks = libs.flatMap((lib) => [
  { label: `${lib} publint`, args: ['--no-install', 'publint', '--strict'], cwd: join(libsDir, lib) },
  { label: `${lib} attw`, args: ['--no-install', 'attw', '--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], cwd: join(libsDir, lib) },
]);
for (const check of checks) {
  if (!existsSync(join(check.cwd, 'dist', 'index.js'))) check.missing = `dist/index.js is missing: build ${check.cwd} first (or drop --no-build).`;
}

// A few at a time (each packs a tarball); reported in a fixed order.
const results = new Array(checks.length);
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < checks.length) {
      const index = next++;
      const check = checks[index];
      results[index] = check.missing ? { status: 1, output: check.missing } : await run('npx', check.args, check.cwd);
    }
  }),
);
checks.forEach((check, index) => report(results[index].status === 0, check.label, results[index].output));

// The release dry run: stdin closed, so a prompt would fail rather than hang; --dry-run writes nothing.
const release = await run('npx', ['--no-install', 'nx', 'release', 'patch', '--dry-run', '--skip-publish'], root);
const releaseOk = release.status === 0 && release.output.includes('The "dryRun" flag means no changes were made');
report(releaseOk, 'nx release --dry-run', release.output);

console.log(`(${((performance.now() - started) / 1000).toFixed(1)}s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
