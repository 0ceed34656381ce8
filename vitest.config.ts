import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'checklists/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real SQLite files, real sockets and real browsers: two workers match the 2-core machine.
    maxWorkers: 2,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
