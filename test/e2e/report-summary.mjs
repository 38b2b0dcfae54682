// Reads Playwright's JSON report (playwright.config.ts writes it) into the counts `npm test` sums,
// with each skipped test and its reason. Errors outside any test (global setup, a broken spec file)
// count as one failure, so a run that tested nothing cannot pass.
import { existsSync, readFileSync } from 'node:fs';

/** The JSON reporter's outputFile in playwright.config.ts. */
export const E2E_REPORT = '.tmp/e2e-report.json';

/** Every test of a file's suite, titled by its describe blocks and its own name. */
function* tests(suite, titles = []) {
  for (const spec of suite.specs ?? []) for (const test of spec.tests) yield { title: [...titles, spec.title].join(' › '), test };
  for (const child of suite.suites ?? []) yield* tests(child, child.title ? [...titles, child.title] : titles); // anonymous describe: no title
}

/** Counts from the report at `file`, or null when there is none (Playwright did not get to write it). */
export function e2eSummary(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  const skippedTests = [];
  for (const suite of report.suites ?? []) {
    for (const { title, test } of tests(suite)) {
      if (test.status !== 'skipped') continue;
      const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? '';
      skippedTests.push({ title, reason });
    }
  }
  return { passed: expected + flaky, failed: unexpected + ((report.errors ?? []).length > 0 ? 1 : 0), skipped, skippedTests };
}
