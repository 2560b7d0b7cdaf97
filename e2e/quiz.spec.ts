import {test, expect, codeInView, gotoHydrated, seriousAxeFindingsInBothThemes, watchPage} from './fixtures';
import type {Locator, Page} from '@playwright/test';
import introQuiz from '../docs/_intro-quiz';

const STORAGE_KEY = 'failover-lab:progress';

/** The list item holding question `n` of the intro's warm-up quiz: its fieldset and its feedback. */
function question(page: Page, n: number): Locator {
  return page.getByRole('listitem').filter({has: page.getByRole('group', {name: new RegExp(`^Question ${n} of 6`)})});
}

const score = (page: Page) => page.getByTestId('quiz-score');

/** Question 2 of the warm-up quiz (select all that apply): its right choices and its first wrong one, as the quiz data lists them. */
const selectAll = introQuiz[1];
if (selectAll?.kind !== 'multiple') throw new Error('question 2 of the warm-up quiz is no longer a select-all question');
const selectAllRight = selectAll.choices.filter((choice) => choice.correct).map((choice) => choice.text);
const selectAllWrong = selectAll.choices.find((choice) => !choice.correct)!.text;

test.describe('the warm-up quiz', () => {
  test('answering wrong shows why, then answering right earns credit', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q1 = question(page, 1);
    await expect(score(page)).toContainText('Score: 0 of 6');

    await q1.getByRole('radio', {name: /Nothing at all/}).check();
    await q1.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q1.getByText('✗ Not quite. Why your choice is wrong:')).toBeVisible();
    await expect(q1.getByText(/Requests in flight on the dead task fail/)).toBeVisible();
    // Only the chosen option is explained before a right answer or a reveal.
    await expect(q1.getByText(/Right: "no downtime" is really/)).toHaveCount(0);
    await expect(score(page)).toContainText('Score: 0 of 6');

    await q1.getByRole('button', {name: 'Try again'}).click();
    // The previous answer stays, to edit.
    await expect(q1.getByRole('radio', {name: /Nothing at all/})).toBeChecked();
    await expect(q1.getByRole('radio', {name: /Nothing at all/})).toBeEnabled();
    await q1.getByRole('radio', {name: /No total outage/}).check();
    await q1.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q1.getByText('✓ Right.')).toBeVisible();
    // Every option is explained once the answer is right.
    await expect(q1.getByText(/Right: "no downtime" is really/)).toBeVisible();
    await expect(q1.getByText(/The task in the healthy zone keeps serving/)).toBeVisible();
    await expect(score(page)).toContainText('Score: 1 of 6');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('feedback is announced in a polite live region', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q5 = question(page, 5);
    const live = q5.locator('[aria-live="polite"]');
    await expect(live).toBeEmpty();
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(live).toContainText('Right.');
    await expect(live).toContainText('60 to 120 s as the typical failover time');
  });

  test('progress is kept after a reload', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q5 = question(page, 5);
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(score(page)).toContainText('Score: 1 of 6');

    await page.reload();

    await codeInView(page, page.getByTestId('quiz-score'));
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(score(page)).toContainText('Score: 1 of 6');
    await expect(question(page, 5).getByText('✓ Right.')).toBeVisible();
    await expect(question(page, 5).getByRole('radio', {name: /^The plan:/})).toBeChecked();
    await expect(page.getByTestId('course-progress')).toContainText('Course progress: 0 of 14 parts done');
  });

  test('an answer stored for a choice or a question that no longer exists earns no credit, is not shown, and is answered afresh', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    const ids = introQuiz.map((q) => q.id);
    const answered = (choiceId: string) => ({attempts: 3, answeredCorrectly: true, revealedAt: null, answer: {kind: 'single', choiceId}, answeredAt: 1_000});
    // Saved before question 1 changed: its right choice then was one the question no longer has, and an old question's id.
    const stale = {version: 2, quizzes: {intro: {questionIds: ['two-tasks-two-zones', ...ids.slice(1)], questions: {[ids[0]!]: answered('choice-gone'), 'two-tasks-two-zones': answered('no-total-outage')}}}, guesses: {}};
    await gotoHydrated(page, '/docs/intro');
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [STORAGE_KEY, JSON.stringify(stale)]);
    await page.reload();
    await codeInView(page, page.getByTestId('quiz-score'));
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(score(page)).toContainText('Score: 0 of 6');
    const q1 = question(page, 1);
    await expect(q1.getByRole('button', {name: 'Submit answer'})).toBeVisible();
    await expect(q1.getByRole('radio', {checked: true})).toHaveCount(0);

    await q1.getByRole('radio', {name: /No total outage/}).check();
    await q1.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q1.getByText('✓ Right.')).toBeVisible();
    await expect(score(page)).toContainText('Score: 1 of 6');
    // Stored afresh: one attempt, and the old question's entry is gone.
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY))!);
    expect(Object.keys(saved.quizzes.intro.questions)).toEqual([ids[0]]);
    expect(saved.quizzes.intro.questions[ids[0]!]).toMatchObject({attempts: 1, answeredCorrectly: true});
    expect(saved.quizzes.intro.questionIds).toEqual(ids);
    expect(problems.pageErrors).toEqual([]);
  });

  test('numeric answers accept a unit, say too low or too high, and reject text that is not a number', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q3 = question(page, 3);
    const input = q3.getByRole('textbox', {name: 'Your answer'});
    await input.fill('sixty');
    await q3.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q3.getByText('"sixty" is not a number.')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');

    await input.fill('30');
    await input.press('Enter');
    await expect(q3.getByText('✗ Not quite: 30 s is too low.')).toBeVisible();
    // The worked answer stays hidden until a right answer or a reveal.
    await expect(q3.getByText(/In the worst case/)).toHaveCount(0);

    await q3.getByRole('button', {name: 'Try again'}).click();
    await expect(input).toHaveValue('30');
    await expect(input).toBeFocused();
    await input.fill('65 s');
    await input.press('Enter');
    await expect(q3.getByText('✓ Right.')).toBeVisible();
    await expect(q3.getByText(/In the worst case the target dies just after a check/)).toBeVisible();
  });

  test('a known wrong answer gets its hint before the answer is revealed, and "Try again" keeps it to edit', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q3 = question(page, 3);
    const input = q3.getByRole('textbox', {name: 'Your answer'});
    await input.fill('35');
    await input.press('Enter');
    await expect(q3.getByText('✗ Not quite: 35 s is too low.')).toBeVisible();
    await expect(q3.getByTestId('quiz-hint')).toHaveText(/^Hint: 35 s is the luckiest case.*asks for the latest\.$/);
    await expect(q3.getByText(/In the worst case/)).toHaveCount(0);
    await expect(q3.getByRole('button', {name: 'Reveal answer'})).toBeVisible();

    await q3.getByRole('button', {name: 'Try again'}).click();
    await expect(input).toHaveValue('35');
    await expect(q3.getByTestId('quiz-hint')).toHaveCount(0);
    await input.fill('50');
    await input.press('Enter');
    await expect(q3.getByText('✗ Not quite: 50 s is too low.')).toBeVisible();
    // No hint for an answer nobody has named as a usual mistake.
    await expect(q3.getByTestId('quiz-hint')).toHaveCount(0);
  });

  test('a revealed answer earns no credit until it is answered again from scratch, later', async ({page}) => {
    await page.clock.install();
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q2 = question(page, 2);
    await expect(q2.getByRole('button', {name: 'Reveal answer'})).toHaveCount(0);
    await q2.getByRole('checkbox', {name: selectAllWrong, exact: true}).check();
    await q2.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q2.getByText(`Not quite: 1 of your choices is wrong and ${selectAllRight.length} right options are missing`, {exact: false})).toBeVisible();

    await q2.getByRole('button', {name: 'Reveal answer'}).click();
    await expect(q2.getByText(/Answer revealed\. This question earns no credit/)).toBeVisible();
    await expect(q2.getByText(/✓ Right answer:/)).toHaveCount(selectAllRight.length);
    await expect(score(page)).toContainText('Score: 0 of 6');

    // Copying the answer just shown earns nothing.
    const answerRight = async () => {
      await q2.getByRole('button', {name: 'Try again'}).click();
      for (const name of selectAllRight) await q2.getByRole('checkbox', {name, exact: true}).check();
      await q2.getByRole('button', {name: 'Submit answer'}).click();
    };
    await answerRight();
    await expect(q2.getByText(/Right, but no credit yet/)).toBeVisible();
    await expect(score(page)).toContainText('Score: 0 of 6');

    // Answering again from scratch ten minutes later does.
    await page.clock.fastForward('10:01');
    await answerRight();
    await expect(q2.getByText('✓ Right.')).toBeVisible();
    await expect(score(page)).toContainText('Score: 1 of 6');
  });

  test('a revealed order is set apart from the explanation under it', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q4 = question(page, 4);
    await q4.getByRole('button', {name: 'Submit answer'}).click();
    await q4.getByRole('button', {name: 'Reveal answer'}).click();
    const order = q4.getByText('The right order:').locator('xpath=following-sibling::ol[1]');
    const explanation = q4.getByText(/^In the lab: a second task/);
    await expect(order).toBeVisible();
    const gap = (await explanation.boundingBox())!.y - ((await order.boundingBox())!.y + (await order.boundingBox())!.height);
    expect(gap).toBeGreaterThanOrEqual(8);
    await expect(order).toHaveCSS('list-style-type', 'decimal');
  });

  test('a question can be answered with the keyboard only', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q4 = question(page, 4);
    const steps = q4.getByRole('group').getByRole('listitem');
    // The steps in their right order, as the quiz data lists them (the engine's ranking; the data module refuses an order the engine disagrees with).
    const ordering = introQuiz[3];
    if (ordering?.kind !== 'ordering') throw new Error('question 4 of the warm-up quiz is no longer the ordering question');
    const right = ordering.steps.map((step) => step.text);
    await expect(steps).toHaveCount(5);
    await expect(steps.first()).not.toContainText(right[0]!);

    // Start from the first button of the list, as Tab would reach it, then use only keys.
    await q4.getByRole('button', {name: /^Move up: /}).first().focus();
    for (let target = 0; target < right.length; target++) {
      const texts = (await steps.allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
      let from = texts.findIndex((text) => text.startsWith(right[target]!));
      // Walk focus to this step's "Move up" button with Tab / Shift+Tab.
      for (let guard = 0; guard < 30; guard++) {
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
        if (focused === `Move up: ${right[target]}`) break;
        const focusedIndex = texts.findIndex((text) => focused.endsWith(text));
        await page.keyboard.press(focusedIndex > from || (focusedIndex === from && focused.startsWith('Move down')) ? 'Shift+Tab' : 'Tab');
      }
      while (from > target) {
        await page.keyboard.press('Enter');
        from -= 1;
        await expect(q4.getByText(`Moved to position ${from + 1} of 5: ${right[target]}`)).toBeAttached();
      }
    }
    await expect(steps).toHaveText(right.map((text) => new RegExp(text.replace(/[.]/g, '\\.'))));

    for (let guard = 0; guard < 20; guard++) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Submit answer') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect(q4.getByText('✓ Right.')).toBeVisible();
    await expect(q4.getByRole('button', {name: 'Answer again'})).toBeFocused();

    // A radio question: Tab in, arrow to the choice, Space to select, Enter on Submit.
    const q5 = question(page, 5);
    await page.keyboard.press('Tab');
    for (let guard = 0; guard < 10; guard++) {
      if (await q5.getByRole('radio').first().evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('ArrowDown');
    await expect(q5.getByRole('radio', {name: /^The plan:/})).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(q5.getByRole('button', {name: 'Submit answer'})).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(q5.getByText('✓ Right.')).toBeVisible();
  });

  test('corrupt stored progress leaves the site working, with a notice, and the value untouched', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    await page.evaluate((key) => localStorage.setItem(key, '{"version": 1, "quizzes": [oops'), STORAGE_KEY);
    await page.reload();
    await codeInView(page, page.getByTestId('quiz-score'));
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(page.getByRole('status').filter({hasText: 'could not be read'})).toContainText('answers count for this visit only');

    const q5 = question(page, 5);
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(score(page)).toContainText('Score: 1 of 6');
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe('{"version": 1, "quizzes": [oops');

    await gotoHydrated(page, '/progress');
    await expect(page.getByRole('heading', {level: 1, name: 'Your progress'})).toBeVisible();
    await expect(page.getByRole('status').filter({hasText: 'could not be read'})).toBeVisible();
    expect(problems.pageErrors).toEqual([]);
  });

  test('storage that refuses writes shows a notice and the quiz still grades', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await page.addInitScript(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q5 = question(page, 5);
    await q5.getByRole('radio', {name: /^The database:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q5.getByText(/Not quite/)).toBeVisible();
    await expect(page.getByRole('status').filter({hasText: 'storage for this site is full'})).toContainText('answers count for this visit only');
    await q5.getByRole('button', {name: 'Try again'}).click();
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(score(page)).toContainText('Score: 1 of 6');
    expect(problems.pageErrors).toEqual([]);
  });

  test('storage the browser blocks entirely shows a notice and the quiz still grades', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    await expect(page.getByRole('status').filter({hasText: 'not letting this site save progress'})).toBeVisible();
    const q5 = question(page, 5);
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(score(page)).toContainText('Score: 1 of 6');
    expect(problems.pageErrors).toEqual([]);
  });

  test('has no serious accessibility findings with feedback shown, at 360 px, in the light and dark themes', async ({page}) => {
    await page.setViewportSize({width: 360, height: 800});
    await gotoHydrated(page, '/docs/intro');
    await codeInView(page, page.getByTestId('quiz-score'));
    const q1 = question(page, 1);
    await q1.getByRole('radio', {name: /No total outage/}).check();
    await q1.getByRole('button', {name: 'Submit answer'}).click();
    const q2 = question(page, 2);
    await q2.getByRole('checkbox', {name: selectAllWrong, exact: true}).check();
    await q2.getByRole('button', {name: 'Submit answer'}).click();
    const q3 = question(page, 3);
    await q3.getByRole('textbox', {name: 'Your answer'}).fill('oops');
    await q3.getByRole('button', {name: 'Submit answer'}).click();
    const q4 = question(page, 4);
    await q4.getByRole('button', {name: 'Submit answer'}).click();
    await q4.getByRole('button', {name: 'Reveal answer'}).click();
    await expect(q4.getByText('The right order:')).toBeVisible();
    expect(await seriousAxeFindingsInBothThemes(page)).toEqual([]);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
