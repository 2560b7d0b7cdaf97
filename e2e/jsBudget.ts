import fs from 'node:fs';
import path from 'node:path';
import {expect} from '@playwright/test';
import type {ScriptsMeasured} from '../scripts/js-weight.mjs';

/**
 * The JavaScript budget: every page of the site downloads, before the reader scrolls, at most what a
 * bare Docusaurus docs page does, plus 30 KB (gzip). Code a page needs only further down (labs,
 * widgets, live code) loads when the reader nears it. The bare figure is measured by
 * `npm run lighthouse` with the same function (scripts/js-weight.mjs) and recorded, with how and
 * when, in reports/js-budget.json.
 */
export interface JsBudget {
  how: string;
  measuredAt: string;
  barePage: string;
  bare: {scripts: number; raw: number; gzip: number};
  allowanceBytes: number;
  limitBytes: number;
}

export const jsBudget = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'reports', 'js-budget.json'), 'utf8')) as JsBudget;

/** Holds what a page downloaded to the budget; the failure lists the page's scripts by size. */
export function expectWithinJsBudget(measured: ScriptsMeasured, pathname: string): void {
  // Nothing counted would pass any limit: a page always loads Docusaurus's runtime and main bundle.
  expect(measured.scripts.length, `${pathname}: the scripts it downloaded were counted`).toBeGreaterThanOrEqual(2);
  const breakdown = measured.scripts.map((s) => `${(s.gzip / 1024).toFixed(1)} KB  ${s.url}`).join('\n');
  expect(
    measured.gzip,
    `${pathname} loads ${(measured.gzip / 1024).toFixed(1)} KB of gzip JS in ${measured.scripts.length} scripts; the limit is ${(jsBudget.limitBytes / 1024).toFixed(1)} KB (bare ${jsBudget.barePage} ${(jsBudget.bare.gzip / 1024).toFixed(1)} KB, measured ${jsBudget.measuredAt}, + 30 KB).\n${breakdown}`,
  ).toBeLessThanOrEqual(jsBudget.limitBytes);
}
