import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep worker count low so DuckDB- and child-process-heavy tests do not starve each other.
    maxWorkers: 2,
    pool: 'forks',
  },
});
