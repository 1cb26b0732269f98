/**
 * The integration project's defaults.
 *
 * - A 30 s test and hook timeout (a test's own timeout still wins). Set here because jest ignores `testTimeout` in a
 *   project's config (it is a global option), which left every integration test and hook at jest's 5 s: flaky as soon
 *   as the machine is loaded.
 * - One retry of a failed test, its first errors printed: these tests drive real servers on a shared 2-core machine,
 *   where a stall of the machine can fail a test that is right. A retried test is named in the run's summary
 *   (infra/local/test.sh), so a flaky test stays visible instead of passing silently.
 */
jest.setTimeout(30_000);
jest.retryTimes(1, { logErrorsBeforeRetry: true });
