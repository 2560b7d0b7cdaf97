import {test, expect, sitemapPaths, watchPage, gotoHydrated, seriousAxeFindingsInBothThemes, waitForPageSettled} from './fixtures';

// One test per page of the built site, so a new chapter is covered the moment it is in the sitemap.
// One page load serves every check: the page's own requests and errors, its markup, axe in both
// themes, and last its width on a phone.
for (const pathname of sitemapPaths()) {
  test(`page ${pathname} loads cleanly, offline-safe, with one h1, no serious accessibility findings in either theme, and fits 360 px`, async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await page.emulateMedia({colorScheme: 'light'});
    const response = await gotoHydrated(page, pathname);
    expect(response?.status(), 'HTTP status').toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    // Markdown that failed to render (an admonition or a heading id) shows up as its raw syntax.
    const text = await page.locator('body').innerText();
    expect(text, 'raw admonition syntax on the page').not.toMatch(/^:::/m);
    expect(text, 'raw heading id syntax on the page').not.toMatch(/\{#[\w-]+\}/);
    await waitForPageSettled(page);
    expect(problems.outsideRequests, 'requests to other hosts').toEqual([]);
    expect(problems.failedRequests, 'failed requests').toEqual([]);
    expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
    expect(problems.consoleErrors, 'console errors').toEqual([]);

    expect(await seriousAxeFindingsInBothThemes(page), 'serious accessibility findings').toEqual([]);

    // Readers on a phone: nothing may widen the page beyond a 360 px screen.
    await page.setViewportSize({width: 360, height: 740});
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'page width at a 360 px viewport').toBeLessThanOrEqual(360);
  });
}
