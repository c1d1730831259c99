// Lint for every project: typescript-eslint's recommended rules plus Nx module boundaries.
// The boundaries are the architecture's (docs in README.md#architecture): core imports nothing of ours,
// API-family libs import core and http only and never each other, policy libs import core at most,
// and only the app wires everything together.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const DEP_CONSTRAINTS = [
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:http', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:policy', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:logging', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:provider', onlyDependOnLibsWithTags: ['type:core', 'type:http'] },
  { sourceTag: 'type:family', onlyDependOnLibsWithTags: ['type:core', 'type:http'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:core', 'type:config', 'type:http', 'type:policy', 'type:logging', 'type:provider', 'type:family', 'type:testing'],
  },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:core', 'type:testing'] },
  // The benchmark drives the built router as a black box; its one in-process measurement (the access
  // layer alone, driver/access-in-process.ts) imports the access lib and nothing else of ours.
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:policy'] },
];

// Specs of the API-family libs may use the test helpers (mock upstreams, shared fuzz generators):
// libs/testing imports only core, so this adds no cycle, and production code still cannot.
const SPEC_CONSTRAINTS = DEP_CONSTRAINTS.map((c) =>
  c.sourceTag === 'type:family' ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] } : c,
);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/out-tsc/**', 'reports/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: DEP_CONSTRAINTS,
        },
      ],
    },
  },
  {
    files: ['libs/**/*.spec.ts', 'libs/**/*.spec-helper.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow: [], depConstraints: SPEC_CONSTRAINTS }],
    },
  },
  {
    // Only the config lib reads process.env (architecture rule); tests may set it.
    files: ['**/*.ts'],
    ignores: ['libs/config/**', '**/*.spec.ts', 'apps/router-e2e/**', 'tools/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only @llm-router/config reads process.env.' }],
    },
  },
);
