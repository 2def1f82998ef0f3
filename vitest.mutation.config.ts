import { defineConfig } from 'vitest/config';

// Stryker's test runs (stryker.config.mjs): only the unit tests of the group being mutated.
export default defineConfig({
  test: {
    include: (process.env.GONGKAI_MUTATION_TESTS ?? 'tests/checks/**/*.test.ts').split(','),
    environment: 'node',
  },
});
