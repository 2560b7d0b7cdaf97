// Firefox (Debian's ESR) driven by puppeteer-core over WebDriver BiDi, behind the smoke driver interface (checks.mjs).
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** @returns {Promise<import('./checks.mjs').Driver>} */
export async function openFirefox() {
  const browser = await puppeteer.launch({browser: 'firefox', executablePath: FIREFOX, headless: true});
  const page = await browser.newPage();
  await page.setViewport({width: 1280, height: 900});
  /** What the console says that the page's own recorder cannot see (network errors, for one). */
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The arguments as text (an Error's name and message), not "JSHandle@error".
    void Promise.all(message.args().map((arg) => arg.evaluate((value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value))).catch(() => '?'))).then(
      (parts) => consoleErrors.push(`console: ${parts.join(' ') || message.text()} (${message.location()?.url ?? 'unknown page'})`),
    );
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  /** Control+key (select all, go to the end), then the text typed key by key. */
  const typeAfterControl = async (key, text) => {
    await page.keyboard.down('Control');
    await page.keyboard.press(key);
    await page.keyboard.up('Control');
    await page.keyboard.type(text);
  };
  return {
    name: 'Firefox',
    version: await browser.version(),
    async goto(url) {
      await page.goto(url, {waitUntil: 'load'});
      // The console's events do not say which document they came from: until the new page has loaded,
      // they may be the last page's (a script it was still loading when the test moved on). The page's
      // own recorder (recorder.js) covers the new page from its first script.
      consoleErrors.length = 0;
    },
    evaluate: (source, ...args) => page.evaluate(`(${source})(...${JSON.stringify(args)})`),
    async click(selector) {
      await page.click(selector);
    },
    async fill(selector, text) {
      await page.focus(selector);
      await typeAfterControl('a', text);
    },
    async typeAtEnd(selector, text) {
      await page.click(selector);
      await typeAfterControl('End', text);
    },
    consoleErrors: () => [...consoleErrors],
    close: () => browser.close(),
  };
}
