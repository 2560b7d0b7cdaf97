// Takes screenshots of pages of the built site, in light and dark theme, at
// desktop and phone widths, into screenshots/ (not committed). Usage:
//   npm run build && npm run screenshots -- / /docs/intro
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import {chromium} from '@playwright/test';
import {findBrowser, isRoot} from './browser.mjs';

const PORT = 3211;
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/docs/intro'];
const widths = [1280, 375];
const themes = ['light', 'dark'];

const server = spawn('npx', ['docusaurus', 'serve', '--port', String(PORT), '--host', '127.0.0.1', '--no-open'], {
  stdio: 'ignore',
  detached: true,
});

async function waitForServer() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The static server did not start.');
}

try {
  await waitForServer();
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
  process.kill(-server.pid);
}
