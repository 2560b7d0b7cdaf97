// How much JavaScript a page downloads: every script response from opening the
// page until the network is idle, summed raw (as the browser runs it) and
// gzip-compressed (level 9, as scripts/static-server.mjs and most CDNs serve it).
// The compressed size is computed from each script's body, so it does not
// depend on whether the server under test compresses. Shared by `npm run
// lighthouse` (which records the bare Docusaurus site's figure in
// reports/js-budget.json) and e2e/pages.spec.ts (which checks every page of ours against it).
import zlib from 'node:zlib';

/** Compressed size of a body, as the budget counts it. */
export function gzipSize(body) {
  return zlib.gzipSync(body, {level: 9}).length;
}

/**
 * Starts counting the scripts `page` downloads; `stop()` ends the count and sums them. For a test
 * that opens the page its own way and checks other things on the same load (e2e/pages.spec.ts).
 * @param {import('@playwright/test').Page} page
 */
export function recordScripts(page) {
  const pending = [];
  const onResponse = (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then(
        (body) => ({url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSize(body)}),
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  return {
    async stop() {
      page.off('response', onResponse);
      const scripts = (await Promise.all(pending)).filter((script) => script !== undefined);
      scripts.sort((a, b) => b.gzip - a.gzip);
      return {
        scripts,
        raw: scripts.reduce((sum, script) => sum + script.raw, 0),
        gzip: scripts.reduce((sum, script) => sum + script.gzip, 0),
      };
    },
  };
}

/**
 * Opens `url` in `page` and sums the scripts it downloads until the network is idle.
 * @param {import('@playwright/test').Page} page
 * @param {string} url
 */
export async function measureScripts(page, url) {
  const recording = recordScripts(page);
  try {
    await page.goto(url);
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.waitForLoadState('networkidle');
  } catch (error) {
    await recording.stop();
    throw error;
  }
  return recording.stop();
}
