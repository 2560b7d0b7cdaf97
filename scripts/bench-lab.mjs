// Measures, in the browser, how long the lab takes from an input to the frame
// that shows the redrawn chart, for a 1-hour and a 24-hour model. The engine
// runs in the lab's worker, so that is the input's own frame plus the run's
// round trip and the redraw; the first frame after the input (the page's own
// responsiveness) is measured beside it.
// Usage: npm run build && npm run bench:lab   (BENCH_LAB_PORT=… to serve on another port than 3212)
import {chromium} from '@playwright/test';
import {findBrowser, isRoot} from './browser.mjs';
import {serveBuild} from './serve.mjs';

const PORT = Number(process.env.BENCH_LAB_PORT ?? 3212);
const RUNS = 25;

/** The same service as a share link would carry it: 3 zones, 6 tasks, a zone outage. */
function modelParam(durationSeconds) {
  const model = {
    zones: ['use1-az1', 'use1-az2', 'use1-az4'],
    service: {desiredCount: 6},
    traffic: {requestsPerSecond: 400},
    faults: [{kind: 'zoneOutage', zone: 'use1-az2', at: 600, duration: 900}],
    durationSeconds,
  };
  return `v1.${Buffer.from(JSON.stringify(model)).toString('base64url')}`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const stopServer = await serveBuild(PORT);

try {
  const browser = await chromium.launch({
    executablePath: findBrowser().executablePath,
    args: [...(isRoot() ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
  });
  const rows = [];
  for (const [label, duration] of [
    ['1 h', 3600],
    ['24 h', 86_400],
  ]) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`http://127.0.0.1:${PORT}/playground?model=${modelParam(duration)}`);
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.getByLabel('Load', {exact: true}).waitFor();
    const times = await page.evaluate(async (runs) => {
      const input = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Load')?.control;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const figure = document.querySelector('figure');
      const chart = () => figure.querySelector('svg').innerHTML;
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const results = [];
      for (let i = 0; i < runs; i++) {
        const before = chart();
        // Resolves once React has written a different chart into the figure.
        const redrawn = new Promise((resolve, reject) => {
          const give = setTimeout(() => reject(new Error('The chart did not change within 5 s.')), 5000);
          const observer = new MutationObserver(() => {
            if (chart() === before) return;
            observer.disconnect();
            clearTimeout(give);
            resolve();
          });
          observer.observe(figure, {childList: true, subtree: true, attributes: true, characterData: true});
        });
        const started = performance.now();
        setValue.call(input, String(400 + ((i % 2) + 1) * 10 + i));
        input.dispatchEvent(new Event('input', {bubbles: true}));
        const firstFrame = (await nextFrame()) - started;
        await redrawn;
        // The frame after the chart changed is when the reader sees it.
        const chartFrame = (await nextFrame()) - started;
        results.push({firstFrame, chartFrame});
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return results;
    }, RUNS);
    const chart = times.map((t) => t.chartFrame);
    rows.push({label, median: median(chart), max: Math.max(...chart), firstFrame: median(times.map((t) => t.firstFrame))});
    await page.close();
  }
  await browser.close();
  console.log('| model | median input → frame with the redrawn chart (ms) | slowest (ms) | median input → next frame (ms) |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.label} | ${row.median.toFixed(1)} | ${row.max.toFixed(1)} | ${row.firstFrame.toFixed(1)} |`);
} finally {
  stopServer();
}
