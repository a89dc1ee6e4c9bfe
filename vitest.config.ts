import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything that runs in Node (db, handlers, documents, parsers, main with electron mocked).
// Vitest's default is one worker fewer than the cores, which on the 2-core CI machine is one: the files then ran one
// after another while the second core idled. Two workers at least; every file works in its own temp folder and random
// ports, so files may run side by side. The exception is the files that time child processes (kill at a random
// acknowledgement, a start-up that must end within a bound): sharing the CPU shifts their timing, so they run after
// the rest, one at a time, as on a quiet machine.
const TIMED_PROCESSES = ['tests/crash.test.ts', 'tests/crashExports.test.ts', 'tests/encryptionKill.test.ts', 'tests/erasureKill.test.ts', 'tests/minutesKill.test.ts', 'tests/startup.test.ts'];

const shared = { environment: 'node', pool: 'forks', testTimeout: 30_000, hookTimeout: 30_000 } as const;

export default defineConfig({
  test: {
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['{electron,db,seeds,harness,tests,renderer,scripts}/**/*.test.ts'],
          exclude: ['node_modules/**', 'e2e/**', ...TIMED_PROCESSES],
        },
      },
      {
        test: {
          ...shared,
          name: 'processes',
          include: TIMED_PROCESSES,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
