import { defineConfig } from 'vitest/config';

/**
 * Files that replace a module (vi.mock), reset the module registry or depend on what a module read from the
 * environment at import time: each needs a fresh module graph.
 */
const FRESH = ['test/io/write.test.ts', 'test/core/stages.test.ts', 'test/ui/colour.test.tsx'];

const common = {
  exclude: ['test/**/*.slow.test.{ts,tsx}', 'node_modules/**'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest runs cores - 1 files at once: one on a 2-core machine. Most tests wait on a spawned mtdiff, so two
    // at once use both cores (npm test 191 s -> about 130 s on the CI kind of machine, BENCHMARKS.md).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { ...common, name: 'fresh', include: FRESH } },
      {
        extends: true,
        test: {
          ...common,
          name: 'shared',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...common.exclude, ...FRESH],
          // One module graph per worker: the model, the dictionaries and the analysis modules load once per worker,
          // not once per file (npm test: BENCHMARKS.md). test/setup/env.ts gives every file the environment it started with.
          isolate: false,
          setupFiles: ['test/setup/env.ts'],
        },
      },
    ],
  },
});
