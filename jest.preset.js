// Shared Jest settings for every project. Native ESM: run Jest with NODE_OPTIONS=--experimental-vm-modules
// (the projects' `test` scripts do). @swc/jest strips types but does not type-check: `typecheck` does that.
import { fileURLToPath } from 'node:url';

const summaryReporter = fileURLToPath(new URL('./tools/jest/summary-reporter.js', import.meta.url));

export default {
  testEnvironment: 'node',
  // Resolve @llm-router/* to their TypeScript sources, not to dist/.
  testEnvironmentOptions: { customExportConditions: ['@llm-router/source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  reporters: ['default', summaryReporter],
};
