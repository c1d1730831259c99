#!/usr/bin/env node
// Checks that every project's Nx `build` target declares, as its outputs, the folder its `tsc -b` really
// writes (the tsconfig's outDir). If it does not, a cache hit (a second clone, a worktree, `rm -rf dist`)
// "succeeds" and restores nothing, and `nx serve router` then crashes on a missing dist/apps/router/main.js.
// Reads package.json `nx.targets.build.outputs`, else nx.json's targetDefaults.build.outputs; prints
// `PASS`/`FAIL <project>` per project and ends with `N passed, N failed`. No Nx, no network: static only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const defaults = readJson(join(root, 'nx.json')).targetDefaults?.build?.outputs ?? [];

/** tsconfig files may have comments and trailing commas; the ones here do not, but be forgiving. */
function readTsconfig(path) {
  const text = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
}

/** The outDir a tsconfig (following `extends` inside the repo) compiles to, absolute. */
function outDirOf(tsconfigPath) {
  const config = readTsconfig(tsconfigPath);
  if (config.compilerOptions?.outDir) return resolve(dirname(tsconfigPath), config.compilerOptions.outDir);
  if (typeof config.extends === 'string' && config.extends.startsWith('.')) return outDirOf(resolve(dirname(tsconfigPath), config.extends));
  return undefined;
}

let passed = 0;
let failed = 0;
for (const group of ['apps', 'libs', 'tools']) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir).sort()) {
    const projectRoot = join(groupDir, name);
    const pkgPath = join(projectRoot, 'package.json');
    if (!existsSync(pkgPath)) continue;
    const pkg = readJson(pkgPath);
    const script = pkg.scripts?.build;
    const tsconfig = typeof script === 'string' ? /tsc -b (\S+)/.exec(script)?.[1] : undefined;
    if (tsconfig === undefined) continue;
    const project = pkg.nx?.name ?? name;
    const outDir = outDirOf(join(projectRoot, tsconfig));
    const outputs = (pkg.nx?.targets?.build?.outputs ?? defaults).map((o) =>
      resolve(o.replace('{workspaceRoot}', root).replace('{projectRoot}', projectRoot).replace('{projectName}', project)),
    );
    const covered = outDir !== undefined && outputs.some((o) => outDir === o || outDir.startsWith(o + sep));
    if (covered) {
      passed += 1;
      console.log(`PASS ${project}: build writes ${relative(root, outDir)}, declared as an output`);
    } else {
      failed += 1;
      console.log(`FAIL ${project}: build writes ${outDir ? relative(root, outDir) : '(no outDir)'} but its outputs are ${outputs.map((o) => relative(root, o)).join(', ') || '(none)'}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
