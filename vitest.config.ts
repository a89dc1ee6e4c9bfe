import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything that runs in Node (db, handlers, documents, parsers, main with electron mocked).
export default defineConfig({
  test: {
    include: ['{electron,db,seeds,harness,tests,renderer,scripts}/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
