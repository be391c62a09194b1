/**
 * A web-test-runner reporter that ends the run with one plain line CI can
 * read: `web-test-runner: N passed, N failed, N skipped`. A test file that
 * fails to load (no results, or errors) counts as one failure.
 */
export function summaryReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.testResults || (session.errors?.length ?? 0) > 0) failed++;
      }
      process.on('exit', () => {
        process.stdout.write(`\nweb-test-runner: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
      });
    },
  };
}
