// Takes screenshots of pages of the built site, in light and dark theme, at
// desktop and phone widths, into screenshots/ (not committed). Usage:
//   npm run build && npm run screenshots -- / /docs/intro
import fs from 'node:fs';
import {chromium} from '@playwright/test';
import {findBrowser, isRoot} from './browser.mjs';
import {serveBuild} from './serve.mjs';

// SCREENSHOT_PORT lets several checkouts take screenshots side by side.
const PORT = Number(process.env.SCREENSHOT_PORT ?? 3211);
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/docs/intro'];
const widths = [1280, 375];
const themes = ['light', 'dark'];

const stopServer = await serveBuild(PORT);

try {
  const browser = await chromium.launch({
    executablePath: findBrowser().executablePath,
    args: [...(isRoot() ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
  });
  fs.mkdirSync('screenshots', {recursive: true});
  for (const pathname of paths) {
    for (const width of widths) {
      for (const theme of themes) {
        const page = await browser.newPage({viewport: {width, height: width > 600 ? 900 : 800}, colorScheme: theme});
        await page.goto(`http://127.0.0.1:${PORT}${pathname}`);
        await page.locator('html[data-has-hydrated="true"]').waitFor();
        const name = `${pathname.replace(/\//g, '_') || '_'}-${width}-${theme}.png`;
        await page.screenshot({path: `screenshots/${name}`, fullPage: true});
        // The first screen alone, legible when the full page is very tall.
        await page.screenshot({path: `screenshots/${name.replace('.png', '-top.png')}`});
        console.log(`screenshots/${name}`);
        await page.close();
      }
    }
  }
  await browser.close();
} finally {
  stopServer();
}
