import fs from 'node:fs';
import {expect, gotoHydrated, seriousAxeFindingsInBothThemes, test} from './fixtures';
import {STORAGE_KEY} from '../src/quiz/progress';

const CHAPTER = '/docs/same-container-several-zones';
const predictBox = (page: import('@playwright/test').Page, id: string) => page.locator(`[data-predict-id="${id}"]`);

/** The model's answer as the page states it without JavaScript ("the model says 146 s."). */
async function modelSaysWithoutJs(browser: import('@playwright/test').Browser, baseURL: string, path: string, id: string): Promise<string> {
  const context = await browser.newContext({javaScriptEnabled: false, baseURL});
  const page = await context.newPage();
  await page.goto(path);
  const result = page.locator(`[data-predict-id="${id}"]`).getByTestId('predict-result');
  await expect(result).toBeVisible();
  const text = (await result.locator('li').first().textContent()) ?? '';
  await context.close();
  const match = /the model says (.+)\.$/.exec(text.trim());
  expect(match, `"${text}" states no result`).not.toBeNull();
  return match![1]!;
}

test.describe('Predict first', () => {
  test('without JavaScript the question and the result are both on the page', async ({browser, baseURL}) => {
    const said = await modelSaysWithoutJs(browser, baseURL!, CHAPTER, 'same-container-lone-task');
    expect(said).toMatch(/^\d+ s$/);
  });

  test('hides the result until a guess is committed by keyboard, then shows guess and result together, and keeps them after a reload', async ({page, browser, baseURL}) => {
    const modelSays = await modelSaysWithoutJs(browser, baseURL!, CHAPTER, 'same-container-lone-task');
    await gotoHydrated(page, CHAPTER);
    const box = predictBox(page, 'same-container-lone-task');
    await box.scrollIntoViewIfNeeded();
    const result = box.getByTestId('predict-result');
    await expect(result).toBeHidden();
    await expect(box).not.toContainText('the model says', {useInnerText: true});

    const input = box.getByLabel('Seconds of (nearly) total failure');
    await input.focus();
    await page.keyboard.press('Enter');
    await expect(box.getByRole('alert')).toContainText('Enter a number');
    await expect(result).toBeHidden();

    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await expect(result).toBeVisible();
    await expect(result).toContainText(`you said 30 s; the model says ${modelSays}.`);
    await expect(result).toContainText('Because');
    await expect(result).toBeFocused();

    await page.reload();
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(predictBox(page, 'same-container-lone-task').getByTestId('predict-result')).toContainText(`you said 30 s; the model says ${modelSays}.`);
  });

  test('a choice is made and committed with the keyboard; "Predict again" keeps the old guess to edit', async ({page}) => {
    await gotoHydrated(page, '/docs/load-balancers-health-checks');
    const box = predictBox(page, 'lb-gray-failure-shift');
    await box.scrollIntoViewIfNeeded();
    const result = box.getByTestId('predict-result');
    await box.getByRole('radio', {name: 'Yes'}).focus();
    await page.keyboard.press('Space');
    await expect(box.getByRole('radio', {name: 'Yes'})).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(box.getByRole('radio', {name: 'No'})).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.type('20 %');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await expect(result).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(result).toContainText('Any target marked unhealthy: you said No; the model says No.');
    await expect(result).toContainText('Share of all requests failing before the shift: you said 20 %; the model says');

    await box.getByRole('button', {name: 'Predict again'}).press('Enter');
    await expect(result).toBeHidden();
    await expect(box.getByLabel('After the shift')).toHaveValue('5');
    await expect(box.getByRole('radio', {name: 'No'})).toBeChecked();
    await expect(box.getByRole('radio', {name: 'No'})).toBeFocused();
  });

  test('guesses travel in the exported progress file', async ({page}, testInfo) => {
    await gotoHydrated(page, CHAPTER);
    const box = predictBox(page, 'same-container-lone-task');
    await box.getByLabel('Seconds of (nearly) total failure').fill('90');
    await box.getByRole('button', {name: 'Commit my prediction'}).click();
    await expect(box.getByTestId('predict-result')).toContainText('you said 90 s');

    await gotoHydrated(page, '/progress');
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', {name: 'Export progress'}).click();
    const file = testInfo.outputPath('progress.json');
    await (await downloadPromise).saveAs(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).guesses['same-container-lone-task'].values).toEqual({outage: '90'});

    await page.getByRole('button', {name: 'Reset progress…'}).click();
    await page.getByRole('button', {name: 'Yes, delete my progress'}).click();
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await page.getByLabel('Import progress from a file').setInputFiles(file);
    await expect(page.getByRole('status').filter({hasText: 'Imported progress.json'})).toBeVisible();

    await gotoHydrated(page, CHAPTER);
    await expect(predictBox(page, 'same-container-lone-task').getByTestId('predict-result')).toContainText('you said 90 s');
  });

  test('has no serious accessibility findings, asking and answered, light and dark', async ({page}) => {
    // Four axe scans of a long chapter page: slow on a busy machine.
    test.slow();
    await gotoHydrated(page, '/docs/load-balancers-health-checks');
    const selector = '[data-predict-id="lb-gray-failure-shift"]';
    const box = page.locator(selector);
    expect(await seriousAxeFindingsInBothThemes(page, selector)).toEqual([]);
    await box.getByRole('radio', {name: 'No'}).check();
    await box.getByLabel('Share of all requests failing before the shift').fill('10');
    await box.getByLabel('After the shift').fill('0');
    await box.getByRole('button', {name: 'Commit my prediction'}).click();
    await expect(box.getByTestId('predict-result')).toBeVisible();
    expect(await seriousAxeFindingsInBothThemes(page, selector)).toEqual([]);
  });

  test('on paper the result is printed even before a guess', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const box = predictBox(page, 'same-container-lone-task');
    await expect(box.getByTestId('predict-result')).toBeHidden();
    await page.emulateMedia({media: 'print'});
    await expect(box.getByTestId('predict-result')).toBeVisible();
    await expect(box.getByRole('button', {name: 'Commit my prediction'})).toBeHidden();
  });
});
