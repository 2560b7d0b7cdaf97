import {test, expect, codeInView, gotoHydrated, seriousAxeFindingsInBothThemes, watchPage} from './fixtures';
import type {Locator, Page} from '@playwright/test';
import capstoneChallenge, {startDesign} from '../docs/capstone/challenge';
import {gradeChallenge} from '../src/quiz/challenge';

/** The capstone's design challenge: the last question of its quiz. */
function challenge(page: Page): Locator {
  return page.getByRole('listitem').filter({has: page.getByRole('group', {name: /^Question 6 of 6 · design challenge/})});
}

/**
 * The challenge scrolled into view with its lab's first run drawn: until then the lab grows under the reader's
 * eyes and moves "Check my design" down, and a click aimed at the button as it moves can land elsewhere (a
 * clean-clone run lost one so, leaving the feedback empty).
 */
async function challengeReady(page: Page, q: Locator) {
  await codeInView(page, q);
  await expect(q.locator('[class*="timing"]')).toHaveText(/^Simulated /);
}

const score = (page: Page) => page.getByTestId('quiz-score');
const feedback = (q: Locator) => q.getByTestId('challenge-feedback');
const targetItem = (q: Locator, id: string) => feedback(q).locator(`[data-target-id="${id}"]`);

/** Changes the lab to the reference design: 9 tasks, an RDS Multi-AZ DB cluster, with the keyboard and a click. */
async function designIt(page: Page, q: Locator) {
  const tasks = q.getByRole('spinbutton', {name: 'Desired tasks'});
  await tasks.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('9');
  await expect(tasks).toHaveValue('9');
  await q.getByRole('combobox', {name: 'Topology'}).selectOption('multi-az-cluster');
}

test.describe('the capstone design challenge', () => {
  test('says which targets the starting design misses and why, passes once the lab is changed, and keeps the credit', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/docs/capstone');
    const q = challenge(page);
    await challengeReady(page, q);
    await expect(q.getByRole('button', {name: 'Check my design'})).toBeVisible();

    await q.getByRole('button', {name: 'Check my design'}).click();
    await expect(feedback(q)).toContainText('✗ Not yet: your design misses 3 of 7 targets.');
    // The engine's own verdict on the starting design, as the page must show it.
    const overload = gradeChallenge(capstoneChallenge, startDesign).targets.find((target) => target.id === 'no-overload')!;
    expect(overload.reason).toMatch(/requests failed as overload; the other zones had 400 req\/s of capacity for 600 req\/s\./);
    await expect(targetItem(q, 'no-overload')).toContainText(overload.reason);
    await expect(targetItem(q, 'no-overload')).toContainText('✗ Missed');
    await expect(targetItem(q, 'rto')).toContainText('more than the 90 s allowed');
    await expect(targetItem(q, 'rpo')).toContainText('✓ Met');
    await expect(score(page)).toContainText('Score: 0 of 6');

    // Editing the lab starts the next attempt from the design just checked.
    await designIt(page, q);
    await q.getByRole('button', {name: 'Check my design'}).click();
    await expect(feedback(q)).toContainText('✓ Your design meets every target.');
    await expect(feedback(q).locator('[data-passed="false"]')).toHaveCount(0);
    await expect(feedback(q)).toContainText('The reference design runs 3 tasks in each of 3 zones');
    await expect(score(page)).toContainText('Score: 1 of 6');

    await page.reload();
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await codeInView(page, challenge(page));
    await expect(score(page)).toContainText('Score: 1 of 6');
    await expect(feedback(challenge(page))).toContainText('✓ Your design meets every target.');
    await expect(challenge(page).getByRole('spinbutton', {name: 'Desired tasks'})).toHaveValue('9');

    await gotoHydrated(page, '/progress');
    const row = page.locator('tr[data-unit="chapter-11"]');
    await expect(row).toContainText('Capstone');
    await expect(row).toContainText('1 of 6');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('a revealed design earns no credit until it is designed again from scratch, later', async ({page}) => {
    await page.clock.install();
    await gotoHydrated(page, '/docs/capstone');
    const q = challenge(page);
    await challengeReady(page, q);
    await expect(q.getByRole('button', {name: 'Reveal answer'})).toHaveCount(0);
    await q.getByRole('button', {name: 'Check my design'}).click();
    await expect(feedback(q)).toContainText('Not yet');

    await q.getByRole('button', {name: 'Reveal answer'}).click();
    await expect(feedback(q)).toContainText('Answer revealed: the lab now shows a reference design.');
    await expect(feedback(q)).toContainText('The reference design runs 3 tasks in each of 3 zones');
    await expect(q.getByRole('spinbutton', {name: 'Desired tasks'})).toHaveValue('9');
    await expect(score(page)).toContainText('Score: 0 of 6');

    // From scratch: the lab is back at the starting design; copying the answer just shown earns nothing.
    await q.getByRole('button', {name: 'Design it again from scratch'}).click();
    await expect(q.getByRole('spinbutton', {name: 'Desired tasks'})).toHaveValue('6');
    await designIt(page, q);
    await q.getByRole('button', {name: 'Check my design'}).click();
    await expect(feedback(q)).toContainText('Your design meets every target, but no credit yet');
    await expect(score(page)).toContainText('Score: 0 of 6');

    await page.clock.fastForward('10:01');
    await q.getByRole('button', {name: 'Check again'}).or(q.getByRole('button', {name: 'Try again'})).click();
    await q.getByRole('button', {name: 'Check my design'}).click();
    await expect(feedback(q)).toContainText('✓ Your design meets every target.');
    await expect(score(page)).toContainText('Score: 1 of 6');
  });

  test('an invalid design is a failed attempt that shows the engine’s reason', async ({page}) => {
    await gotoHydrated(page, '/docs/capstone');
    const q = challenge(page);
    await challengeReady(page, q);
    const capacity = q.getByRole('spinbutton', {name: 'Capacity per task'});
    await capacity.fill('1000');
    await q.getByRole('button', {name: 'Check my design'}).click();
    await expect(feedback(q)).toContainText('The brief fixes the capacity of a task at 100 req/s; your design has 1,000 req/s.');
    await expect(score(page)).toContainText('Score: 0 of 6');
  });

  test('has no serious accessibility findings with feedback shown, in the light and dark themes', async ({page}) => {
    await gotoHydrated(page, '/docs/capstone');
    const q = challenge(page);
    await challengeReady(page, q);
    await q.getByRole('button', {name: 'Check my design'}).click();
    await expect(feedback(q)).toContainText('Not yet');
    expect(await seriousAxeFindingsInBothThemes(page)).toEqual([]);
  });
});
