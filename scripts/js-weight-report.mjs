// Prints, for every sitemap page of a build, the JavaScript it downloads before the reader scrolls
// (scripts/js-weight.mjs, the measure e2e/pages.spec.ts checks on every page) against the budget in
// reports/js-budget.json, with each page's scripts by size: the place to start when a page is over.
//
// Usage, after `npm run build`: node scripts/js-weight-report.mjs [port] [path …]
import fs from 'node:fs';
import path from 'node:path';
import {chromium} from '@playwright/test';
import {findBrowser, isRoot} from './browser.mjs';
import {measureScripts} from './js-weight.mjs';
import {serveCompressed} from './static-server.mjs';
import {sitemapPathsIn} from './sitemap.mjs';

const root = path.join(import.meta.dirname, '..');
const [portArg, ...only] = process.argv.slice(2);
const budget = JSON.parse(fs.readFileSync(path.join(root, 'reports', 'js-budget.json'), 'utf8'));
const build = path.resolve(root, process.env.E2E_BUILD_DIR ?? 'build');
const paths = only.length > 0 ? only : sitemapPathsIn(build);
const server = await serveCompressed(build, Number(portArg ?? 3210));
const browser = await chromium.launch({executablePath: findBrowser().executablePath, args: isRoot() ? ['--no-sandbox'] : []});
const kb = (bytes) => (bytes / 1024).toFixed(1);
try {
  console.log(`budget: ${kb(budget.limitBytes)} KB gzip (bare ${budget.barePage} ${kb(budget.bare.gzip)} KB + 30 KB)\n`);
  for (const pathname of paths) {
    // A fresh context per page: a first visit, nothing cached.
    const context = await browser.newContext();
    const page = await context.newPage();
    const measured = await measureScripts(page, `${server.url}${pathname}`);
    await context.close();
    const over = measured.gzip > budget.limitBytes ? `OVER by ${kb(measured.gzip - budget.limitBytes)} KB` : 'within';
    console.log(`${pathname}  ${kb(measured.gzip)} KB gzip in ${measured.scripts.length} scripts  ${over}`);
    for (const script of measured.scripts) console.log(`  ${kb(script.gzip).padStart(6)}  ${script.url}`);
  }
} finally {
  await browser.close();
  await server.close();
}
