import {test, expect, codeInView, gotoHydrated} from './fixtures';
import introQuiz from '../docs/_intro-quiz';
import {courseReadingMinutes, courseUnits} from '../src/quiz/course';
import {STORAGE_KEY} from '../src/quiz/progress';
import {formatDuration} from '../src/utils/format';

const question = (page: import('@playwright/test').Page, n: number) =>
  page.getByRole('listitem').filter({has: page.getByRole('group', {name: new RegExp(`^Question ${n} of 6`)})});

/** Stored progress in which every question of the intro quiz was answered right. */
function introPassed(): string {
  const questionIds = introQuiz.map((q) => q.id);
  const questions = Object.fromEntries(questionIds.map((id) => [id, {attempts: 1, answeredCorrectly: true, revealedAt: null, answer: null, answeredAt: 1_000}]));
  return JSON.stringify({version: 2, quizzes: {intro: {questionIds, questions}}, guesses: {}});
}

test.describe('progress where the reader looks', () => {
  test('the home page states the course’s length, and offers to continue only once there is something to continue', async ({page}) => {
    await gotoHydrated(page, '/');
    await expect(page.getByTestId('course-length')).toHaveText(`${courseUnits.length} parts, about ${formatDuration(courseReadingMinutes() * 60)} of reading, plus the labs and quizzes.`);
    await expect(page.getByTestId('continue-course')).toBeEmpty();

    // One answer in the introduction: the sidebar marks it started, the home page offers it.
    await gotoHydrated(page, '/docs/intro');
    // The quiz's code (and the progress store it records into) loads as the reader nears it; answer the live quiz,
    // not the server's copy it replaces.
    await codeInView(page, page.getByTestId('quiz-score'));
    const q5 = question(page, 5);
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(page.getByRole('link', {name: 'How the course works (in progress)'})).toBeVisible();
    await gotoHydrated(page, '/');
    const link = page.getByTestId('continue-course').getByRole('link');
    await expect(link).toHaveText('Introduction: Course introduction');
    await link.click();
    await expect(page).toHaveURL(/\/docs\/intro$/);
  });

  test('a passed quiz points to the next part, and so does the home page', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [STORAGE_KEY, introPassed()]);
    await page.reload();
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    // The quiz (which says what comes next) runs once the reader gets near it.
    await codeInView(page, page.getByTestId('quiz-score'));
    const chapter1 = courseUnits.find((unit) => unit.number === 1)!;
    await expect(page.getByTestId('quiz-next')).toContainText(`Continue with Chapter 1: ${chapter1.title} (${chapter1.readingMinutes} min read)`);
    await expect(page.getByRole('link', {name: 'How the course works (done)'})).toBeVisible();
    await page.getByTestId('quiz-next').getByRole('link').click();
    await expect(page).toHaveURL(/\/docs\/zones-are-failure-domains$/);
    await gotoHydrated(page, '/');
    await expect(page.getByTestId('continue-course').getByRole('link')).toHaveText(`Chapter 1: ${chapter1.title}`);
  });
});
