import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated, sitemapPaths, watchPage, BUILD_DIR} from './fixtures';
import {policyOf, recordViolations, violations} from './csp';

// Every page's own policy, with every widget mounted under it, is checked on the page's one load in
// pages.spec.ts. Here: a policy that changes along the way, and the headers file for static hosts.

test.describe('Content-Security-Policy', () => {
  test('a live block works after a link from a page whose policy forbids eval', async ({page, baseURL}) => {
    await recordViolations(page);
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/docs/reference/glossary');
    expect(await policyOf(page)).not.toContain("'unsafe-eval'");
    // The footer's link, followed inside the app (no new document unless the page needs its own policy).
    await page.getByRole('contentinfo').getByRole('link', {name: 'Model API'}).click();
    await expect(page).toHaveURL(/\/docs\/reference\/model-api$/);
    const playground = page.locator('[class*="playgroundContainer"]').first();
    // The page reloads itself with its own policy as the live block starts loading: scroll once it has.
    await expect.poll(() => policyOf(page)).toContain("'unsafe-eval'");
    await playground.scrollIntoViewIfNeeded();
    await expect(playground.locator('[data-editor="live"]')).toHaveCount(1);
    const editor = playground.getByRole('textbox', {name: 'Live code editor'});
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nrender(<p>compiled under this page’s policy</p>);');
    await expect(playground.locator('[class*="playgroundPreview"]')).toContainText('compiled under this page’s policy');
    expect(await violations(page)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});

test.describe('the headers file for static hosts (build/_headers)', () => {
  const file = fs.readFileSync(path.join(BUILD_DIR, '_headers'), 'utf8');
  /** Path → its headers, in Netlify / Cloudflare Pages' format (a path line, then indented `Name: value` lines). */
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of file.split('\n')) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) rules.set(line, (current = new Map()));
    else {
      const [name, ...value] = line.trim().split(': ');
      current!.set(name!, value.join(': '));
    }
  }

  test('every response gets nosniff, a referrer policy and no framing', () => {
    const all = rules.get('/*');
    expect(all?.get('X-Content-Type-Options')).toBe('nosniff');
    expect(all?.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(all?.get('X-Frame-Options')).toBe('DENY');
  });

  test("every page's header policy is its <meta> policy plus frame-ancestors 'none'", () => {
    for (const pathname of sitemapPaths()) {
      const html = fs.readFileSync(path.join(BUILD_DIR, pathname === '/' ? 'index.html' : `${pathname.slice(1)}.html`), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(meta, `${pathname} has its <meta> policy`).toBeTruthy();
      expect(rules.get(pathname)?.get('Content-Security-Policy'), pathname).toBe(`${meta}; frame-ancestors 'none'`);
    }
  });
});
