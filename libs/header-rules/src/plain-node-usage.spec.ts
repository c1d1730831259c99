// Proves the package works on its own from plain Node, the way a user's code would load it: a child `node` process
// (no Jest, no `@llm-router/source` condition, no TypeScript) imports '@llm-router/header-rules' by name, so Node
// resolves it through package.json `exports` to dist/, and runs the README's "Usage from plain Node" example verbatim.
// It builds nothing: the `test` target depends on `build` (package.json `nx.targets.test.dependsOn`), so
// `npx nx test header-rules` builds this lib and @llm-router/core first. Run Jest directly without building and it
// fails below with a message saying so.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const libDir = join(import.meta.dirname, '..');
const distEntry = join(libDir, 'dist', 'index.js');

/** The README's `js` code block under "## Usage from plain Node", and the `// { ... }` output it promises. */
function readmeExample(): { code: string; promised: string } {
  const readme = readFileSync(join(libDir, 'README.md'), 'utf8');
  const section = readme.split('## Usage from plain Node')[1];
  const code = section === undefined ? undefined : /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (code === undefined) throw new Error('README.md has no ```js block under "## Usage from plain Node"');
  const promised = code
    .split('\n')
    .map((line) => line.trim())
    .findLast((line) => line.startsWith('// {'));
  if (promised === undefined) throw new Error('the README example does not state its output as a `// { ... }` comment');
  return { code, promised: promised.slice('// '.length) };
}

describe('@llm-router/header-rules from plain Node', () => {
  it("runs the README example against the built package and prints what the README says", () => {
    if (!existsSync(distEntry)) {
      throw new Error(
        `${distEntry} is missing: this spec runs the built package. Run \`npx nx build header-rules\` ` +
          '(or `npx nx test header-rules`, which builds first).',
      );
    }
    const { code, promised } = readmeExample();
    const script = [
      code,
      "import { inspect as inspectForSpec } from 'node:util';",
      "const resolvedForSpec = import.meta.resolve('@llm-router/header-rules');",
      "console.log('@@RESULT ' + JSON.stringify({ resolved: resolvedForSpec, printed: inspectForSpec(headers, { breakLength: Infinity }), headers }));",
    ].join('\n');

    // Jest's NODE_OPTIONS (--experimental-vm-modules) must not leak into the "user's" process.
    const { NODE_OPTIONS: _jestNodeOptions, ...env } = process.env;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(libDir, '..'), // outside the package: the bare name resolves through node_modules, as for a user
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect({ status: child.status, stderr: child.stderr }).toEqual({ status: 0, stderr: '' });
    const resultLine = child.stdout.split('\n').find((line) => line.startsWith('@@RESULT '));
    expect(resultLine).toBeDefined();
    const result = JSON.parse(resultLine!.slice('@@RESULT '.length)) as { resolved: string; printed: string; headers: unknown };

    // Resolved through `exports` (default conditions) to dist, not to src/index.ts.
    expect(result.resolved).toBe(pathToFileURL(distEntry).href);
    expect(result.headers).toEqual({
      'content-type': 'application/json',
      'x-team': 'ml',
      authorization: 'Bearer sk-configured',
      'x-model': 'gpt-4',
    });
    expect(result.printed).toBe(promised);
  });
});
