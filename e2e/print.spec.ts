import {test, expect, gotoHydrated} from './fixtures';
import type {Locator} from '@playwright/test';

/** A chapter with two labs, a health check widget, a diagram, sources and a quiz. */
const CHAPTER = '/docs/load-balancers-health-checks';

async function isShown(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return style.display !== 'none' && style.visibility !== 'hidden' && element.getClientRects().length > 0;
  });
}

test.describe('a chapter on paper', () => {
  test('prints without navigation or controls, with widget summaries and link addresses', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    await page.emulateMedia({media: 'print'});

    // No navigation.
    for (const selector of ['.navbar', '.theme-doc-sidebar-container', '.pagination-nav', '.footer', '.theme-doc-toc-desktop']) {
      const element = page.locator(selector).first();
      if ((await element.count()) > 0) expect(await isShown(element), `${selector} is hidden`).toBe(false);
    }
    // The text stays.
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('article h2').first()).toBeVisible();

    // No controls: buttons and sliders are gone.
    const lab = page.getByRole('region', {name: 'Two stateless tasks lose a zone'});
    for (const button of await page.locator('article button').all()) {
      const inEventLog = await button.evaluate((element) => element.closest('ol[aria-label="Event log"]') !== null);
      expect(await isShown(button), `button "${await button.textContent()}"`).toBe(inEventLog);
    }
    for (const slider of await page.locator('article input[type="range"]').all()) expect(await isShown(slider)).toBe(false);
    await expect(lab.getByText('Click a zone, a task or the database primary')).toBeHidden();

    // The widget's text summary instead: its figures and the timeline's table, unfolded.
    await expect(lab.getByTestId('summary-availability')).toBeVisible();
    await expect(lab.locator('figure svg[role="img"]').first()).toBeHidden();
    await expect(lab.locator('figure + details table').first()).toBeVisible();

    // Links to other sites show their address after the text.
    const external = page.locator('article .markdown a[href^="http"]').first();
    const href = await external.getAttribute('href');
    const after = await external.evaluate((element) => getComputedStyle(element, '::after').content);
    expect(after).toBe(`" (${href})"`);
  });

  test('a live code block prints its result, not its editor', async ({page}) => {
    await gotoHydrated(page, '/docs/reference/model-api');
    // The live block runs once the reader gets near it.
    await page.locator('[class*="playgroundContainer"]').first().scrollIntoViewIfNeeded();
    const editor = page.getByRole('textbox', {name: 'Live code editor'}).first();
    await editor.waitFor();
    await page.emulateMedia({media: 'print'});
    await expect(editor).toBeHidden();
  });

  test('the PDF has the chapter on a few clean pages', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    await page.waitForLoadState('networkidle');
    const pdf = await page.pdf({format: 'A4', printBackground: true});
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    // The second edition added about 700 words of text to this chapter (DNS TTL, fail-open and ECS, retries)
    // and its predictions print their answers: 16 A4 pages with the print styles (measured 1 December 2026).
    expect(pages).toBeLessThanOrEqual(16);
  });
});
