// Checks every built page against the HTML standard with html-validate (pinned in package.json).
// The rules are `.htmlvalidate.json`'s: the "standard" preset, which holds only what the HTML
// specification requires (content models, nesting, attributes), not style preferences such as
// quoting, which the minified build does not follow. One result per page; the totals go to
// test-results/html-validate.json for `npm test`'s totals line.
import fs from 'node:fs';
import path from 'node:path';
import {HtmlValidate, FileSystemConfigLoader} from 'html-validate';

const buildDir = path.resolve(process.argv[2] ?? 'build');
const reportFile = path.join('test-results', 'html-validate.json');

if (!fs.existsSync(buildDir)) {
  console.error(`${buildDir} does not exist: run \`npm run build\` first.`);
  process.exit(2);
}

const pages = fs
  .readdirSync(buildDir, {recursive: true})
  .map(String)
  .filter((file) => file.endsWith('.html'))
  .sort();

const validator = new HtmlValidate(new FileSystemConfigLoader());
let failed = 0;
for (const page of pages) {
  const report = await validator.validateFile(path.join(buildDir, page));
  const messages = report.results.flatMap((result) => result.messages);
  if (messages.length === 0) continue;
  failed += 1;
  console.log(`✘ ${page}: ${messages.length} error${messages.length === 1 ? '' : 's'}`);
  for (const m of messages.slice(0, 10)) console.log(`    ${m.ruleId}: ${m.message} (at ${m.selector ?? `offset ${m.offset}`})`);
  if (messages.length > 10) console.log(`    … and ${messages.length - 10} more`);
}
console.log(`HTML validation: ${pages.length - failed} of ${pages.length} pages conform${failed ? `, ${failed} do not` : ''}.`);
fs.mkdirSync(path.dirname(reportFile), {recursive: true});
fs.writeFileSync(reportFile, JSON.stringify({passed: pages.length - failed, failed}));
process.exit(failed ? 1 : 0);
