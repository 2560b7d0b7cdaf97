// `npm test`: typecheck, unit tests, production build, HTML validation, end-to-end tests (Chromium),
// smoke tests in Firefox and WebKit, in
// that order. Stops at the first failure. Each runner prints its own summary;
// this script ends with one line of totals across the test runners.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const RESULTS = 'test-results';
const VITEST_JSON = path.join(RESULTS, 'vitest.json');
const PLAYWRIGHT_JSON = path.join(RESULTS, 'playwright.json');
const HTML_JSON = path.join(RESULTS, 'html-validate.json');
const SMOKE_JSON = path.join(RESULTS, 'smoke.json');

const totals = {passed: 0, failed: 0, skipped: 0};

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function countVitest() {
  const report = readJson(VITEST_JSON);
  if (!report) return false;
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

function countPlaywright() {
  const report = readJson(PLAYWRIGHT_JSON);
  if (!report?.stats) return false;
  totals.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  totals.failed += report.stats.unexpected ?? 0;
  totals.skipped += report.stats.skipped ?? 0;
  return true;
}

/** A `{passed, failed}` report: one result per built page (scripts/validate-html.mjs), or per check per browser (scripts/smoke/run.mjs). */
const countPassedFailed = (file) => () => {
  const report = readJson(file);
  if (!report) return false;
  totals.passed += report.passed ?? 0;
  totals.failed += report.failed ?? 0;
  return true;
};

const steps = [
  {name: 'typecheck', command: 'npm run typecheck'},
  {
    name: 'unit tests',
    command: `npx vitest run --reporter=default --reporter=json --outputFile.json=${VITEST_JSON}`,
    count: countVitest,
  },
  {name: 'build', command: 'npm run build'},
  {name: 'HTML validation', command: 'npm run test:html', count: countPassedFailed(HTML_JSON)},
  {name: 'end-to-end tests', command: 'npm run test:e2e', count: countPlaywright},
  {name: 'Firefox and WebKit smoke tests', command: 'npm run test:browsers', count: countPassedFailed(SMOKE_JSON)},
];

function printTotals() {
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
}

for (const file of [VITEST_JSON, PLAYWRIGHT_JSON, HTML_JSON, SMOKE_JSON]) fs.rmSync(file, {force: true});
fs.mkdirSync(RESULTS, {recursive: true});

for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command}`);
  const started = process.hrtime.bigint();
  const result = spawnSync(step.command, {stdio: 'inherit', shell: true});
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const counted = step.count ? step.count() : true;
  if (result.status !== 0) {
    console.error(`\n=== ${step.name} failed (exit ${result.status ?? result.signal}) after ${seconds.toFixed(1)} s`);
    // A runner that died before writing its report still counts as a failure.
    if (step.count && !counted) totals.failed += 1;
    if (totals.failed === 0) totals.failed = 1;
    printTotals();
    process.exit(1);
  }
  console.log(`=== ${step.name} passed in ${seconds.toFixed(1)} s`);
}

printTotals();
