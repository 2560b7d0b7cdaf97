import {test, expect, sitemapPaths, watchPage, gotoHydrated, seriousAxeFindingsInBothThemes, waitForPageSettled, OFFLINE_WORKER_ALLOWED} from './fixtures';
import {recordScripts} from '../scripts/js-weight.mjs';
import {expectWithinJsBudget} from './jsBudget';
import {expectEveryWidgetRunsUnderThePolicy, recordViolations} from './csp';

test.use(OFFLINE_WORKER_ALLOWED);

// One test per page of the built site, so a new chapter is covered the moment it is in the sitemap.
// One page load serves every check, in this order: the JavaScript downloaded before the reader
// scrolls (against the budget, ./jsBudget.ts), the page's own requests and errors, its markup, axe
// in both themes, then every widget mounted under the page's Content-Security-Policy (./csp.ts),
// and last its width on a phone.
for (const pathname of sitemapPaths()) {
  test(`page ${pathname} loads cleanly within the JavaScript budget, offline-safe, with one h1, no serious accessibility findings in either theme, every widget running under its security policy, and fits 360 px`, async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await recordViolations(page);
    await page.emulateMedia({colorScheme: 'light'});
    const scripts = recordScripts(page);
    const response = await gotoHydrated(page, pathname);
    expect(response?.status(), 'HTTP status').toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    // Markdown that failed to render (an admonition or a heading id) shows up as its raw syntax.
    const text = await page.locator('body').innerText();
    expect(text, 'raw admonition syntax on the page').not.toMatch(/^:::/m);
    expect(text, 'raw heading id syntax on the page').not.toMatch(/\{#[\w-]+\}/);
    await waitForPageSettled(page);
    // Before the reader scrolls: what loaded until the offline copy's worker registered and the network fell quiet.
    await page.waitForLoadState('networkidle');
    expectWithinJsBudget(await scripts.stop(), pathname);
    expect(problems.outsideRequests, 'requests to other hosts').toEqual([]);
    expect(problems.failedRequests, 'failed requests').toEqual([]);
    expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
    expect(problems.consoleErrors, 'console errors').toEqual([]);

    expect(await seriousAxeFindingsInBothThemes(page), 'serious accessibility findings').toEqual([]);

    await expectEveryWidgetRunsUnderThePolicy(page);
    expect(problems.pageErrors, 'uncaught page errors once every widget runs').toEqual([]);
    expect(problems.consoleErrors, 'console errors once every widget runs').toEqual([]);

    // Readers on a phone: nothing may widen the page beyond a 360 px screen.
    await page.setViewportSize({width: 360, height: 740});
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'page width at a 360 px viewport').toBeLessThanOrEqual(360);
  });
}
