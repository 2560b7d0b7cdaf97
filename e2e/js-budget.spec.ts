import type {Page} from '@playwright/test';
import {test, expect} from './fixtures';
import {expectWithinJsBudget, jsBudget} from './jsBudget';
import {measureScripts} from '../scripts/js-weight.mjs';
import {answerRecorded} from '../src/quiz/progressEvents';
import {emptyProgress, STORAGE_KEY} from '../src/quiz/progressModel';
import {NOTICE_UNAVAILABLE} from '../src/quiz/progressStore';
import {introUnit} from '../src/quiz/course';
import introQuiz from '../docs/_intro-quiz';

// The budget itself is explained in ./jsBudget.ts; every page of the sitemap is held to it on its one
// load in pages.spec.ts. Here: the recorded figure, and pages opened by a returning reader.

test('the recorded budget is the bare docs page plus 30 KB', () => {
  expect(jsBudget.allowanceBytes).toBe(30 * 1024);
  expect(jsBudget.limitBytes).toBe(jsBudget.bare.gzip + jsBudget.allowanceBytes);
  // A bare Docusaurus 3.10 docs page loads well over 100 KB of gzip JS; a smaller figure means a broken measurement.
  expect(jsBudget.bare.gzip).toBeGreaterThan(100 * 1024);
});

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
  const measured = await measureScripts(page, url);
  expectWithinJsBudget(measured, new URL(url).pathname);
  return measured;
}
