// Renders Failover Lab's picture files from their sources in scripts/images/
// with Chromium, so no image converter is needed:
//   - the app icons (static/img/icon-*.png) from icon.svg, for the web app manifest;
//   - the social preview (static/img/og-image.png, 1200 × 630) from og-image.html.
// The PNGs are committed; run this again after changing a source:
//   node scripts/make-images.mjs
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from '@playwright/test';
import {findBrowser, isRoot} from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', 'static', 'img');
const iconSvg = fs.readFileSync(path.join(here, 'images', 'icon.svg'), 'utf8');

/** Icon files: `rounded` ones have transparent corners (purpose "any"); the others are full-bleed (purpose "maskable"). */
const ICONS = [
  {file: 'icon-192.png', size: 192, rounded: true},
  {file: 'icon-512.png', size: 512, rounded: true},
  {file: 'icon-maskable-512.png', size: 512, rounded: false},
  {file: 'apple-touch-icon.png', size: 180, rounded: false},
];

const browser = await chromium.launch({
  executablePath: findBrowser().executablePath,
  args: [...(isRoot() ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({viewport: {width: icon.size, height: icon.size}, deviceScaleFactor: 1});
    const radius = icon.rounded ? Math.round(icon.size * 0.18) : 0;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><div style="width:${icon.size}px;height:${icon.size}px;border-radius:${radius}px;overflow:hidden">${iconSvg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</div></body></html>`,
    );
    await page.screenshot({path: path.join(out, icon.file), omitBackground: true});
    console.log(`static/img/${icon.file}`);
    await page.close();
  }
  const page = await browser.newPage({viewport: {width: 1200, height: 630}, deviceScaleFactor: 1});
  await page.goto(`file://${path.join(here, 'images', 'og-image.html')}`);
  await page.screenshot({path: path.join(out, 'og-image.png')});
  console.log('static/img/og-image.png');
  await page.close();
} finally {
  await browser.close();
}
