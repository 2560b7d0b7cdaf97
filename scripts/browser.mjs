// Finds the Chromium that the end-to-end tests and the scripts drive. Shared by
// playwright.config.ts, scripts/ensure-browser.mjs and the measuring scripts so all agree.
import fs from 'node:fs';

/** Debian's package puts its wrapper here. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * @returns {{executablePath: string | undefined, source: string}}
 * `executablePath` is undefined when Playwright should use its own browser.
 */
export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    return {executablePath: fromEnv, source: `CHROME_PATH (${fromEnv})`};
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) {
    return {executablePath: DEBIAN_CHROMIUM, source: DEBIAN_CHROMIUM};
  }
  return {executablePath: undefined, source: "Playwright's own Chromium"};
}

/** Debian's chromium-headless-shell package: the same Chromium, built to run without a window. */
export const DEBIAN_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/**
 * The Chromium the end-to-end suite drives: Debian's headless shell when it is installed, else
 * `findBrowser`'s. Full Chromium opens a browser window for every test's fresh context and renders its
 * own interface in it (a renderer of its own, a third of a core while it starts); the shell has none,
 * and the suite took about half as long with it (54 tests: 194 s against 109 s, 2 December 2026). Lighthouse
 * and the screenshots keep full Chromium, as readers run it.
 * @returns {{executablePath: string | undefined, source: string}}
 */
export function findTestBrowser() {
  if (!process.env.CHROME_PATH && fs.existsSync(DEBIAN_HEADLESS_SHELL)) {
    return {executablePath: DEBIAN_HEADLESS_SHELL, source: `${DEBIAN_HEADLESS_SHELL} (Debian's headless shell)`};
  }
  return findBrowser();
}

/** True when running as root, where Chromium refuses to start with its sandbox. */
export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
