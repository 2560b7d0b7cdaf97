// Finds the Chromium that the end-to-end tests drive. Shared by
// playwright.config.ts and scripts/ensure-browser.mjs so both agree.
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

/** True when running as root, where Chromium refuses to start with its sandbox. */
export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
