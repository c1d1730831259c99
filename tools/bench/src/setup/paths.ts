import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The workspace root, from this file's place once built (dist/tools/bench/setup/paths.js). */
export const WORKSPACE = fileURLToPath(new URL('../../../../', import.meta.url));
export const ROUTER_ENTRY = path.join(WORKSPACE, 'dist/apps/router/main.js');
export const BENCH_DIST = path.join(WORKSPACE, 'dist/tools/bench');
export const FIXTURES = path.join(WORKSPACE, 'libs/testing/fixtures');
/** Git-ignored. */
export const RESULTS = path.join(WORKSPACE, 'tools/bench/results');
