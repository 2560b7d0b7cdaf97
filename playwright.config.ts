import {defineConfig, devices} from '@playwright/test';
import {findBrowser, isRoot} from './scripts/browser.mjs';

/** The production build is served here for the tests (see `npm run serve`). */
export const PORT = 3210;
const browser = findBrowser();

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', {outputFile: 'test-results/playwright.json'}]],
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
    command: `npx docusaurus serve --port ${PORT} --host 127.0.0.1 --no-open`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
