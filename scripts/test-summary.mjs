// Prints one closing line, "N passed, N failed[, N skipped]", summing the unit (Vitest), e2e
// (Playwright) and Firefox (scripts/firefox/run.mjs) results written to test-results/ by
// `npm test`. Exits 1 when a suite is missing or anything failed, so it can't report green on
// tests that never ran.
import { existsSync, readFileSync } from 'node:fs';

/** @param {string} file */
function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const unit = read('test-results/unit.json');
const e2e = read('test-results/e2e.json');
const firefox = read('test-results/firefox.json');
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

if (unit) {
  passed += unit.numPassedTests;
  failed +=
    unit.numFailedTests + (unit.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(unit);
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else missing.push('unit');

if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  // A suite that failed before running (a broken fixture file) shows up as errors, not tests.
  failed += (e2e.errors ?? []).length;
} else missing.push('e2e');

if (firefox) {
  passed += firefox.passed;
  failed += firefox.failed;
} else missing.push('Firefox');

/** Suites that failed only because a test in them failed are counted once, by their tests. */
function countSuitesWithFailedTests(/** @type {any} */ report) {
  return (report.testResults ?? []).filter(
    (/** @type {any} */ s) =>
      s.status === 'failed' &&
      s.assertionResults.some((/** @type {any} */ a) => a.status === 'failed'),
  ).length;
}

if (missing.length) console.log(`No results from the ${missing.join(', ')} tests.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
