import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A focused test (.only) fails the run everywhere, not only under CI; test/suite-guard.test.ts refuses
    // .skip, .todo, skipIf and the rest, and .ci/run counts any test that did not run as failed.
    allowOnly: false,
    // The JSON report lets .ci/run print the plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest-results.json' },
  },
});
