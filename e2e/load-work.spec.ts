import {test, expect, gotoHydrated} from './fixtures';

// Work a page used to do at load that it no longer does (src/clientModules/prefetchWhenIdle.ts,
// src/plugins/shallowMemoWithoutCollator.ts): each test fails if that work comes back.

declare global {
  interface Window {
    /** Calls of String.prototype.localeCompare since the page started. */
    localeCompareCalls?: number;
    /** Idle callbacks the page asked for, held until the test runs them. */
    heldIdleCallbacks?: IdleRequestCallback[];
  }
}

test.describe('on a phone', () => {
  test.use({viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true});

  for (const pathname of ['/docs/reference/glossary', '/docs/reference/model-api']) {
    test(`${pathname} never sets up the browser's collator, even with the sidebar open`, async ({page}) => {
      await page.addInitScript(() => {
        const original = String.prototype.localeCompare;
        window.localeCompareCalls = 0;
        String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof original>) {
          window.localeCompareCalls! += 1;
          return original.apply(this, args);
        };
      });
      await gotoHydrated(page, pathname);
      // The mobile sidebar is the navbar's secondary menu, which theme-common fills with useShallowMemoObject.
      await page.getByRole('button', {name: /toggle navigation bar/i}).click();
      await expect(page.locator('.navbar-sidebar').getByRole('link', {name: 'Glossary'})).toBeVisible();
      expect(await page.evaluate(() => window.localeCompareCalls)).toBe(0);
    });
  }
});

test("routes are prefetched for the links in view only when the browser is idle, and then they are", async ({page}) => {
  await page.addInitScript(() => {
    window.heldIdleCallbacks = [];
    window.requestIdleCallback = (callback) => window.heldIdleCallbacks!.push(callback);
  });
  await gotoHydrated(page, '/docs/reference/glossary');
  const prefetched = page.locator('link[rel="prefetch"]');
  // An observer made now is told about a sidebar link after the links' own observers, made while hydrating,
  // are told about theirs (the browser calls observers in the order they were made, in one task): once it
  // has been, every link in view has asked for its route, and nothing was fetched.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const observer = new IntersectionObserver(() => (observer.disconnect(), resolve()));
        observer.observe(document.querySelector('.theme-doc-sidebar-container a.menu__link[href^="/docs/"]')!);
      }),
  );
  expect(await page.evaluate(() => window.heldIdleCallbacks!.length)).toBeGreaterThan(0);
  await expect(prefetched).toHaveCount(0);

  // Idle moments come: the routes of the links in view are prefetched.
  await expect
    .poll(async () => {
      await page.evaluate(() => window.heldIdleCallbacks!.splice(0).forEach((callback) => callback({didTimeout: false, timeRemaining: () => 50})));
      return prefetched.count();
    })
    .toBeGreaterThan(5);
  expect(await prefetched.evaluateAll((links) => links.map((link) => link.getAttribute('href')).filter((href) => !href?.endsWith('.js')))).toEqual([]);
});
