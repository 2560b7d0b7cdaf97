import {defineConfig, devices} from '@playwright/test';
import {findBrowser, isRoot} from './scripts/browser.mjs';

/**
 * The production build is served here for the tests (see `npm run serve`).
 * E2E_PORT and E2E_BUILD_DIR let two checkouts' suites run side by side.
 */
export const PORT = Number(process.env.E2E_PORT ?? 3210);
const BUILD_DIR = process.env.E2E_BUILD_DIR ?? 'build';
const browser = findBrowser();

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  // Web-first assertions wait for state; on this shared 2-core machine, under load, a page can take
  // longer than the default 5 s to hydrate (a capstone test failed so with a load average of 55).
  expect: {timeout: 15_000},
  // Each build folder gets its own artifacts folder, so side-by-side runs do not wipe each other's.
  outputDir: `test-results/playwright-${BUILD_DIR}`,
  reporter: [['list'], ['json', {outputFile: BUILD_DIR === 'build' ? 'test-results/playwright.json' : `test-results/playwright-${BUILD_DIR}.json`}]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
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
      },
    },
  ],
  webServer: {
    command: `npx docusaurus serve --dir ${BUILD_DIR} --port ${PORT} --host 127.0.0.1 --no-open`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
