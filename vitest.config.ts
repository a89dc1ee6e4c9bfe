import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything that runs in Node (db, handlers, documents, parsers, main with electron mocked).
// Vitest's default is one worker fewer than the cores, which on the 2-core CI machine is one: the files then ran one
// after another while the second core idled (the kill, crash and render tests wait on child processes much of the
// time). Two workers at least; every file works in its own temp folder and random ports, so files may run side by side.
export default defineConfig({
  test: {
    include: ['{electron,db,seeds,harness,tests,renderer,scripts}/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
