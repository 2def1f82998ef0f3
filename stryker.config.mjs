// Mutation testing of the modules that decide numbers: `npm run mutation` (scripts/mutation.ts)
// runs one group at a time (MUTATION_GROUP), each against the unit tests that are about it, so
// a run fits this 2-core machine. See README, 变异测试.
import { resolve } from 'node:path';

export const GROUPS = {
  checks: { mutate: ['src/lib/checks/*.ts'], tests: ['tests/checks/**/*.test.ts'] },
  measures: { mutate: ['src/lib/data/measures.ts'], tests: ['tests/data/measures.test.ts'] },
  csv: { mutate: ['src/lib/export/csv.ts'], tests: ['tests/export/csv.test.ts'] },
  parse: {
    mutate: ['src/lib/parse/split.ts', 'src/lib/parse/solve.ts', 'src/lib/parse/align.ts', 'src/lib/parse/layout.ts'],
    tests: ['tests/parse/split.test.ts', 'tests/parse/readings.test.ts', 'tests/parse/align.test.ts', 'tests/parse/synthetic.test.ts'],
  },
};

const name = process.env.MUTATION_GROUP ?? 'checks';
const group = GROUPS[name];
if (!group) throw new Error(`unknown MUTATION_GROUP ${name}: one of ${Object.keys(GROUPS).join(', ')}`);

// The test runner processes inherit these: which tests to run, and where the corpus is (the
// sandbox copy of the repository is not beside ../shared).
process.env.GONGKAI_MUTATION_TESTS = group.tests.join(',');
process.env.GONGKAI_CORPUS ??= resolve('../shared/corpus');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: group.mutate,
  // 'all', not 'perTest': the checks memoize their equations (built once, inside whichever test
  // runs first), and test names with + or （） did not always select the tests that cover a mutant.
  coverageAnalysis: 'all',
  concurrency: 1,
  timeoutMS: 15000,
  reporters: ['clear-text', 'json', 'progress-append-only'],
  // A re-run tests again only mutants whose code or tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 75, break: null },
  // The sandbox needs the generated tsconfig (.svelte-kit, git-ignored).
  ignorePatterns: ['!.svelte-kit/**', 'build', 'build-test', 'docs', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
