import { defineConfig } from 'vitest/config';

// The unit tests that exercise the mutated modules (stryker.config.mjs). Browser tests and the
// corpus-wide parser tests stay out: one mutant must be judged in seconds, not minutes.
export default defineConfig({
  test: {
    include: [
      'tests/checks/**/*.test.ts',
      'tests/data/measures.test.ts',
      'tests/export/csv.test.ts',
      'tests/workspace/model.test.ts',
      'tests/parse/split.test.ts',
      'tests/parse/synthetic.test.ts',
    ],
    environment: 'node',
  },
});
