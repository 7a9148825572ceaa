import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/**/*.slow.test.{ts,tsx}', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest runs cores - 1 files at once: one on a 2-core machine. Most tests wait on a spawned mtdiff, so two
    // at once use both cores (npm test 191 s -> about 130 s on the CI kind of machine, BENCHMARKS.md).
    maxWorkers: 2,
  },
});
