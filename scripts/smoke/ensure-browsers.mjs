// Makes sure Firefox, WebKitGTK's WebDriver and a virtual display exist before the smoke suites run,
// installing Debian's packages (only those missing) when running as root on Debian, and says so.
import {execSync} from 'node:child_process';
import fs from 'node:fs';
import {isRoot} from '../browser.mjs';
import {FIREFOX} from './firefox.mjs';
import {MINIBROWSER} from './webkit.mjs';

const onPath = (command) => {
  try {
    execSync(`command -v ${command}`, {stdio: 'ignore', shell: '/bin/sh'});
    return true;
  } catch {
    return false;
  }
};

/** What each engine needs, and the Debian package that provides it. */
const needs = [
  {what: `Firefox (${FIREFOX})`, present: () => fs.existsSync(FIREFOX), pkg: 'firefox-esr'},
  {what: 'WebKitWebDriver', present: () => onPath('WebKitWebDriver') && fs.existsSync(MINIBROWSER), pkg: 'webkit2gtk-driver'},
  {what: 'xvfb-run', present: () => onPath('xvfb-run'), pkg: 'xvfb'},
];

const missing = needs.filter((need) => !need.present());
if (missing.length === 0) {
  console.log('Browsers for the smoke tests: Firefox ESR, WebKitGTK (WebKitWebDriver under xvfb-run)');
  process.exit(0);
}
const list = missing.map((need) => need.what).join(', ');
if (!isRoot() || !fs.existsSync('/etc/debian_version')) {
  console.error(`Missing for the smoke tests: ${list}. On Debian: apt-get install -y ${missing.map((need) => need.pkg).join(' ')}`);
  process.exit(1);
}
console.log(`Missing for the smoke tests: ${list}. Installing Debian's packages with apt-get.`);
execSync('apt-get update', {stdio: 'inherit'});
execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.map((need) => need.pkg).join(' ')}`, {stdio: 'inherit'});
