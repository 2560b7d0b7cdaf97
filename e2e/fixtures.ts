import path from 'node:path';
import {test as base, expect, type Locator, type Page} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type {Model} from '../src/engine';
import {decodeModel} from '../src/lab/share';
import {sitemapPathsIn} from '../scripts/sitemap.mjs';

/** Axe's rule sets every page is checked against: WCAG 2.0 to 2.2, A and AA, and axe's own best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The built site under test (see playwright.config.ts). */
export const BUILD_DIR = path.join(__dirname, '..', process.env.E2E_BUILD_DIR ?? 'build');

/** Paths of every page in the built site, read from the sitemap so new pages are covered without edits. */
export function sitemapPaths(): string[] {
  const paths = sitemapPathsIn(BUILD_DIR);
  if (paths.length === 0) throw new Error('build/sitemap.xml lists no pages: run `npm run build` first.');
  return paths;
}

/** What went wrong while a page was open: console errors, uncaught errors, failed or outside requests. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  outsideRequests: string[];
}

/** Starts recording a page's problems; call before the first navigation. */
export function watchPage(page: Page, baseURL: string): PageProblems {
  const origin = new URL(baseURL).origin;
  const problems: PageProblems = {consoleErrors: [], pageErrors: [], failedRequests: [], outsideRequests: []};
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.outsideRequests.push(url);
  });
  return problems;
}

/**
 * The scripts `page` receives from now on, with their text, in the order they arrive. A body still arriving when
 * the test ends or the page is closed can no longer be read: that script came after every check that reads this
 * list, so it is left out (a clean-clone run failed a finished test on it, an idle prefetch arriving at teardown);
 * any other failure to read a body still fails the test.
 */
export function scriptsReceived(page: Page): {url: string; body: string}[] {
  const scripts: {url: string; body: string}[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    response.text().then(
      (body) => scripts.push({url: response.url(), body}),
      (error: Error) => {
        if (!/Test ended|has been closed/.test(error.message)) throw error;
      },
    );
  });
  return scripts;
}

/**
 * Records the main-thread tasks over 50 ms (the browser's long-task timing) from each document's start;
 * call before the first navigation. Read them with `longTasksEndedAfter`.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as {longTasks: {start: number; duration: number}[]};
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({start: entry.startTime, duration: Math.round(entry.duration)});
    }).observe({type: 'longtask', buffered: true});
  });
}

/** Durations of the long tasks recorded by `recordLongTasks` that ended after `since` (page time, ms; 0: the document's start). */
export async function longTasksEndedAfter(page: Page, since = 0): Promise<number[]> {
  return page.evaluate((from) => {
    const w = window as unknown as {longTasks: {start: number; duration: number}[]};
    return w.longTasks.filter((task) => task.start + task.duration > from).map((task) => task.duration);
  }, since);
}

/**
 * Opens a path and waits until React has hydrated it: before that, widgets and
 * the live editor are inert HTML. Docusaurus sets the attribute once hydrated.
 */
export async function gotoHydrated(page: Page, pathname: string) {
  const response = await page.goto(pathname);
  // A long chapter can take far more than the default 5 s to hydrate on a busy machine.
  await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1, {timeout: 60_000});
  return response;
}

/**
 * For `test.use`: the offline copy's service worker allowed. The suite blocks it (playwright.config.ts: every
 * test's fresh context would precache the whole site), so a file or group whose tests are about the offline copy,
 * or wait for it with `waitForPageSettled`, turns it back on with this.
 */
export const OFFLINE_WORKER_ALLOWED = {serviceWorkers: 'allow'} as const;

/**
 * Waits until a hydrated page has loaded what it loads on its own: the last of it is the offline copy's service
 * worker, registered once the page has hydrated and the browser is idle (src/pwa/registerWhenIdle.ts). A state to wait for, unlike the network falling quiet (`networkidle`), which
 * depends on timing and which Playwright advises against.
 */
export async function waitForPageSettled(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) !== undefined, null, {polling: 200, timeout: 60_000});
}

/**
 * The model the playground's address holds (what the lab runs). With `expected`, once the address has those
 * fields: the lab writes its address in a task of its own just after each edit (useModelLink), so a test that
 * reads it right after an edit waits for the edit to reach it (on a busy CI run one read came first).
 */
export async function modelInUrl(page: Page, expected?: Partial<Model>): Promise<Model> {
  if (expected) await expect.poll(() => modelInUrlNow(page), {timeout: 10_000}).toMatchObject(expected);
  return modelInUrlNow(page);
}

async function modelInUrlNow(page: Page): Promise<Model> {
  // Read in the page: `page.url()` learns of `history.replaceState` from a later protocol event, so just after an
  // edit it can still hold the previous model (it did once on a busy CI run).
  const value = new URL(await page.evaluate(() => window.location.href)).searchParams.get('model');
  expect(value, 'the playground keeps the model in its address').not.toBeNull();
  const decoded = decodeModel(value!);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.model;
}

/**
 * The playground's lab as a reader builds it: three zones, three tasks, 240 requests a second,
 * then the second zone broken by clicking it in the diagram at 10:00; returns once the address holds it.
 */
export async function buildAndBreakSecondZone(lab: Locator): Promise<void> {
  await lab.getByLabel('Zones', {exact: true}).fill('3');
  await lab.getByLabel('Desired tasks').fill('3');
  await lab.getByLabel('Load', {exact: true}).fill('240');
  await lab.getByRole('slider').fill('600');
  await lab.getByRole('button', {name: /^Zone use1-az2: up\. Break this zone now/}).click();
  await expect(lab.getByRole('status')).toContainText('Zone use1-az2 fails at 10:00');
  await modelInUrl(lab.page(), {faults: [{kind: 'zoneOutage', zone: 'use1-az2', at: 600, duration: 900}]});
}

/** Opens one of the lab's control tabs, as a reader clicks it. */
export async function openLabTab(lab: Locator, name: 'Build' | 'Break' | 'Event log' | 'Cost'): Promise<void> {
  const tab = lab.getByRole('tab', {name, exact: true});
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  // The Break and Cost tabs load their code when first opened: wait until the panel is there.
  await expect(lab.locator('[role="tabpanel"] [aria-busy="true"]')).toHaveCount(0);
}

/**
 * A chapter widget or lab by its title, scrolled into view and running. Chapter
 * widgets keep their server-rendered HTML (inert) until the reader gets near
 * them (src/components/MountWhenNear), so a test brings one into view as a
 * reader would, and waits until the live widget has replaced the static copy.
 */
export async function widgetInView(page: Page, name: string): Promise<Locator> {
  const region = page.getByRole('region', {name});
  await region.scrollIntoViewIfNeeded();
  await expect(page.locator('[data-widget="live"]').filter({has: region})).toHaveCount(1);
  return region;
}

/**
 * A block whose code loads only when the reader nears it (a quiz, a live code block:
 * src/components/MountWhenNear/whenNear.tsx), scrolled into view as a reader would, once it runs.
 */
export async function codeInView(page: Page, inside: Locator): Promise<void> {
  const live = page.locator('[data-code="live"]').filter({has: inside});
  // The server's copy is replaced by the live block as it nears the viewport; if that happens in the
  // middle of the scroll (the element it was scrolling is gone), scroll to the new one.
  await expect(async () => {
    await inside.scrollIntoViewIfNeeded({timeout: 10_000});
    await expect(live).toHaveCount(1, {timeout: 10_000});
  }).toPass({timeout: 60_000});
}

/** An axe scan with the course's rule sets (AXE_TAGS), or only `rules`; returns only serious and critical findings, described for the failure message. */
export async function seriousAxeFindings(page: Page, include?: string, rules?: readonly string[]): Promise<string[]> {
  // A whole-page scan is the heaviest step of any test here: at a load average of 37 one scan of a
  // chapter took 2 minutes. So each scan adds 3 minutes to its test's limit.
  base.info().setTimeout(base.info().timeout + 180_000);
  // Only violations are collected in full: listing every passing node too made a scan about a third slower.
  // `options` replaces the builder's whole options object, rule selection included, so it comes first.
  // Legacy mode runs axe in the page in one call. The default sends every checked node, serialised, back to
  // Node and finishes the run in a second, blank page: three times slower on a long chapter (10 s against 3 s),
  // for what it adds, frames from other origins, which no page of the site has.
  const builder = new AxeBuilder({page}).options({resultTypes: ['violations']}).setLegacyMode(true);
  if (rules) builder.withRules([...rules]);
  else builder.withTags(AXE_TAGS);
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join('\n  ')}`,
    );
}

/**
 * Axe's rules whose outcome depends on colours. The site's markup is the same in both themes (no
 * component renders by theme; the themes differ in CSS only), so a second theme can only change these.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/** The colour transitions still running on elements the reader can see (runs in the page). */
function runningColourTransitions(): string[] {
  return document
    .getAnimations()
    .filter(
      (animation): animation is CSSTransition =>
        animation instanceof CSSTransition &&
        animation.playState === 'running' &&
        /color/.test(animation.transitionProperty) &&
        animation.effect instanceof KeyframeEffect &&
        animation.effect.target instanceof Element &&
        animation.effect.target.checkVisibility(),
    )
    .map((animation) => `${animation.transitionProperty} on ${(animation.effect as KeyframeEffect).target!.outerHTML.slice(0, 120)} at ${animation.currentTime}`);
}

/**
 * Serious findings in the light theme (every WCAG rule) and then in the dark theme (the colour rules),
 * each prefixed with its theme. The theme changes in place, as the system's does for a reader who has
 * not picked one (the site follows it), so whatever the test set up (answers given, a run shown, a panel
 * open) is scanned in both, with the site's own switch: code blocks take their dark colours too.
 */
export async function seriousAxeFindingsInBothThemes(page: Page, include?: string): Promise<string[]> {
  const findings: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({colorScheme: theme});
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // Links ease from one theme's colour to the other's (a CSS transition): scan the colours they end on, not a
    // colour on the way (a busy CI run once caught the navbar's links mid-fade in the dark theme). A state to
    // poll for, not a promise to await: an animation the browser does not advance (one in a closed <details>,
    // say, or a spinner) would hold a promise forever, and a poll names what it waited for.
    await expect
      .poll(() => page.evaluate(runningColourTransitions), {message: 'colour transitions still running after the theme switch'})
      .toEqual([]);
    const found = await seriousAxeFindings(page, include, theme === 'dark' ? COLOUR_RULES : undefined);
    findings.push(...found.map((finding) => `${theme}: ${finding}`));
  }
  return findings;
}

export const test = base;
export {expect};
