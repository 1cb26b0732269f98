/**
 * The integration project's default test and hook timeout: 30 s (a test's own timeout still wins). Set here because
 * jest ignores `testTimeout` in a project's config (it is a global option), which left every integration test and
 * hook without one of its own at jest's 5 s: flaky as soon as the machine is loaded.
 */
jest.setTimeout(30_000);
