import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer in Debian's Chromium, driven by Playwright through the browser harness.
// Two files run side by side. Each file starts its own harness (random loopback port, own temp folder and SQLite file)
// and its own Chromium, and names its screenshots after itself, so files share nothing; the tests inside a file still
// run in order (they build on each other). One after another, one core mostly waited on the other.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // After a failed test: a screenshot and, on stderr, what the page showed (CI keeps the log, not the files).
    setupFiles: ['e2e/onFailure.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    // expect.poll's own default (1 s) is too short for a page sharing the machine with another file's Chromium (a
    // print preview took longer under load); a longer wait changes nothing about what is asserted.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
