import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'checklists/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real SQLite files, real sockets and real browsers: two workers match the 2-core machine.
    maxWorkers: 2,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // Cheaper password hashes for the accounts the tests create (server/auth/passwords.ts); the
    // default cost is tested there. Servers the tests spawn inherit it.
    env: { TENDIK_SCRYPT_LOG_N: '12' },
    // A browser test polls for what the app shows after a round trip to the server; on a busy
    // machine one second (vitest's default) is not enough for a sign-in or an export.
    expect: { poll: { timeout: 10_000 } },
  },
});
