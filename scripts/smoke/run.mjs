// `npm run test:browsers`: the smoke suite in Firefox and WebKit (Playwright's suite covers Chromium).
// Serves the build (server.mjs), then runs every check (checks.mjs) in each engine, the engines side by side, and
// writes the totals to test-results/smoke.json for `npm test`'s totals line.
//
// Usage: node scripts/smoke/run.mjs [--browsers firefox,webkit] [--dir build]
// Ports: SMOKE_PORT (the site, default 3215) and SMOKE_PORT + 1 (WebKitWebDriver).
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {serveForSmoke} from './server.mjs';
import {sitemapPathsIn} from '../sitemap.mjs';
import {smokeChecks} from './checks.mjs';
import {openFirefox} from './firefox.mjs';
import {openWebKit} from './webkit.mjs';

const {values} = parseArgs({options: {browsers: {type: 'string', default: 'firefox,webkit'}, dir: {type: 'string', default: 'build'}}});
const port = Number(process.env.SMOKE_PORT ?? 3215);
const reportFile = path.join('test-results', 'smoke.json');

const paths = sitemapPathsIn(values.dir);
const only = process.env.SMOKE_ONLY; // a check name's start, for debugging
const engines = {firefox: () => openFirefox(), webkit: () => openWebKit(port + 1)};

/**
 * Runs every check in one engine and returns its report: the engines run side by side (each drives its own
 * browser, and CI's two cores would otherwise idle through half of each check's waits), so each one's lines
 * are kept and printed after, one engine at a time.
 */
async function runEngine(name) {
  const lines = [];
  const result = {passed: 0, failed: 0, lines};
  const open = engines[name];
  if (!open) throw new Error(`unknown browser "${name}" (firefox, webkit)`);
  const started = Date.now();
  const checks = smokeChecks(paths).filter((check) => !only || check.name.startsWith(only));
  let driver;
  try {
    driver = await open();
  } catch (error) {
    lines.push(`✘ ${name} did not start: ${error.message}`);
    result.failed += checks.length;
    return result;
  }
  lines.push(`\n${driver.name} (${driver.version})`);
  try {
    for (const check of checks) {
      const t0 = Date.now();
      try {
        await check.run(driver, server.url);
        result.passed += 1;
        lines.push(`  ✓ ${check.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (error) {
        result.failed += 1;
        lines.push(`  ✘ ${check.name}\n    ${String(error.message ?? error).split('\n').join('\n    ')}`);
      }
    }
  } finally {
    await driver.close();
  }
  lines.push(`  ${driver.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const totals = {passed: 0, failed: 0};
fs.rmSync(reportFile, {force: true});
const server = await serveForSmoke(values.dir, port);
try {
  const results = await Promise.all(values.browsers.split(',').map((name) => runEngine(name)));
  for (const result of results) {
    console.log(result.lines.join('\n'));
    totals.passed += result.passed;
    totals.failed += result.failed;
  }
} finally {
  await server.close();
}

console.log(`\nSmoke suites: ${totals.passed} passed, ${totals.failed} failed`);
fs.mkdirSync(path.dirname(reportFile), {recursive: true});
fs.writeFileSync(reportFile, JSON.stringify(totals));
process.exit(totals.failed ? 1 : 0);
