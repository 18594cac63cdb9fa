import { defineConfig } from 'vitest/config';

/** Browser tests: the built web app on a real server, driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // One server and one browser at a time: the 2-core machine is the limit, and timings must mean something.
    fileParallelism: false,
  },
});
