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

  test('the PDF is the article alone, across the paper, its tables unfolded, cut into pages and no more', async ({page}) => {
    // A4 at 96 px to the inch, the size page.pdf lays the page out at (with no margins).
    const a4 = {width: 794, height: 1123};
    await page.setViewportSize(a4);
    await gotoHydrated(page, CHAPTER);
    await page.emulateMedia({media: 'print'});
    const layout = await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const shown = (element: Element | null) => element !== null && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
      const chrome = ['.navbar', '.theme-doc-sidebar-container', '.theme-doc-toc-desktop', '.pagination-nav', '.footer'];
      const details = [...article.querySelectorAll('details')];
      return {
        chromeShown: chrome.filter((selector) => shown(document.querySelector(selector))),
        articleWidth: article.getBoundingClientRect().width,
        details: details.length,
        folded: details.filter((element) => !shown(element.querySelector(':scope > table, :scope > * table'))).length,
        height: document.documentElement.scrollHeight,
      };
    });
    // What the print rules do, checked in the layout the PDF is made from.
    expect(layout.chromeShown, 'navigation printed').toEqual([]);
    expect(layout.articleWidth, 'the article spans the paper').toBeGreaterThan(a4.width * 0.9);
    expect(layout.details, 'folded tables to unfold').toBeGreaterThan(0);
    expect(layout.folded, 'tables still folded on paper').toBe(0);

    const pdf = await page.pdf({format: 'A4', printBackground: true});
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // The layout cut into A4 pages: keeping figures and tables whole adds a page or two, never many
    // (a rule that broke the page after every section, or printed blank pages, would). It grows with the chapter.
    const least = Math.ceil(layout.height / a4.height);
    expect(pages, `${layout.height} px of print layout`).toBeGreaterThanOrEqual(least);
    expect(pages, `${layout.height} px of print layout`).toBeLessThanOrEqual(Math.ceil(least * 1.25));
  });
});
