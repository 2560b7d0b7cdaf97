import fs from 'node:fs';
import path from 'node:path';
import {test, expect, sitemapPaths} from './fixtures';
import {measureScripts} from '../scripts/js-weight.mjs';

/**
 * The JavaScript budget of the "measured quality" work: a docs page without
 * widgets downloads at most what a bare Docusaurus docs page does, plus 30 KB
 * (gzip). The bare figure is measured by `npm run lighthouse` with the same
 * function (scripts/js-weight.mjs) and recorded, with how and when, in
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

/** Docs pages with no widget and no live code (every chapter has an interactive element by design). */
const PAGES_WITHOUT_WIDGETS = ['/docs/reference/glossary', '/docs/reference/cheat-sheet'];

test('the recorded budget is the bare docs page plus 30 KB', () => {
  expect(budget.allowanceBytes).toBe(30 * 1024);
  expect(budget.limitBytes).toBe(budget.bare.gzip + budget.allowanceBytes);
  // A bare Docusaurus 3.10 docs page loads well over 100 KB of gzip JS; a smaller figure means a broken measurement.
  expect(budget.bare.gzip).toBeGreaterThan(100 * 1024);
});

for (const pathname of PAGES_WITHOUT_WIDGETS.filter((p) => sitemapPaths().includes(p))) {
  test(`${pathname} downloads at most the bare docs page's JS plus 30 KB (gzip)`, async ({page, baseURL}) => {
    const measured = await measureScripts(page, `${baseURL}${pathname}`);
    const breakdown = measured.scripts.map((s) => `${(s.gzip / 1024).toFixed(1)} KB  ${s.url}`).join('\n');
    expect(
      measured.gzip,
      `${pathname} loads ${(measured.gzip / 1024).toFixed(1)} KB of gzip JS in ${measured.scripts.length} scripts; the limit is ${(budget.limitBytes / 1024).toFixed(1)} KB (bare ${budget.barePage} ${(budget.bare.gzip / 1024).toFixed(1)} KB, measured ${budget.measuredAt}, + 30 KB).\n${breakdown}`,
    ).toBeLessThanOrEqual(budget.limitBytes);
  });
}
