import {defineConfig, devices} from '@playwright/test';
import {findTestBrowser, isRoot} from './scripts/browser.mjs';

/**
 * The production build is served here for the tests (see `npm run serve`).
 * E2E_PORT and E2E_BUILD_DIR let two checkouts' suites run side by side.
 */
export const PORT = Number(process.env.E2E_PORT ?? 3210);
const BUILD_DIR = process.env.E2E_BUILD_DIR ?? 'build';
const browser = findTestBrowser();

/** Debian's Chromium (its headless shell where installed: scripts/browser.mjs), as the tests drive it. */
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: browser.executablePath,
    args: [
      ...(isRoot() ? ['--no-sandbox'] : []),
      '--disable-dev-shm-usage',
      // The browser's own background traffic (updates, sync) has nowhere to go offline.
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // A test that passes only on a second try is a defect to fix, not to retry.
  retries: 0,
  // Tests wait for state, never for time, so these limits cost nothing when the state comes; they
  // only say how long a loaded machine may take before a test is called failed. CI shares this
  // 2-core machine: at a load average of 25, one axe scan of a long chapter took over 60 s, and the
  // whole test (open, hydrate, scan) over the old 60 s limit.
  timeout: 180_000,
  // A page can take far longer than the default 5 s to hydrate or redraw under load (a capstone
  // test failed at 15 s with a load average of 55).
  expect: {timeout: 30_000},
  // Each build folder gets its own artifacts folder, so side-by-side runs do not wipe each other's.
  outputDir: `test-results/playwright-${BUILD_DIR}`,
  reporter: [['list'], ['json', {outputFile: BUILD_DIR === 'build' ? 'test-results/playwright.json' : `test-results/playwright-${BUILD_DIR}.json`}]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Off: recording a trace (DOM snapshots at every step) made tests about a third slower, and CI keeps no
    // artifacts. To see a failure step by step, run `npx playwright test <file> --trace retain-on-failure`.
    trace: 'off',
    // The offline copy's service worker precaches the whole site (a few hundred files) on a first visit,
    // and every test opens a fresh browser context, so with it allowed every test paid for that download
    // and its cache writes (a sixth of the suite's time on 2 December 2026). It is blocked here
    // and allowed where a test is about it or waits for it (OFFLINE_WORKER_ALLOWED, e2e/fixtures.ts).
    serviceWorkers: 'block',
  },
  projects: [
    {name: 'chromium', testIgnore: '**/*.alone.spec.ts', use: chromium},
    // Tests that time the page's main thread (long tasks) run after every other test, one at a time, so another
    // test's browser on the second core does not stretch the tasks they time. Named *.alone.spec.ts.
    {name: 'chromium, alone', testMatch: '**/*.alone.spec.ts', dependencies: ['chromium'], workers: 1, use: chromium},
  ],
  webServer: {
    command: `npx docusaurus serve --dir ${BUILD_DIR} --port ${PORT} --host 127.0.0.1 --no-open`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
