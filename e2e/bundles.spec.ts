import {test, expect, gotoHydrated, sitemapPaths, waitForPageSettled, scriptsReceived, OFFLINE_WORKER_ALLOWED} from './fixtures';
import {NOTICE_UNAVAILABLE} from '../src/quiz/progressStore';

test.use(OFFLINE_WORKER_ALLOWED);

// Strings that exist only in the engine and in the live-code playground (the
// editor's accessible name, set in src/theme/Playground/Editor): if a page's
// scripts contain them, that page downloaded widget code.
const ENGINE_MARKER = 'lb/targetMarkedUnhealthy';
const LIVE_EDITOR_MARKER = 'Live code editor';
// A message only the progress store holds: it loads only where progress is stored (src/quiz/progressOnDemand.ts).
const PROGRESS_STORE_MARKER = NOTICE_UNAVAILABLE;

/** Pages that have no widget and no live code block. */
const PAGES_WITHOUT_WIDGETS = ['/', '/docs/reference/glossary', '/docs/reference/cheat-sheet'];

for (const pathname of PAGES_WITHOUT_WIDGETS.filter((p) => sitemapPaths().includes(p))) {
  test(`${pathname} downloads no widget or live-code script`, async ({page}) => {
    const scripts = scriptsReceived(page);
    await gotoHydrated(page, pathname);
    await waitForPageSettled(page);
    expect(scripts.length).toBeGreaterThan(0);
    const withEngine = scripts.filter((s) => s.body.includes(ENGINE_MARKER)).map((s) => s.url);
    const withLiveEditor = scripts.filter((s) => s.body.includes(LIVE_EDITOR_MARKER)).map((s) => s.url);
    expect(withEngine, 'scripts containing the failover engine').toEqual([]);
    expect(withLiveEditor, 'scripts containing the live code editor').toEqual([]);
    expect(scripts.filter((s) => s.body.includes(PROGRESS_STORE_MARKER)).map((s) => s.url), 'scripts containing the progress store').toEqual([]);
  });
}

test('a first visit to a chapter downloads the progress store only when the reader commits a prediction', async ({page}) => {
  const scripts = scriptsReceived(page);
  await gotoHydrated(page, '/docs/same-container-several-zones');
  await waitForPageSettled(page);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some(({body}) => body.includes(PROGRESS_STORE_MARKER)), 'the progress store, before any prediction').toBe(false);
  const box = page.locator('[data-predict-id="same-container-lone-task"]');
  await box.scrollIntoViewIfNeeded();
  await box.getByLabel('Seconds of (nearly) total failure').fill('30');
  await box.getByRole('button', {name: 'Commit my prediction'}).click();
  await expect(box.getByTestId('predict-result')).toContainText('you said 30 s');
  await expect.poll(() => scripts.some(({body}) => body.includes(PROGRESS_STORE_MARKER)), 'the progress store, once a prediction is kept').toBe(true);
});

test('pages with a lab or a live block do download that code (the checks above can fail)', async ({page, context}) => {
  const scripts = scriptsReceived(page);
  // A chapter's lab runs its first model on the page once the reader nears it (the playground leaves runs to its worker).
  await gotoHydrated(page, '/docs/load-balancers-health-checks');
  const box = page.locator('[data-widget]').filter({has: page.getByRole('region', {name: 'Two stateless tasks lose a zone'})});
  await box.scrollIntoViewIfNeeded();
  await expect(box).toHaveAttribute('data-widget', 'live');
  await expect.poll(() => scripts.some(({body}) => body.includes(ENGINE_MARKER))).toBe(true);
  // The live block on a page of its own: a script the first page is still receiving could not be read once it was
  // navigated away from (a clean-clone run failed so), and is not the second page's anyway.
  const second = await context.newPage();
  const secondScripts = scriptsReceived(second);
  await gotoHydrated(second, '/docs/reference/model-api');
  await second.locator('[class*="playgroundContainer"]').first().scrollIntoViewIfNeeded();
  await second.getByRole('textbox', {name: 'Live code editor'}).first().waitFor();
  await expect.poll(() => secondScripts.some(({body}) => body.includes(LIVE_EDITOR_MARKER))).toBe(true);
});
