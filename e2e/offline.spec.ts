import {test, expect, gotoHydrated, sitemapPaths, watchPage, modelInUrl, buildAndBreakSecondZone, BUILD_DIR, OFFLINE_WORKER_ALLOWED} from './fixtures';
import {serveCompressed} from '../scripts/static-server.mjs';
import {simulate} from '../src/engine';
import {formatPercent} from '../src/utils/format';
import type {Page} from '@playwright/test';

test.use(OFFLINE_WORKER_ALLOWED);

// The site registers a service worker (@docusaurus/plugin-pwa) that precaches
// every page once a reader has visited. Each Playwright test has a fresh
// browser context, so no test sees another's cache or a cache from an older build.

/** First visit: open the home page and wait until the service worker is active, which means the site is precached. */
async function visitOnce(page: Page, origin = '') {
  await gotoHydrated(page, `${origin}/`);
  // `ready` resolves once a worker is activating; precaching is done when it is activated.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {timeout: 60_000})
    .toBe('activated');
  const entries = await page.evaluate(async () => {
    let count = 0;
    for (const name of await caches.keys()) count += (await (await caches.open(name)).keys()).length;
    return count;
  });
  expect(entries, 'precached files').toBeGreaterThan(50);
}

test.describe('offline, after one visit', () => {
  test('every page of the site opens with the network off', async ({page, context}) => {
    // Every page of the site in one test: three times the time of one.
    test.slow();
    await visitOnce(page);
    await context.setOffline(true);
    // Every page in the sitemap, opened directly (as a bookmark or a new tab would), not through the app's router.
    for (const pathname of sitemapPaths()) {
      const response = await page.goto(pathname);
      expect(response?.status(), `${pathname} offline`).toBe(200);
      expect(response?.fromServiceWorker(), `${pathname} comes from the service worker`).toBe(true);
      await expect(page.locator('html[data-has-hydrated="true"]'), `${pathname} hydrates offline`).toHaveCount(1);
      await expect(page.locator('h1')).toHaveCount(1);
    }
  });

  test('links between chapters work offline', async ({page, context}) => {
    await visitOnce(page);
    await context.setOffline(true);
    await gotoHydrated(page, '/docs/intro');
    await page.getByRole('link', {name: 'Next', exact: false}).last().click();
    await expect(page).not.toHaveURL(/\/docs\/intro$/);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('article')).not.toContainText('Page Not Found');
  });

  test('the lab runs offline', async ({page, context, baseURL}) => {
    await visitOnce(page);
    await context.setOffline(true);
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    await buildAndBreakSecondZone(lab);
    // The figure shown is the engine's for the model in the address, computed in the page with no network.
    const expected = simulate(await modelInUrl(page)).summary;
    expect(expected.failed).toBeGreaterThan(0);
    await expect(lab.getByTestId('summary-availability')).toHaveText(formatPercent(expected.availability));
    expect(problems.pageErrors).toEqual([]);
  });

  test('a quiz can be taken offline and its answer is kept', async ({page, context}) => {
    await visitOnce(page);
    await context.setOffline(true);
    await gotoHydrated(page, '/docs/intro');
    const q5 = page
      .getByRole('listitem')
      .filter({has: page.getByRole('group', {name: /^Question 5 of 6/})});
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    await expect(q5.getByText('✓ Right.')).toBeVisible();
    await expect(page.getByTestId('quiz-score')).toContainText('Score: 1 of 6');
    await page.reload();
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(page.getByTestId('quiz-score')).toContainText('Score: 1 of 6');
  });
});

test.describe('offline addresses', () => {
  test('an address with a trailing slash opens its page offline', async ({page, context}) => {
    await visitOnce(page);
    await context.setOffline(true);
    const response = await page.goto('/docs/intro/');
    expect(response?.status()).toBe(200);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(page.getByRole('heading', {level: 1})).toHaveText('How the course works');
  });

  test("an unknown address offline shows the site's own 404 page", async ({page, context}) => {
    await visitOnce(page);
    await context.setOffline(true);
    const response = await page.goto('/docs/no-such-chapter');
    expect(response?.status()).toBe(404);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Page Not Found');
    // The site around it works: its navigation leads back into the course.
    await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Course'}).click();
    await expect(page.getByRole('heading', {level: 1})).toHaveText('How the course works');
  });
});

test.describe('a browser that refuses service workers', () => {
  test('pages work and log no error', async ({page, baseURL}) => {
    // As a browser with storage blocked does: every service-worker call fails with a SecurityError.
    await page.addInitScript(() => {
      const w = window as unknown as {swAttempts: number};
      w.swAttempts = 0;
      const refuse = () => {
        w.swAttempts += 1;
        return Promise.reject(new DOMException('The user denied permission to use Service Worker.', 'SecurityError'));
      };
      Object.assign(navigator.serviceWorker, {register: refuse, getRegistration: refuse, getRegistrations: refuse});
    });
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/docs/intro');
    // The offline copy is set up once the page is idle: wait until it has been tried, then let its promises settle.
    await page.waitForFunction(() => (window as unknown as {swAttempts: number}).swAttempts > 0);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await gotoHydrated(page, '/playground');
    await page.waitForFunction(() => (window as unknown as {swAttempts: number}).swAttempts > 0);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});

test.describe('a newer version of the site', () => {
  test('is offered on a page the older version serves; Refresh hands over to it and reloads the page', async ({page, baseURL}) => {
    // A server of our own for the build, so that this test alone can deploy a new version: the same
    // files, but a service worker script that differs by a comment, which is what a browser sees.
    let deploy = 1;
    const site = await serveCompressed(BUILD_DIR, 0, {
      rewrite: (urlPath, body) => (urlPath === '/sw.js' && deploy > 1 ? Buffer.concat([body, Buffer.from(`\n// deploy ${deploy}\n`)]) : body),
    });
    try {
      const problems = watchPage(page, site.url);
      await visitOnce(page, site.url);
      await page.reload();
      await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

      deploy = 2;
      await page.reload();
      await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
      // What a browser does on its own at some later navigation, asked for now.
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      const notice = page.getByRole('status').filter({hasText: 'New version available'});
      await expect(notice).toBeVisible();
      await page.evaluate(() => ((window as unknown as {beforeRefresh: boolean}).beforeRefresh = true));
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', {name: 'Refresh'}).click();

      // The page loads again (a new document, without the mark), and the waiting worker now serves it.
      await reloaded;
      await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
      expect(await page.evaluate(() => (window as unknown as {beforeRefresh?: boolean}).beforeRefresh ?? false)).toBe(false);
      await expect
        .poll(() => page.evaluate(async () => ({waiting: Boolean((await navigator.serviceWorker.ready).waiting), controlled: Boolean(navigator.serviceWorker.controller)})))
        .toEqual({waiting: false, controlled: true});
      await expect(page.getByText('New version available')).toHaveCount(0);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await site.close();
    }
  });
});
