import {expect, type Page} from '@playwright/test';

// The Content-Security-Policy the build writes into every page (src/plugins/securityHeaders.ts)
// and into build/_headers. A policy that is too strict breaks a page silently for the reader (a
// script or a live block that does not run), so a page is hydrated and scrolled through until
// every widget has mounted, and the browser's violation reports are collected.

/** Records the browser's CSP violation reports, from the first script of every document on. */
export async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as {cspViolations: string[]};
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as {cspViolations: string[]}).cspViolations);
}

export const policyOf = (page: Page) => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

/**
 * Brings each widget still showing its server copy into view until none is left, so every widget that mounts when
 * near does. Driven from the test, one widget at a time, waiting for the count to fall: a `requestAnimationFrame`
 * loop inside the page hung for minutes once on a busy machine (headless Chromium can stop producing frames).
 */
export async function scrollThrough(page: Page): Promise<void> {
  // Widgets and live code blocks each keep their server copy, marked 'static', until they mount.
  const waiting = page.locator('[data-widget="static"], [data-code="static"]');
  for (let left = await waiting.count(); left > 0; left = await waiting.count()) {
    await waiting.first().evaluate((widget) => widget.scrollIntoView({block: 'center'}));
    await expect.poll(() => waiting.count(), {message: 'the widget in view mounts'}).toBeLessThan(left);
  }
}

/**
 * The page's policy is strict (script hashes only, no plugins, `'unsafe-eval'` exactly where live code
 * needs it), and every widget mounts under it with no violation. Call after `recordViolations` and the load.
 */
export async function expectEveryWidgetRunsUnderThePolicy(page: Page): Promise<void> {
  const policy = await policyOf(page);
  expect(policy, 'the page carries its policy').toContain("script-src 'self' 'sha256-");
  expect(policy, 'scripts: hashes only').not.toContain("'unsafe-inline' 'sha256");
  expect(policy).toContain("object-src 'none'");
  await scrollThrough(page);
  // Live blocks compile code with `new Function`: only their pages may allow it.
  const liveBlocks = await page.locator('[data-editor]').count();
  expect(policy!.includes("'unsafe-eval'"), `'unsafe-eval' exactly where live code is (${liveBlocks} blocks)`).toBe(liveBlocks > 0);
  if (liveBlocks > 0) await expect(page.locator('[data-editor="live"]')).toHaveCount(liveBlocks);
  expect(await violations(page), 'Content-Security-Policy violations').toEqual([]);
}
