import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['apps/server/**/*.test.ts', 'packages/**/*.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          pool: 'forks',
          // One process for the files, one after another: loading the app's modules once instead of per file takes
          // less than half the CPU (decision 0023). Module caches are emptied before each file (test/per-file.ts).
          isolate: false,
          setupFiles: ['apps/server/test/per-file.ts'],
          env: { TANDEM_TEST_PASSWORD_COST: 'low' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The web app's pure logic (formatters, time-zone math, the kit's helpers) and the kit's
        // markup rendered to a string; jsdom is not installed, so nothing here needs a DOM.
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'node',
          // The tests move process.env.TZ to prove dates do not shift: one process per file.
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          // The server tests' PostgreSQL and template, and the demo workspace seeded once for every file.
          globalSetup: ['apps/web/e2e/global-setup.ts'],
          pool: 'forks',
          env: { TANDEM_TEST_PASSWORD_COST: 'low' },
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
