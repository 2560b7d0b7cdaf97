import fs from 'node:fs';
import path from 'node:path';
import {test, expect, sitemapPaths} from './fixtures';
import {measureScripts} from '../scripts/js-weight.mjs';

/**
 * The JavaScript budget: every page of the site downloads, before the reader
 * scrolls, at most what a bare Docusaurus docs page does, plus 30 KB (gzip).
 * Code a page needs only further down (labs, widgets, live code) loads when the
 * reader nears it. The bare figure is measured by `npm run lighthouse` with the
 * same function (scripts/js-weight.mjs) and recorded, with how and when, in
 * reports/js-budget.json.
 */
interface JsBudget {
  how: string;
  measuredAt: string;
  barePage: string;
  bare: {scripts: number; raw: number; gzip: number};
  allowanceBytes: number;
  limitBytes: number;
}

const budget = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'reports', 'js-budget.json'), 'utf8')) as JsBudget;

test('the recorded budget is the bare docs page plus 30 KB', () => {
  expect(budget.allowanceBytes).toBe(30 * 1024);
  expect(budget.limitBytes).toBe(budget.bare.gzip + budget.allowanceBytes);
  // A bare Docusaurus 3.10 docs page loads well over 100 KB of gzip JS; a smaller figure means a broken measurement.
  expect(budget.bare.gzip).toBeGreaterThan(100 * 1024);
});

/**
 * Pages that do not meet the budget yet, with what they weighed when they were listed (gzip KB), plus 8 KB
 * for the other pages' chunks that Docusaurus prefetches for links in view, which vary from run to run. They
 * are held to that ceiling so that they can only get lighter; take a page off the list once it meets the budget.
 *
 * /docs/reference/model-api: 196.6 KB after issue 13's clients section merged (1 December 2026), 3.2 KB
 * over. Traced on 2 December (CHUNK_STATS, scripts/js-weight-report.mjs): it loads no widget, engine or
 * live-code code before the reader scrolls; 21.5 KB of it is the page's own text (its MDX compiled to one
 * chunk, the longest page of the site), and the rest is what every docs page loads (175 KB: the bare page's
 * chrome, the progress store, the service worker's registration). It comes off the list when the page is
 * split or the shared part loses 4 KB.
 *
 * /docs/stateless-services: 193.8 KB on 2 December, 0.4 KB over, after its prose gained the clients' kept-alive
 * and stale-DNS figures. Of its own chunk (15 KB) about 1 KB is every chapter's lab goals
 * (src/content/labGoals.ts is inlined whole into each chapter that uses one; splitting it into one export a
 * goal did not let the bundler drop the others); it comes off the list with that, or with the shared 4 KB above.
 *
 * /docs/load-balancers-health-checks: 193.5 KB on 2 December, 0.1 KB over (its own chunk unchanged: the shared
 * runtime grew by the bytes of the day's merges). Same cause and the same way off the list as the page above.
 */
const NOT_YET_WITHIN_BUDGET_KB: Record<string, number> = {
  '/docs/reference/model-api': 196.6,
  '/docs/stateless-services': 193.8,
  '/docs/load-balancers-health-checks': 193.5,
};

for (const pathname of sitemapPaths()) {
  const listed = NOT_YET_WITHIN_BUDGET_KB[pathname];
  const limit = listed === undefined ? budget.limitBytes : Math.round((listed + 8) * 1024);
  const what = listed === undefined ? "at most the bare docs page's JS plus 30 KB (gzip)" : `no more than when it was listed as over budget (${listed} KB gzip)`;
  test(`${pathname} downloads ${what}`, async ({page, baseURL}) => {
    const measured = await measureScripts(page, `${baseURL}${pathname}`);
    const breakdown = measured.scripts.map((s) => `${(s.gzip / 1024).toFixed(1)} KB  ${s.url}`).join('\n');
    expect(
      measured.gzip,
      `${pathname} loads ${(measured.gzip / 1024).toFixed(1)} KB of gzip JS in ${measured.scripts.length} scripts; the limit is ${(limit / 1024).toFixed(1)} KB (budget: bare ${budget.barePage} ${(budget.bare.gzip / 1024).toFixed(1)} KB, measured ${budget.measuredAt}, + 30 KB${listed === undefined ? '' : '; this page is listed as not yet within it'}).\n${breakdown}`,
    ).toBeLessThanOrEqual(limit);
  });
}

test('the pages listed as over budget still exist and are still over it', () => {
  // A stale entry would hide a page from the real budget.
  for (const [pathname, kb] of Object.entries(NOT_YET_WITHIN_BUDGET_KB)) {
    expect(sitemapPaths(), pathname).toContain(pathname);
    expect(kb * 1024, pathname).toBeGreaterThan(budget.limitBytes);
  }
});
