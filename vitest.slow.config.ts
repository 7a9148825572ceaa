import { defineConfig } from 'vitest/config';

/** Slow tests (kill -9, big files, real terminals): `npm run test:slow`, also run by .ci/run. */
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.{ts,tsx}'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
