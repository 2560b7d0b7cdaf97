import fs from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {test, expect, sitemapPaths} from './fixtures';
import {measureScripts} from '../scripts/js-weight.mjs';
import {answerRecorded} from '../src/quiz/progressEvents';
import {emptyProgress, STORAGE_KEY} from '../src/quiz/progressModel';
import {NOTICE_UNAVAILABLE} from '../src/quiz/progressStore';
import {introUnit} from '../src/quiz/course';
import introQuiz from '../docs/_intro-quiz';

/**
 * The JavaScript budget: every page of the site downloads, before the reader
 * scrolls, at most what a bare Docusaurus docs page does, plus 30 KB (gzip).
 * Code a page needs only further down (labs, widgets, live code) loads when the
 * reader nears it. The bare figure is measured by `npm run lighthouse` with the
 * same function (scripts/js-weight.mjs) and recorded, with how and when, in
 * reports/js-budget.json.
 */
interface JsBudget {
  how: string;
  measuredAt: string;
  barePage: string;
  bare: {scripts: number; raw: number; gzip: number};
  allowanceBytes: number;
  limitBytes: number;
}

const budget = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'reports', 'js-budget.json'), 'utf8')) as JsBudget;

test('the recorded budget is the bare docs page plus 30 KB', () => {
  expect(budget.allowanceBytes).toBe(30 * 1024);
  expect(budget.limitBytes).toBe(budget.bare.gzip + budget.allowanceBytes);
  // A bare Docusaurus 3.10 docs page loads well over 100 KB of gzip JS; a smaller figure means a broken measurement.
  expect(budget.bare.gzip).toBeGreaterThan(100 * 1024);
});

for (const pathname of sitemapPaths()) {
  test(`${pathname} downloads at most the bare docs page's JS plus 30 KB (gzip)`, async ({page, baseURL}) => {
    await expectWithinBudget(page, `${baseURL}${pathname}`);
  });
}

/** A returning reader's progress: the intro's quiz started (its first question answered), so the sidebar marks the intro in progress. */
const introIds = introQuiz.map((question) => question.id);
const STORED_PROGRESS = JSON.stringify(answerRecorded(emptyProgress(), introUnit.quizId!, introIds, introIds[0]!, {kind: 'single', choiceId: 'x'}, false, Date.UTC(2026, 11, 1)));

/**
 * The progress store loads only where progress is stored (src/quiz/progressOnDemand.ts), so a returning
 * reader's pages download a script that a first visit's do not. The longest page and two of the heaviest
 * chapters on a first visit (2 December 2026) must stay within the budget with it.
 */
for (const pathname of ['/docs/reference/model-api', '/docs/stateless-services', '/docs/load-balancers-health-checks']) {
  test(`${pathname}, opened by a reader with stored progress, downloads the progress store and stays within the budget`, async ({page, baseURL}) => {
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [STORAGE_KEY, STORED_PROGRESS] as const);
    const measured = await expectWithinBudget(page, `${baseURL}${pathname}`);
    const bodies = await Promise.all(measured.scripts.map((script) => page.request.get(script.url).then((response) => response.text())));
    expect(bodies.some((body) => body.includes(NOTICE_UNAVAILABLE)), 'a script holding the progress store').toBe(true);
    // The sidebar shows the stored answer: the store was not only downloaded but used.
    await expect(page.getByRole('link', {name: 'How the course works (in progress)'})).toBeVisible();
  });
}

async function expectWithinBudget(page: Page, url: string) {
  const pathname = new URL(url).pathname;
  const measured = await measureScripts(page, url);
  const breakdown = measured.scripts.map((s) => `${(s.gzip / 1024).toFixed(1)} KB  ${s.url}`).join('\n');
  expect(
    measured.gzip,
    `${pathname} loads ${(measured.gzip / 1024).toFixed(1)} KB of gzip JS in ${measured.scripts.length} scripts; the limit is ${(budget.limitBytes / 1024).toFixed(1)} KB (bare ${budget.barePage} ${(budget.bare.gzip / 1024).toFixed(1)} KB, measured ${budget.measuredAt}, + 30 KB).\n${breakdown}`,
  ).toBeLessThanOrEqual(budget.limitBytes);
  return measured;
}
