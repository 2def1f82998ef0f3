import { defineConfig } from 'vitest/config';

// Two projects: fast Node unit tests (data layer, SQL, option builders, parser), and browser
// tests that drive Chromium over the tests' build of the site in build-test/ (rebuilt when stale).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Rebuilds build-test/ and build/ when a source is newer (a stale build never passes).
          globalSetup: ['tests/browser/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
