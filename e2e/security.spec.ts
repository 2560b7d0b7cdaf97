import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated, sitemapPaths, watchPage, BUILD_DIR} from './fixtures';
import type {Page} from '@playwright/test';

// The Content-Security-Policy the build writes into every page (src/plugins/securityHeaders.ts)
// and into build/_headers. A policy that is too strict breaks a page silently for the reader (a
// script or a live block that does not run), so every page is opened, hydrated and scrolled
// through until every widget has mounted, and the browser's violation reports are collected.

/** Records the browser's CSP violation reports, from the first script of every document on. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as {cspViolations: string[]};
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as {cspViolations: string[]}).cspViolations);
}

/**
 * Brings each widget still showing its server copy into view until none is left, so every widget that mounts when
 * near does. Driven from the test, one widget at a time, waiting for the count to fall: a `requestAnimationFrame`
 * loop inside the page hung for minutes once on a busy machine (headless Chromium can stop producing frames).
 */
async function scrollThrough(page: Page): Promise<void> {
  // Widgets and live code blocks each keep their server copy, marked 'static', until they mount.
  const waiting = page.locator('[data-widget="static"], [data-code="static"]');
  for (let left = await waiting.count(); left > 0; left = await waiting.count()) {
    await waiting.first().evaluate((widget) => widget.scrollIntoView({block: 'center'}));
    await expect.poll(() => waiting.count(), {message: 'the widget in view mounts'}).toBeLessThan(left);
  }
}

const policyOf = (page: Page) => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

test.describe('Content-Security-Policy', () => {
  for (const pathname of sitemapPaths()) {
    test(`${pathname} hydrates and runs every widget with no violation`, async ({page, baseURL}) => {
      await recordViolations(page);
      const problems = watchPage(page, baseURL!);
      await gotoHydrated(page, pathname);
      const policy = await policyOf(page);
      expect(policy, 'the page carries its policy').toContain("script-src 'self' 'sha256-");
      expect(policy).not.toContain("'unsafe-inline' 'sha256"); // scripts: hashes only
      expect(policy).toContain("object-src 'none'");
      await scrollThrough(page);
      // Live blocks compile code with `new Function`: only their pages may allow it.
      const liveBlocks = await page.locator('[data-editor]').count();
      expect(policy!.includes("'unsafe-eval'"), `'unsafe-eval' exactly where live code is (${liveBlocks} blocks)`).toBe(liveBlocks > 0);
      if (liveBlocks > 0) await expect(page.locator('[data-editor="live"]')).toHaveCount(liveBlocks);
      expect(await violations(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    });
  }

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
