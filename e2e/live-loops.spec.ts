import {test, expect, gotoHydrated, watchPage} from './fixtures';
import type {Locator, Page} from '@playwright/test';

/** The first live block on the introduction page, once its editor is the browser's own (see live-code.spec.ts). */
async function firstPlayground(page: Page): Promise<{playground: Locator; editor: Locator}> {
  await gotoHydrated(page, '/docs/intro');
  const playground = page.locator('[class*="playgroundContainer"]').first();
  await playground.scrollIntoViewIfNeeded();
  await expect(playground.locator('[data-editor="live"]')).toHaveCount(1);
  return {playground, editor: playground.getByRole('textbox', {name: 'Live code editor'})};
}

test.describe('live code that cannot hang the page', () => {
  test('an endless loop is stopped with a message in the preview, and the page stays usable', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    const {playground, editor} = await firstPlayground(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nwhile (true) {}');
    await expect(playground).toContainText('Loop stopped: a loop kept the page busy for more than 1 s');
    // The page answers: a heading, the reset button, and the block's own result back after a reset.
    await expect(page.getByRole('heading', {level: 1})).toHaveText('How the course works');
    await playground.getByRole('button', {name: 'Reset'}).click();
    await expect(playground).toContainText('Failed checks needed before the target is marked unhealthy: 2');
    expect(problems.pageErrors).toEqual([]);
  });

  test('editing i++ into i += 2 passes through an endless loop without freezing', async ({page}) => {
    const {playground, editor} = await firstPlayground(page);
    const preview = playground.locator('[class*="playgroundPreview"]');
    await editor.click();
    await page.keyboard.press('Control+End');
    const tail = ') n++; return <p>{n} steps</p>; }';
    await page.keyboard.type(`\nrender(<Steps />);\nfunction Steps() { let n = 0; for (let i = 0; i < 10; i++${tail}`);
    await expect(preview).toContainText('10 steps');
    // Step back to just after "i++" and delete the "++": the loop never ends, and is stopped.
    for (let i = 0; i < tail.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(playground).toContainText('Loop stopped');
    // Finish the edit: the loop steps by two.
    await page.keyboard.type(' += 2');
    await expect(preview).toContainText('5 steps');
    await expect(playground).not.toContainText('Loop stopped');
  });
});
