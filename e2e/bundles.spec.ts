import {test, expect, gotoHydrated, sitemapPaths, waitForPageSettled} from './fixtures';

// Strings that exist only in the engine and in the live-code playground (the
// editor's accessible name, set in src/theme/Playground/Editor): if a page's
// scripts contain them, that page downloaded widget code.
const ENGINE_MARKER = 'lb/targetMarkedUnhealthy';
const LIVE_EDITOR_MARKER = 'Live code editor';

/** Pages that have no widget and no live code block. */
const PAGES_WITHOUT_WIDGETS = ['/', '/docs/reference/glossary', '/docs/reference/cheat-sheet'];

for (const pathname of PAGES_WITHOUT_WIDGETS.filter((p) => sitemapPaths().includes(p))) {
  test(`${pathname} downloads no widget or live-code script`, async ({page}) => {
    const scripts: {url: string; body: string}[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push({url: response.url(), body: await response.text()});
    });
    await gotoHydrated(page, pathname);
    await waitForPageSettled(page);
    expect(scripts.length).toBeGreaterThan(0);
    const withEngine = scripts.filter((s) => s.body.includes(ENGINE_MARKER)).map((s) => s.url);
    const withLiveEditor = scripts.filter((s) => s.body.includes(LIVE_EDITOR_MARKER)).map((s) => s.url);
    expect(withEngine, 'scripts containing the failover engine').toEqual([]);
    expect(withLiveEditor, 'scripts containing the live code editor').toEqual([]);
  });
}

test('pages with a lab or a live block do download that code (the checks above can fail)', async ({page}) => {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') bodies.push(await response.text());
  });
  // A chapter's lab runs its first model on the page once the reader nears it (the playground leaves runs to its worker).
  await gotoHydrated(page, '/docs/load-balancers-health-checks');
  const box = page.locator('[data-widget]').filter({has: page.getByRole('region', {name: 'Two stateless tasks lose a zone'})});
  await box.scrollIntoViewIfNeeded();
  await expect(box).toHaveAttribute('data-widget', 'live');
  await expect.poll(() => bodies.some((body) => body.includes(ENGINE_MARKER))).toBe(true);
  bodies.length = 0;
  await gotoHydrated(page, '/docs/reference/model-api');
  await page.locator('[class*="playgroundContainer"]').first().scrollIntoViewIfNeeded();
  await page.getByRole('textbox', {name: 'Live code editor'}).first().waitFor();
  await expect.poll(() => bodies.some((body) => body.includes(LIVE_EDITOR_MARKER))).toBe(true);
});
