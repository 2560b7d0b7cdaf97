import fs from 'node:fs';
import {test, expect, codeInView, gotoHydrated, seriousAxeFindingsInBothThemes, watchPage} from './fixtures';
import type {Locator, Page} from '@playwright/test';
import introQuiz from '../docs/_intro-quiz';
import {introUnit} from '../src/quiz/course';
import {answerRecorded} from '../src/quiz/progressEvents';
import {emptyProgress} from '../src/quiz/progressModel';
import {correctAnswer} from '../src/quiz/grade';

const STORAGE_KEY = 'failover-lab:progress';

function question(page: Page, n: number): Locator {
  return page.getByRole('listitem').filter({has: page.getByRole('group', {name: new RegExp(`^Question ${n} of ${introQuiz.length}`)})});
}

/** Answers every question of the intro's quiz right, through the page, as a reader would. */
async function passIntroQuiz(page: Page) {
  await gotoHydrated(page, '/docs/intro');
  await codeInView(page, page.getByTestId('quiz-score'));
  for (const [index, data] of introQuiz.entries()) {
    const q = question(page, index + 1);
    if (data.kind === 'single' || data.kind === 'multiple') {
      for (const choice of data.choices.filter((candidate) => candidate.correct)) {
        await q.getByRole(data.kind === 'single' ? 'radio' : 'checkbox', {name: choice.text, exact: true}).check();
      }
    } else if (data.kind === 'numeric') {
      await q.getByRole('textbox', {name: 'Your answer'}).fill(`${data.answer} ${data.unit}`);
    } else if (data.kind === 'ordering') {
      for (const [target, step] of data.steps.entries()) {
        const items = q.getByRole('group').getByRole('listitem');
        const texts = await items.allInnerTexts();
        let from = texts.findIndex((text) => text.startsWith(step.text));
        for (; from > target; from--) await q.getByRole('button', {name: `Move up: ${step.text}`}).click();
      }
    }
    await q.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q.getByText('✓ Right.')).toBeVisible();
  }
  await expect(page.getByTestId('quiz-score')).toContainText(`Score: ${introQuiz.length} of ${introQuiz.length} · Passed`);
}

function introRow(page: Page): Locator {
  return page.getByRole('row', {name: /Introduction Course introduction/});
}

test.describe('course progress', () => {
  test('a passed quiz shows as done in the sidebar, the chapter header and the progress page', async ({page}) => {
    await passIntroQuiz(page);
    await expect(page.getByRole('link', {name: 'How the course works (done)'})).toBeVisible();
    await expect(page.getByTestId('course-progress')).toContainText('✓ Done');
    await expect(page.getByTestId('course-progress')).toContainText('Course progress: 1 of 14 parts done');
    await expect(page.getByTestId('course-progress')).toContainText(`${introUnit.readingMinutes} min read`);

    await page.getByTestId('course-progress').getByRole('link', {name: 'Your progress'}).click();
    await expect(page.getByRole('heading', {level: 1, name: 'Your progress'})).toBeVisible();
    await expect(page.getByTestId('overall-progress')).toHaveText('1 of 14 parts done (7 %)');
    await expect(introRow(page)).toContainText('✓ Done');
    await expect(introRow(page)).toContainText('6 of 6');
    const chapter1 = page.getByRole('row', {name: /Chapter 1 Zones are failure domains/});
    await expect(chapter1).toContainText('Not started');
    await expect(chapter1.getByRole('link', {name: 'Zones are failure domains'})).toHaveAttribute('href', '/docs/zones-are-failure-domains');
    await expect(page.getByText(/80 % of its questions answered right without revealing the answer/)).toBeVisible();
  });

  test('a quiz that is started but not passed shows as in progress', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q5 = question(page, 5);
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await gotoHydrated(page, '/progress');
    await expect(introRow(page)).toContainText('In progress');
    await expect(introRow(page)).toContainText('1 of 6');
    await expect(page.getByTestId('overall-progress')).toHaveText('0 of 14 parts done (0 %)');
  });

  test('answers stored for a quiz since changed, which no longer pass it, do not show it done in the sidebar, the chapter header or the progress page', async ({page}) => {
    // Every question answered right, but the first two under ids the quiz has since replaced: 4 of 6 today.
    const ids = introQuiz.map((q) => q.id);
    const storedIds = ['an-old-first-question', 'an-old-second-question', ...ids.slice(2)];
    let progress = emptyProgress();
    for (const [index, id] of storedIds.entries()) progress = answerRecorded(progress, 'intro', storedIds, id, correctAnswer(introQuiz[index]!), true, 0);
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(progress)] as const);
    await gotoHydrated(page, '/docs/intro');
    await expect(page.getByRole('link', {name: 'How the course works (in progress)'})).toBeVisible();
    await expect(page.getByTestId('course-progress')).toContainText('Course progress: 0 of 14 parts done');
    await expect(page.getByTestId('course-progress')).not.toContainText('✓ Done');
    await gotoHydrated(page, '/progress');
    await expect(introRow(page)).toContainText('In progress');
    await expect(introRow(page)).toContainText('4 of 6');
  });

  test('export then import round-trips the progress', async ({page}, testInfo) => {
    await passIntroQuiz(page);
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    await gotoHydrated(page, '/progress');

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', {name: 'Export progress'}).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^failover-lab-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = testInfo.outputPath('progress.json');
    await download.saveAs(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(stored!));

    await page.getByRole('button', {name: 'Reset progress…'}).click();
    await page.getByRole('button', {name: 'Yes, delete my progress'}).click();
    await expect(introRow(page)).toContainText('Not started');
    // Storage is read as it is, not as the screen shows it: poll it.
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();

    await page.getByLabel('Import progress from a file').setInputFiles(file);
    await expect(page.getByRole('status').filter({hasText: 'Imported progress.json'})).toBeVisible();
    await expect(introRow(page)).toContainText('✓ Done');
    await expect.poll(async () => JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? 'null')).toEqual(JSON.parse(stored!));
  });

  test('an invalid file is rejected with a reason and progress is untouched', async ({page}) => {
    await passIntroQuiz(page);
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    await gotoHydrated(page, '/progress');
    const input = page.getByLabel('Import progress from a file');

    await input.setInputFiles({name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}')});
    await expect(page.getByRole('status').filter({hasText: 'notes.json was not imported'})).toContainText(
      'It has no valid "version": it is not Failover Lab progress. Your progress is unchanged.',
    );
    await input.setInputFiles({name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "quizzes": ')});
    await expect(page.getByRole('status').filter({hasText: 'broken.json was not imported'})).toContainText('It is not valid JSON.');
    await input.setInputFiles({name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 7, "quizzes": {}}')});
    await expect(page.getByRole('status').filter({hasText: 'future.json was not imported'})).toContainText('newer version of the course');

    await expect(introRow(page)).toContainText('✓ Done');
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(stored);
  });

  test('reset asks for confirmation, can be cancelled, and works from the keyboard', async ({page}) => {
    await passIntroQuiz(page);
    await gotoHydrated(page, '/progress');
    const reset = page.getByRole('button', {name: 'Reset progress…'});
    await expect(page.getByRole('button', {name: 'Yes, delete my progress'})).toBeHidden();

    await reset.focus();
    await page.keyboard.press('Enter');
    await expect(reset).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText(/Delete all your answers in this browser\?/)).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', {name: 'Cancel'})).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(reset).toBeFocused();
    await expect(introRow(page)).toContainText('✓ Done');

    await page.keyboard.press('Enter');
    // Wait for the state (focus in the confirmation) before the next key: on a busy machine it can lag the press.
    await expect(page.getByText(/Delete all your answers in this browser\?/)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', {name: 'Yes, delete my progress'})).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({hasText: 'Progress reset'})).toBeVisible();
    await expect(introRow(page)).toContainText('Not started');
    await expect(page.getByTestId('overall-progress')).toHaveText('0 of 14 parts done (0 %)');
  });

  test('focus moves into the reset confirmation as it appears, not a frame later', async ({page}) => {
    await gotoHydrated(page, '/progress');
    // Press the button and look at focus once React has committed the press (its work is queued as a
    // microtask), before any animation frame: a keyboard user's next key can come that soon on a busy machine.
    const focused = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Reset progress…')!;
      button.click();
      await Promise.resolve();
      const active = document.activeElement;
      return active?.closest('#reset-confirm') ? (active.textContent ?? '') : `<${active?.tagName.toLowerCase()}>, outside the confirmation`;
    });
    expect(focused).toMatch(/Delete all your answers in this browser\?/);
  });

  test('the onboarding track gives the order, what each part proves, and a printable summary', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await passIntroQuiz(page);
    await gotoHydrated(page, '/onboarding');
    await expect(page.getByRole('heading', {level: 1, name: 'Onboarding track'})).toBeVisible();
    const order = page.getByRole('heading', {level: 3});
    await expect(order).toHaveCount(14);
    await expect(order.first()).toHaveText('Introduction: Course introduction');
    await expect(order.nth(1)).toHaveText('Chapter 1: Zones are failure domains');
    await expect(page.getByText(/Proves: Tells a total, partial, gray and cut-off zone failure apart/)).toBeVisible();

    await page.getByRole('textbox', {name: 'Engineer’s name'}).fill('Ada Lovelace');
    await expect(page.getByLabel('Date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    const summary = page.getByRole('region', {name: 'Completion summary'});
    await expect(summary.getByRole('row', {name: /Introduction: Course introduction/})).toContainText('6 of 6');
    await expect(summary).toContainText('Failover Lab: 1 of 14 parts done.');

    await page.emulateMedia({media: 'print'});
    await expect(page.getByRole('navigation', {name: 'Main'})).toBeHidden();
    await expect(page.getByRole('heading', {level: 2, name: 'The recommended order'})).toBeHidden();
    await expect(page.getByRole('button', {name: 'Print the summary'})).toBeHidden();
    await expect(summary).toBeVisible();
    await expect(page.getByRole('textbox', {name: 'Engineer’s name'})).toHaveValue('Ada Lovelace');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('the progress and onboarding pages have no serious accessibility findings at 360 px with progress, in the light and dark themes', async ({page}) => {
    await page.setViewportSize({width: 360, height: 800});
    await passIntroQuiz(page);
    for (const pathname of ['/progress', '/onboarding']) {
      await gotoHydrated(page, pathname);
      await expect(page.locator('h1')).toHaveCount(1);
      await page.emulateMedia({colorScheme: 'light'});
      expect(await seriousAxeFindingsInBothThemes(page), pathname).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${pathname} is wider than the screen`).toBeLessThanOrEqual(360);
    }
  });
});
