/**
 * Three projects: `unit` (pure code, no servers, seconds), `integration` (the real local stack) and `deploy` (the
 * Compose stack in containers, minutes: only through `pnpm test:deploy`, which builds the images first). Log lines of the
 * code under test are kept per test and printed only for a failing test (test/support/log-buffer-environment.js;
 * REPLIQUE_TEST_LOGS=live prints them as they come).
 */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const quietLogs = {
  testEnvironment: '<rootDir>/test/support/log-buffer-environment.js',
  setupFiles: ['<rootDir>/test/support/buffer-logs.ts'],
};
module.exports = {
  // On a 2-core machine jest would run every file in jest's own process, one after the other (in band): 217 files of
  // servers, consumers and pools in one Node process, whatever one file leaks weighing on all the next. With a memory
  // limit, the files run in a worker process instead, replaced once it holds more than this after a file.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      displayName: 'unit',
      ...quietLogs,
      transform,
      testMatch: ['<rootDir>/{activities,workflows,services}/src/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      ...quietLogs,
      transform,
      // Hooks create and migrate a database, start workers: seconds when quiet, more on a loaded 2-core machine. A
      // project's `testTimeout` is not applied by jest (a global option: tests got 5 s), so the setup file sets it.
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
    {
      displayName: 'deploy',
      ...quietLogs,
      transform,
      testMatch: ['<rootDir>/test/deploy/**/*.deploy.ts'],
    },
  ],
};
