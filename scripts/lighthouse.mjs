// `npm run lighthouse`: Lighthouse on Failover Lab beside a bare Docusaurus site.
//
//   1. builds this site (skip with --no-build; --build-dir DIR to use another folder than build/);
//   2. generates a bare Docusaurus classic site of the same version in a temporary folder
//      (`create-docusaurus … classic --typescript`), reusing this repo's node_modules when the
//      versions match, and builds it, and a copy of it with our glossary's text as one more page
//      (scripts/bare-site.mjs), shown beside our glossary;
//   3. serves them with brotli/gzip (scripts/static-server.mjs), every file compressed before the first
//      measurement, as a CDN serves them;
//   4. runs Lighthouse (mobile and desktop presets, --runs N times each, default 3) on our home page,
//      a chapter with a lab, a docs page without widgets, the playground and the progress page, and
//      on the bare site's home and docs page, interleaved so that machine noise hits both alike;
//   5. sweeps every other page of the sitemap: mobile, --sweep-runs times (default 3), with one run of the
//      bare docs page after each page, so that the bare page is measured across the same minutes as the
//      pages; each page is held to the bare docs page of the same run (performance at least the lowest
//      score the bare page got in the run, its own spread; JavaScript on the wire at most its figure plus 30 KB);
//   6. writes the medians to reports/lighthouse.md (and every run to reports/lighthouse.json), and
//      records the bare docs page's JavaScript weight in reports/js-budget.json for e2e/pages.spec.ts.
//
// Options:
//   --no-build            reuse an existing build instead of building this site first;
//   --build-dir DIR       the build to serve (default build/);
//   --runs N              Lighthouse runs per page and preset (default 3);
//   --pages KEY,KEY…      measure only these pages (keys of PAGES below: home, lab-chapter, no-widgets,
//                         playground, progress, bare-home, bare-docs, bare-glossary), always with the bare pages they
//                         are compared with, to iterate on one page quickly. Such a partial run does not
//                         touch reports/: it prints the medians and budgets and writes its report to
//                         $TMPDIR/failover-lab-lighthouse-pages/, and it skips the JavaScript budget;
//   --presets mobile      only the mobile (or desktop) preset, for the same quick iterations
//                         (a run with one preset is partial too);
//   --sweep-runs N        runs per page in the sweep of every page (default 3, their median is held to the
//                         budget; 0 skips the sweep);
//   --sweep PATH,PATH…    sweep only these pages (a partial run);
//   --throttling devtools Lighthouse slows the browser and its network for real instead of simulating them
//                         from an unthrottled load (its default, `simulate`); a partial run, for comparing the
//                         two methods: simulated LCP counts every script that ran before the unthrottled load
//                         first painted, so on a fast local server it varies with the order of a few
//                         milliseconds' work (2.0 or 3.0 s on the same page, same build).
//
// Measure on a quiet machine: other builds running at the same time lower the scores.
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from '@playwright/test';
import {findBrowser, isRoot} from './browser.mjs';
import {serveCompressed} from './static-server.mjs';
import {measureScripts} from './js-weight.mjs';
import {sitemapPathsIn} from './sitemap.mjs';
import {SAME_TEXT_PATH, buildBareSites} from './bare-site.mjs';
import {CATEGORIES, benchmarkRange, extract, kb, performanceCell, seconds, summarize, sweepFloor, whole} from './lighthouse-figures.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};

const RUNS = Number(option('--runs', '3'));
const BUILD_DIR = path.resolve(ROOT, option('--build-dir', 'build'));
const OURS_PORT = 3281;
const BARE_PORT = 3282;
const SAME_TEXT_PORT = 3283;
const DOCUSAURUS_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@docusaurus/core/package.json'), 'utf8')).version;
const PRESETS = option('--presets', 'mobile,desktop')
  .split(',')
  .filter((preset) => ['mobile', 'desktop'].includes(preset));
if (PRESETS.length === 0) throw new Error('--presets takes mobile, desktop or mobile,desktop');
const JS_ALLOWANCE_BYTES = 30 * 1024;

/**
 * The pages measured; `anchor` is the bare site's page each one is compared with (its budget), and
 * `sameText` the bare site carrying the page's own text (shown beside it, not a budget).
 */
const PAGES = [
  {site: 'ours', key: 'home', label: 'Home', path: '/', anchor: 'bare-home'},
  {site: 'ours', key: 'lab-chapter', label: 'Chapter with a lab (/docs/load-balancers-health-checks)', path: '/docs/load-balancers-health-checks', anchor: 'bare-docs'},
  {site: 'ours', key: 'no-widgets', label: 'Docs page without widgets (/docs/reference/glossary)', path: '/docs/reference/glossary', anchor: 'bare-docs', sameText: 'bare-glossary'},
  {site: 'ours', key: 'playground', label: 'Playground', path: '/playground', anchor: 'bare-docs'},
  {site: 'ours', key: 'progress', label: 'Progress', path: '/progress', anchor: 'bare-docs'},
  {site: 'bare', key: 'bare-home', label: 'Bare Docusaurus home', path: '/'},
  {site: 'bare', key: 'bare-docs', label: 'Bare Docusaurus docs page (/docs/intro)', path: '/docs/intro'},
  {site: 'sameText', key: 'bare-glossary', label: 'Bare Docusaurus with our glossary as a page', path: SAME_TEXT_PATH},
];

/** The pages this run measures: all of them, or those named by --pages plus their bare anchors. */
function selectPages() {
  const wanted = option('--pages', undefined);
  if (flag('--pages') && !wanted) throw new Error('--pages needs a comma-separated list of page keys');
  if (!wanted) return PAGES;
  const keys = new Set(wanted.split(',').map((key) => key.trim()).filter(Boolean));
  const unknown = [...keys].filter((key) => !PAGES.some((page) => page.key === key));
  if (unknown.length > 0) throw new Error(`unknown page key(s) ${unknown.join(', ')}; known: ${PAGES.map((page) => page.key).join(', ')}`);
  for (const page of PAGES) if (keys.has(page.key)) for (const other of [page.anchor, page.sameText]) if (other) keys.add(other);
  return PAGES.filter((page) => keys.has(page.key));
}

const SELECTED = selectPages();
// Three runs a page, not one: a single run of a page that scores like the bare page falls under the bare page's
// lowest of some twenty runs by chance alone (which pages missed changed from run to run on 3 December).
const SWEEP_RUNS = Number(option('--sweep-runs', '3'));
const THROTTLING = option('--throttling', 'simulate');
if (!['simulate', 'devtools'].includes(THROTTLING)) throw new Error('--throttling takes simulate (the default) or devtools');

/** Every page of our sitemap that the detailed runs above do not measure. */
function sweepPages() {
  if (SWEEP_RUNS < 1 || !SELECTED.some((page) => page.key === 'bare-docs')) return [];
  const wanted = option('--sweep', undefined);
  if (wanted) return wanted.split(',');
  const detailed = new Set(PAGES.filter((page) => page.site === 'ours').map((page) => page.path));
  return sitemapPathsIn(BUILD_DIR).filter((pathname) => !detailed.has(pathname));
}

const PARTIAL = SELECTED.length < PAGES.length || PRESETS.length < 2 || flag('--sweep') || SWEEP_RUNS < 1 || THROTTLING !== 'simulate';
const REPORT_DIR = PARTIAL ? path.join(os.tmpdir(), 'failover-lab-lighthouse-pages') : path.join(ROOT, 'reports');

const log = (message) => console.log(`[lighthouse] ${message}`);
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

function run(command, commandArgs, cwd) {
  log(`$ ${command} ${commandArgs.join(' ')}${cwd === ROOT ? '' : `   (in ${cwd})`}`);
  const result = spawnSync(command, commandArgs, {cwd, stdio: 'inherit'});
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function buildOurs() {
  if (flag('--no-build')) {
    log(`using the existing build in ${path.relative(ROOT, BUILD_DIR)}/`);
    return;
  }
  run('npx', ['docusaurus', 'build', '--out-dir', BUILD_DIR], ROOT);
}

/**
 * One Lighthouse run through its CLI, with the Chromium the tests use. Asynchronous: the
 * static servers run in this process and must keep answering while Lighthouse loads pages.
 */
async function lighthouse(url, preset) {
  const output = path.join(os.tmpdir(), `failover-lab-lh-${process.pid}.json`);
  const browser = findBrowser();
  const cliArgs = [
    path.join(ROOT, 'node_modules/lighthouse/cli/index.js'),
    url,
    '--output=json',
    `--output-path=${output}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--quiet',
    `--throttling-method=${THROTTLING}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {...process.env, ...(browser.executablePath ? {CHROME_PATH: browser.executablePath} : {})},
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(undefined) : reject(new Error(`lighthouse ${url} exited with ${code ?? signal}`))));
  });
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  fs.rmSync(output, {force: true});
  return report;
}

/** The budgets of the "measured quality" issue, checked against the medians. */
function checkBudgets(medians, jsBudget, sweep = {}, floor = undefined) {
  const results = [];
  const bareDocs = medians['bare-docs']?.mobile;
  if (bareDocs && floor !== undefined) {
    const jsLimit = bareDocs.jsTransferBytes + JS_ALLOWANCE_BYTES;
    for (const [pathname, m] of Object.entries(sweep)) {
      results.push({budget: `${pathname}, mobile performance ≥ the bare docs page's lowest in this run (${floor})`, value: m.scores.performance, ok: m.scores.performance >= floor});
      results.push({budget: `${pathname}, JS on the wire ≤ bare docs page + 30 KB (${kb(jsLimit)} KB)`, value: `${kb(m.jsTransferBytes)} KB`, ok: m.jsTransferBytes <= jsLimit});
    }
  }
  for (const page of SELECTED.filter((p) => p.site === 'ours')) {
    for (const preset of PRESETS) {
      const m = medians[page.key][preset];
      for (const id of ['accessibility', 'best-practices', 'seo']) {
        results.push({budget: `${page.label}, ${preset}: ${id} 100`, value: m.scores[id], ok: m.scores[id] === 100});
      }
    }
    if (!medians[page.key].mobile) continue;
    const mobile = medians[page.key].mobile.scores.performance;
    const anchor = medians[page.anchor].mobile.scores.performance;
    if (page.key === 'no-widgets') {
      results.push({budget: `${page.label}, mobile performance ≥ bare docs page (${anchor})`, value: mobile, ok: mobile >= anchor});
    } else if (page.key === 'playground') {
      results.push({budget: `${page.label}, mobile performance ≥ 90`, value: mobile, ok: mobile >= 90});
    } else if (page.key === 'lab-chapter') {
      results.push({budget: `${page.label}, mobile performance ≥ 95`, value: mobile, ok: mobile >= 95});
    } else {
      // Home and progress have no lab and no live code: held to the bare site's docs page like a chapter without one.
      results.push({budget: `${page.label}, mobile performance ≥ bare site (${anchor})`, value: mobile, ok: mobile >= anchor});
    }
  }
  if (jsBudget) {
    results.push({
      budget: `Docs page without widgets: JS ≤ bare docs page + 30 KB gzip (${kb(jsBudget.limitBytes)} KB)`,
      value: `${kb(jsBudget.ours.gzip)} KB`,
      ok: jsBudget.ours.gzip <= jsBudget.limitBytes,
    });
  }
  return results;
}

function writeReport({medians, allRuns, jsBudget, meta, sweep, bareBeside}) {
  fs.mkdirSync(REPORT_DIR, {recursive: true});
  const floor = sweepFloor(allRuns, bareBeside);
  fs.writeFileSync(path.join(REPORT_DIR, 'lighthouse.json'), `${JSON.stringify({meta, medians, sweep, sweepFloor: floor, runs: {...allRuns, 'bare-docs-between-sweep-pages': bareBeside}}, null, 2)}\n`);
  const budgets = checkBudgets(medians, jsBudget, sweep, floor);
  const lines = [];
  lines.push('# Lighthouse: Failover Lab beside a bare Docusaurus site', '');
  lines.push(`Written by \`npm run lighthouse\` on ${meta.finishedAt}. Do not edit by hand: run it again.`, '');
  if (PARTIAL) lines.push(`Partial run (\`--pages\`, \`--presets\`, \`--sweep\`, \`--throttling\`): ${SELECTED.map((page) => page.key).join(', ')}; ${PRESETS.join(' and ')}; ${THROTTLING} throttling.`, '');
  lines.push('## How it was measured', '');
  lines.push(
    `- Lighthouse ${meta.lighthouseVersion} (CLI, \`--chrome-flags="--headless=new --no-sandbox --disable-gpu"\`) driving ${meta.browser}, on a ${meta.cpus}-core machine (load average at start ${meta.loadAtStart}, at end ${meta.loadAtEnd}).`,
    `- The machine's speed: Lighthouse's CPU benchmark (\`benchmarkIndex\`, higher is faster), taken at every load of this run, was ${meta.benchmarkIndex ? `${meta.benchmarkIndex.median} (${meta.benchmarkIndex.min}–${meta.benchmarkIndex.max}) over ${meta.benchmarkIndex.loads} loads` : 'not reported'}, recorded so that runs on different days can be compared. Lighthouse's 4× CPU slowdown assumes a high-end desktop, 1,500–2,000 in its [throttling guide](https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md#benchmarking-cpu-power); it stays 4× whatever the figure.`,
    `- All the sites are production builds served by \`scripts/static-server.mjs\`, which compresses with brotli (or gzip) as a CDN does, every file before the first measurement (so that no page waits for its own compression, as a page measured once otherwise would). \`docusaurus serve\` would send everything uncompressed and understate every site.`,
    `- The bare site is \`create-docusaurus@${DOCUSAURUS_VERSION} classic --typescript\`, generated into a temporary folder and built with the same Docusaurus, React and bundler as this site; it is not committed.`,
    `- Mobile is Lighthouse's default (Moto G Power emulation, ${THROTTLING === 'simulate' ? 'simulated' : 'real (`--throttling-method=devtools`)'} slow 4G and 4× CPU slowdown); desktop is \`--preset=desktop\`. ${meta.runs} run${meta.runs === 1 ? '' : 's'} per page and preset, interleaved between the sites; every figure below is the median of its runs, taken metric by metric.`,
    '- Every course chapter has an interactive element by design, so the "chapter without widgets" is the glossary, a docs page with no widget and no live code (`/docs/reference/glossary`).',
    `- "Bare with the same text" is a copy of the bare site with one page more: our glossary's Markdown (its heading anchors dropped for the bare site's MDX defaults, its links pointed at the bare site's docs page), built by the same Docusaurus (\`scripts/bare-site.mjs\`). It shows what plain Docusaurus scores with a page as long as ours (the bare docs page has about 1,200 characters of text, the glossary 22,000); it is shown beside the budget, not used in it.`,
    '- JS is the JavaScript the page downloaded during the Lighthouse run: compressed is the bytes on the wire (as served, brotli or gzip), raw is the size the browser parses.',
    '',
  );
  for (const preset of PRESETS) {
    lines.push(`## ${preset === 'mobile' ? 'Mobile' : 'Desktop'}`, '');
    lines.push('| page | site | performance | accessibility | best practices | SEO | JS compressed (KB) | JS raw (KB) | LCP (s) | TBT (ms) | CLS |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const page of SELECTED.filter((p) => p.site === 'ours')) {
      const rows = [
        ['Failover Lab', page.key],
        [`bare (${PAGES.find((p) => p.key === page.anchor).path})`, page.anchor],
        ...(page.sameText ? [[`bare with the same text (${PAGES.find((p) => p.key === page.sameText).path})`, page.sameText]] : []),
      ];
      for (const [site, key] of rows) {
        const m = medians[key][preset];
        lines.push(
          `| ${site === 'Failover Lab' ? page.label : ''} | ${site} | ${performanceCell(m)} | ${whole(m.scores.accessibility)} | ${whole(m.scores['best-practices'])} | ${whole(m.scores.seo)} | ${kb(m.jsTransferBytes)} | ${kb(m.jsResourceBytes)} | ${seconds(m.lcpMs)} | ${whole(m.tbtMs)} | ${m.cls === undefined ? '–' : m.cls.toFixed(3)} |`,
        );
      }
    }
    lines.push('', 'Performance shows the median and, in brackets, the lowest and highest of the runs when they differ.', '');
  }
  if (Object.keys(sweep).length > 0) {
    lines.push(`## Every page (mobile, ${SWEEP_RUNS === 1 ? 'one run' : `median of ${SWEEP_RUNS} runs`} each)`, '');
    lines.push('| page | performance | accessibility | best practices | SEO | JS compressed (KB) | LCP (s) | TBT (ms) |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    const sweepRow = (label, m) =>
      `| ${label} | ${performanceCell(m)} | ${whole(m.scores.accessibility)} | ${whole(m.scores['best-practices'])} | ${whole(m.scores.seo)} | ${kb(m.jsTransferBytes)} | ${seconds(m.lcpMs)} | ${whole(m.tbtMs)} |`;
    for (const [pathname, m] of Object.entries(sweep)) lines.push(sweepRow(pathname, m));
    if (bareBeside.length > 0) {
      const m = summarize(bareBeside);
      lines.push(sweepRow(`bare (/docs/intro), once after each page above: median of ${m.runs}`, m));
    }
    lines.push('', `Each page is held to the lowest score of the bare docs page in this run (${floor ?? '–'}), counting its runs above and those between these pages: ${SWEEP_RUNS === 1 ? 'one run of a page is' : `the median of a page's ${SWEEP_RUNS} runs is`} compared with single runs of the bare page, measured in the same minutes.`, '');
  }
  lines.push('## Budgets', '');
  lines.push('| budget | measured | holds |', '|---|---:|:---:|');
  for (const result of budgets) lines.push(`| ${result.budget} | ${result.value} | ${result.ok ? 'yes' : '**no**'} |`);
  lines.push('');
  if (jsBudget) {
    lines.push('## JavaScript budget (guarded on every page by e2e/pages.spec.ts)', '');
    lines.push(
      `Measured with Playwright by \`scripts/js-weight.mjs\` (every script a page downloads until the network is idle, each gzip-compressed at level 9): the bare docs page loads ${jsBudget.bare.scripts} scripts, ${kb(jsBudget.bare.gzip)} KB compressed (${kb(jsBudget.bare.raw)} KB raw); our glossary loads ${jsBudget.ours.scripts} scripts, ${kb(jsBudget.ours.gzip)} KB compressed (${kb(jsBudget.ours.raw)} KB raw). The limit recorded in \`reports/js-budget.json\` is the bare figure plus 30 KB: ${kb(jsBudget.limitBytes)} KB.`,
      '',
    );
  }
  lines.push('## What still costs points', '');
  let anyLost = false;
  for (const page of SELECTED) {
    for (const preset of PRESETS) {
      const m = medians[page.key][preset];
      const parts = CATEGORIES.filter((id) => m.lost[id].length > 0 && (id !== 'performance' || m.scores.performance < 100)).map(
        (id) => `${id}: ${m.lost[id].join(', ')}`,
      );
      if (parts.length > 0) {
        anyLost = true;
        lines.push(`- ${page.label}, ${preset}: ${parts.join('; ')}`);
      }
    }
  }
  if (!anyLost) lines.push('- Nothing: every audit passes on every page.');
  lines.push('');
  fs.writeFileSync(path.join(REPORT_DIR, 'lighthouse.md'), lines.join('\n'));
  if (PARTIAL) console.log(lines.join('\n'));
  return budgets;
}

async function measureJsBudget(oursUrl, bareUrl) {
  const browser = await chromium.launch({
    executablePath: findBrowser().executablePath,
    args: [...(isRoot() ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
  });
  try {
    const measure = async (url) => {
      const context = await browser.newContext();
      const result = await measureScripts(await context.newPage(), url);
      await context.close();
      return {scripts: result.scripts.length, raw: result.raw, gzip: result.gzip};
    };
    const bare = await measure(`${bareUrl}/docs/intro`);
    const ours = await measure(`${oursUrl}/docs/reference/glossary`);
    return {bare, ours, limitBytes: bare.gzip + JS_ALLOWANCE_BYTES};
  } finally {
    await browser.close();
  }
}

fs.mkdirSync(REPORT_DIR, {recursive: true});
if (PARTIAL) log(`partial run: ${SELECTED.map((page) => page.key).join(', ')}, ${PRESETS.join(' and ')}, ${THROTTLING} throttling; reports/ is left as it is`);
const started = Date.now();
const loadAtStart = loadAverage();
log(`load average ${loadAtStart} on ${os.cpus().length} cores${os.loadavg()[0] > 1.5 ? ': the machine is busy, scores will be lower and noisier' : ''}`);
buildOurs();
const {bareBuild, sameTextBuild} = buildBareSites({root: ROOT, docusaurusVersion: DOCUSAURUS_VERSION, log, run});

// Every file of every build is compressed before the first measurement, as a CDN serves them: a page
// measured once (the sweep) would otherwise wait for its HTML's compression in its time to first byte.
log('compressing every build ahead of the measurements');
const ours = await serveCompressed(BUILD_DIR, OURS_PORT, {precompress: true});
const bare = await serveCompressed(bareBuild, BARE_PORT, {precompress: true});
const sameText = await serveCompressed(sameTextBuild, SAME_TEXT_PORT, {precompress: true});
try {
  const base = {ours: ours.url, bare: bare.url, sameText: sameText.url};

  const allRuns = {};
  for (const page of SELECTED) allRuns[page.key] = {mobile: [], desktop: []};
  const total = RUNS * PRESETS.length * SELECTED.length;
  let done = 0;
  for (let runIndex = 0; runIndex < RUNS; runIndex++) {
    for (const preset of PRESETS) {
      for (const page of SELECTED) {
        const url = `${base[page.site]}${page.path}`;
        const result = extract(await lighthouse(url, preset));
        allRuns[page.key][preset].push(result);
        done++;
        log(
          `${done}/${total} ${page.site} ${page.path} ${preset}: performance ${result.scores.performance}, accessibility ${result.scores.accessibility}, best practices ${result.scores['best-practices']}, SEO ${result.scores.seo}, LCP ${seconds(result.lcpMs)} s, TBT ${whole(result.tbtMs)} ms, JS ${kb(result.jsTransferBytes)} KB`,
        );
      }
    }
  }

  const medians = {};
  for (const page of SELECTED) {
    medians[page.key] = Object.fromEntries(PRESETS.map((preset) => [preset, summarize(allRuns[page.key][preset])]));
  }

  // The sweep: every other page, mobile only, each followed by a run of the bare docs page, which they are held to.
  const sweep = {};
  const sweepRuns = {};
  const bareBeside = [];
  if (PRESETS.includes('mobile')) {
    const pages = sweepPages();
    const bareDocsUrl = `${base.bare}${PAGES.find((page) => page.key === 'bare-docs').path}`;
    for (const [index, pathname] of pages.entries()) {
      const runs = [];
      for (let runIndex = 0; runIndex < SWEEP_RUNS; runIndex++) runs.push(extract(await lighthouse(`${base.ours}${pathname}`, 'mobile')));
      sweep[pathname] = summarize(runs);
      sweepRuns[pathname] = runs;
      bareBeside.push(extract(await lighthouse(bareDocsUrl, 'mobile')));
      log(
        `sweep ${index + 1}/${pages.length} ${pathname} mobile: performance ${sweep[pathname].scores.performance}, JS ${kb(sweep[pathname].jsTransferBytes)} KB, TBT ${whole(sweep[pathname].tbtMs)} ms; then the bare docs page: ${bareBeside.at(-1).scores.performance}`,
      );
    }
  }

  const finishedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  let jsBudget;
  if (!PARTIAL) {
    log('measuring the JavaScript budget with Playwright');
    jsBudget = await measureJsBudget(ours.url, bare.url);
    fs.writeFileSync(
      path.join(ROOT, 'reports/js-budget.json'),
      `${JSON.stringify(
        {
          description:
            'JavaScript budget for every page: at most the bare Docusaurus docs page plus 30 KB, gzip-compressed. Checked on every page by e2e/pages.spec.ts.',
          how: 'scripts/js-weight.mjs: every script a page downloads from navigation until the network is idle (a first visit, as a reader’s), each gzip-compressed at level 9, summed. The bare site is create-docusaurus classic --typescript of the same Docusaurus version, built and served by `npm run lighthouse`, which rewrites this file.',
          measuredAt: finishedAt,
          docusaurusVersion: DOCUSAURUS_VERSION,
          barePage: '/docs/intro',
          bare: jsBudget.bare,
          allowanceBytes: JS_ALLOWANCE_BYTES,
          limitBytes: jsBudget.limitBytes,
          oursAtMeasurement: {page: '/docs/reference/glossary', ...jsBudget.ours},
        },
        null,
        2,
      )}\n`,
    );
  }

  const meta = {
    finishedAt,
    lighthouseVersion: JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version,
    browser: execFileSync(findBrowser().executablePath ?? chromium.executablePath(), ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})
      .trim()
      .replace(/ built on.*/, ''),
    cpus: os.cpus().length,
    loadAtStart,
    loadAtEnd: loadAverage(),
    runs: RUNS,
    benchmarkIndex: benchmarkRange([...Object.values(allRuns).flatMap((byPreset) => [...byPreset.mobile, ...byPreset.desktop]), ...Object.values(sweepRuns).flat(), ...bareBeside]),
    minutes: Number(((Date.now() - started) / 60000).toFixed(1)),
  };
  const budgets = writeReport({medians, allRuns, jsBudget, meta, sweep, bareBeside});
  log(
    PARTIAL
      ? `wrote ${REPORT_DIR}/lighthouse.md and lighthouse.json in ${meta.minutes} min`
      : `wrote reports/lighthouse.md, reports/lighthouse.json and reports/js-budget.json in ${meta.minutes} min`,
  );
  for (const result of budgets) log(`${result.ok ? 'holds ' : 'MISSED'}  ${result.budget}: ${result.value}`);
} finally {
  await ours.close();
  await bare.close();
  await sameText.close();
}
