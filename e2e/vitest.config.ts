import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer in Debian's Chromium, driven by Playwright through the browser harness.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
