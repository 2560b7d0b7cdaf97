// Makes sure a Chromium exists before the end-to-end suite starts, installing
// one when none can be found, and says what it is doing.
import {execSync} from 'node:child_process';
import fs from 'node:fs';
import {chromium} from '@playwright/test';
import {DEBIAN_HEADLESS_SHELL, findTestBrowser, isRoot} from './browser.mjs';

const found = findTestBrowser();
if (found.executablePath) {
  if (!fs.existsSync(found.executablePath)) {
    console.error(`CHROME_PATH points to ${found.executablePath}, which does not exist.`);
    process.exit(1);
  }
  console.log(`Browser for the end-to-end tests: ${found.source}`);
  if (found.executablePath !== DEBIAN_HEADLESS_SHELL && !process.env.CHROME_PATH && fs.existsSync('/etc/debian_version')) {
    console.log("Debian's chromium-headless-shell package would run the suite in about half the time (apt-get install chromium-headless-shell).");
  }
  process.exit(0);
}

let ownBrowser = '';
try {
  ownBrowser = chromium.executablePath();
} catch {
  ownBrowser = '';
}
if (ownBrowser && fs.existsSync(ownBrowser)) {
  console.log(`Browser for the end-to-end tests: Playwright's own Chromium (${ownBrowser})`);
  process.exit(0);
}

const run = (command) => {
  console.log(`$ ${command}`);
  execSync(command, {stdio: 'inherit'});
};

if (isRoot() && fs.existsSync('/etc/debian_version')) {
  console.log("No Chromium found: installing Debian's chromium package with apt-get.");
  run('apt-get update');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-headless-shell');
} else {
  console.log("No Chromium found: installing Playwright's own Chromium.");
  run('npx playwright install chromium');
}
