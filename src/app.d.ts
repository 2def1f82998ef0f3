// Set by vite.config.ts: true only in the browser tests' build (build-test/).
declare global {
  const __GONGKAI_TEST_HOOKS__: boolean;
}

export {};
