import {test, expect, gotoHydrated, watchPage} from './fixtures';
import type {Locator, Page} from '@playwright/test';

/**
 * The editor of `playground` once it is the browser's own: the playground chunk loads after the page
 * hydrates and the editor is then remounted, so keys typed into the server's copy would be lost.
 */
async function liveEditor(playground: Locator): Promise<Locator> {
  await playground.scrollIntoViewIfNeeded();
  await expect(playground.locator('[data-editor="live"]')).toHaveCount(1);
  return playground.getByRole('textbox', {name: 'Live code editor'});
}

test.describe('live code on the introduction page', () => {
  test('typing in the editor changes the rendered result, with TypeScript syntax', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/docs/intro');
    const playground = page.locator('[class*="playgroundContainer"]').first();
    const preview = playground.locator('[class*="playgroundPreview"]');
    const editor = await liveEditor(playground);

    // The block's interface and annotations are stripped before it runs, so the result renders.
    await expect(preview).toContainText('Failed checks needed before the target is marked unhealthy: 2');

    // Replace the threshold by typing, as a reader would.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nconst extra: {note: string} = {note: "typed here"};\nrender(<p>{extra.note}</p>);');
    await expect(preview).toContainText('typed here');
    await expect(preview).not.toContainText('Failed checks needed');
    expect(problems.pageErrors).toEqual([]);
  });

  test('a broken edit shows a readable error and the page keeps working', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    const playground = page.locator('[class*="playgroundContainer"]').first();
    const editor = await liveEditor(playground);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nrender(<p>{undefinedName.field}</p>);');
    await expect(playground).toContainText('undefinedName');
    // The rest of the page is still there and usable.
    await expect(page.getByRole('heading', {level: 1})).toHaveText('How the course works');
    await page.getByRole('button', {name: 'Reset'}).first().click();
    await expect(playground).toContainText('Failed checks needed before the target is marked unhealthy: 2');
  });

  test('Tab and Escape leave the editor instead of trapping focus', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    const editor = await liveEditor(page.locator('[class*="playgroundContainer"]').first());
    await editor.click();
    await expect(editor).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(editor).not.toBeFocused();
    await editor.click();
    await page.keyboard.press('Escape');
    await expect(editor).not.toBeFocused();
  });
});

/** The introduction's live block, its result shown, with the caret at the end of its code. */
async function introEditorAtEnd(page: Page): Promise<{playground: Locator; preview: Locator; editor: Locator}> {
  await gotoHydrated(page, '/docs/intro');
  const playground = page.locator('[class*="playgroundContainer"]').first();
  const preview = playground.locator('[class*="playgroundPreview"]');
  const editor = await liveEditor(playground);
  await expect(preview).toContainText('Failed checks needed before the target is marked unhealthy: 2');
  await editor.click();
  await page.keyboard.press('Control+End');
  return {playground, preview, editor};
}

test.describe('live code runs once typing pauses', () => {
  const typed = '\nrender(<p>{["every", "key", "kept"].join(" ")}: {6 * 7} of {[1, 2, 3].length}</p>);';

  test('typing fast keeps every key, and the result follows the last one', async ({page}) => {
    const {preview, editor} = await introEditorAtEnd(page);
    // No delay between keys: on a busy machine a run can still start between two of them, and the editor must not lose a key to it.
    await editor.pressSequentially(typed);
    await expect(editor).toContainText(typed.trim());
    await expect(preview).toContainText('every key kept: 42 of 3');
  });

  test('a run that ends while a key is down does not move the caret', async ({page}) => {
    // react-live's editor reads a key back on its keyup; re-rendered in between, it put the caret back
    // before that key, and the next keys landed in the wrong place. The clock makes the run land there.
    await page.clock.install();
    const {playground, preview, editor} = await introEditorAtEnd(page);
    await page.clock.pauseAt(Date.now() + 1000);
    const split = typed.indexOf('"key"') + 2;
    await editor.pressSequentially(typed.slice(0, split));
    await page.keyboard.down(typed[split]!);
    // The half-typed line runs now, and its error is drawn, before the key comes up.
    await page.clock.runFor(1000);
    await expect(playground).toContainText('SyntaxError');
    await page.keyboard.up(typed[split]!);
    await editor.pressSequentially(typed.slice(split + 1));
    await expect(editor).toContainText(typed.trim());
    await page.clock.runFor(1000);
    await expect(preview).toContainText('every key kept: 42 of 3');
  });

  test('no run while the reader types; one run after the pause', async ({page}) => {
    // The page's clock is the test's: stopped while typing, so nothing can run between two keys however slow the machine.
    await page.clock.install();
    const {playground, preview, editor} = await introEditorAtEnd(page);
    await page.clock.pauseAt(Date.now() + 1000);
    await editor.pressSequentially(typed);
    await expect(editor).toContainText(typed.trim());
    // Run on every key, the half-typed lines would have replaced the result with their errors ("SyntaxError: Unterminated string constant", …).
    await expect(preview).toContainText('Failed checks needed before the target is marked unhealthy: 2');
    await expect(playground).not.toContainText('Error');
    await page.clock.runFor(1000);
    await expect(preview).toContainText('every key kept: 42 of 3');
  });
});

test.describe('live code with the failover model', () => {
  test('a block that runs the model re-renders when edited, and explains an invalid model', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/docs/reference/model-api');
    const playground = page.locator('[class*="playgroundContainer"]').first();
    const preview = playground.locator('[class*="playgroundPreview"]');
    const editor = await liveEditor(playground);
    // The stock block: a zone outage with two tasks, so some requests fail.
    await expect(preview.getByTestId('summary-availability')).not.toHaveText('100 %');

    // An invalid model: the engine's own message, naming the field, in place of the result.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\nsimulate({zones: ['a'], service: {capacityPerTask: -1}});");
    await expect(playground).toContainText('service.capacityPerTask');
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Model API reference');

    // Replace the last line with a model that has no fault: full availability.
    for (let i = 0; i < "simulate({zones: ['a'], service: {capacityPerTask: -1}});".length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type("render(<SummaryFigures summary={simulate({zones: ['a', 'b', 'c'], service: {desiredCount: 3}}).summary} />);");
    await expect(preview.getByTestId('summary-availability')).toHaveText('100 %');
    expect(problems.pageErrors).toEqual([]);
  });
});
