// Mutation testing of the modules that decide numbers (`npm run mutation`; see README).
// One module group at a time keeps a run within this 2-core machine: `npm run mutation -- --mutate <glob>`.
import { resolve } from 'node:path';

// Tests find the corpus beside the repository; the sandbox copy is not beside it.
process.env.GONGKAI_CORPUS ??= resolve('../shared/corpus');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/lib/checks/*.ts',
    'src/lib/data/measures.ts',
    'src/lib/export/csv.ts',
    'src/lib/parse/split.ts',
    'src/lib/parse/solve.ts',
    'src/lib/parse/align.ts',
    'src/lib/parse/layout.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress'],
  thresholds: { high: 90, low: 75, break: null },
  // The sandbox needs the generated tsconfig (.svelte-kit, git-ignored).
  ignorePatterns: ['!.svelte-kit/**', 'build', 'docs'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
