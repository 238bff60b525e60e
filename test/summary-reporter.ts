/**
 * A vitest reporter that ends the run with one plain line, `N passed, N failed, N skipped`,
 * so that CI can count the tests whatever else the default reporter prints.
 *
 * A test that was meant to run but never did because its file or suite failed around it (a
 * `beforeAll` that threw, say) counts as failed, not skipped: vitest marks such tests skipped,
 * which would otherwise hide the failure from the count.
 */
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed' || notRunBecauseAroundFailed(test)) failed++;
        else skipped++;
      }
      // A file that failed to load (syntax error, failed import) has no tests but is a failure.
      if (module.state() === 'failed' && !module.children.size) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

/** A test meant to run (not .skip or .todo) that did not, inside a suite or file that failed. */
function notRunBecauseAroundFailed(test: TestCase): boolean {
  if (test.options.mode !== 'run') return false;
  for (let parent: TestSuite | TestModule = test.parent; ; parent = parent.parent) {
    if (parent.state() === 'failed') return true;
    if (parent.type === 'module') return false;
  }
}
