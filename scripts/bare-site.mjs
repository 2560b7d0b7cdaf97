// The bare Docusaurus sites `npm run lighthouse` measures beside ours:
//   - the bare site: `create-docusaurus <our version> classic --typescript`, as generated;
//   - the same site with one page more, our glossary's text (no widget on it), so that a long page of
//     ours is also seen beside plain Docusaurus carrying the same words: the bare docs page has 1,200
//     characters of text, our chapters 20,000 to 35,000, and the browser's work grows with the text.
// Both live in temporary folders and are not committed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Our glossary, and where its copy is served on the second bare site. */
const GLOSSARY_SOURCE = 'docs/reference/glossary.mdx';
export const SAME_TEXT_PATH = '/docs/glossary';

/** The folders of both sites for a Docusaurus version. */
function bareSiteDirs(docusaurusVersion) {
  const bareDir = path.join(os.tmpdir(), `failover-lab-bare-docusaurus-${docusaurusVersion}`);
  return {bareDir, sameTextDir: `${bareDir}-with-our-glossary`};
}

/**
 * Our glossary as the bare site can build it: heading anchors (`## Term {#term}`) are our config's
 * MDX 1 syntax, which the bare site's defaults read as expressions, so they go (Docusaurus then makes
 * the same anchors from the words); links to our pages point at the bare site's one docs page, so
 * they stay links within the site, rendered and prefetched as ours are.
 */
export function glossaryForBareSite(source) {
  return source
    .replace(/^slug: .*$/m, `slug: ${SAME_TEXT_PATH.replace(/^\/docs/, '')}`)
    .replace(/^(#{1,6} .*?) \{#[\w-]+\}$/gm, '$1')
    .replace(/\]\(\/docs\/[^)\s]*\)/g, '](/docs/intro)');
}

/** Links the site to our node_modules when its @docusaurus versions are ours, else installs its own. */
function linkModules({root, log, run}, siteDir) {
  const sitePackage = JSON.parse(fs.readFileSync(path.join(siteDir, 'package.json'), 'utf8'));
  const ourPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const wanted = {...sitePackage.dependencies, ...sitePackage.devDependencies};
  const ours = {...ourPackage.dependencies, ...ourPackage.devDependencies};
  const sameVersions = Object.entries(wanted)
    .filter(([name]) => name.startsWith('@docusaurus/'))
    .every(([name, range]) => ours[name] === range.replace(/^[\^~]/, ''));
  const modules = path.join(siteDir, 'node_modules');
  // A link left by a checkout that is gone (another worktree, a deleted clone) points nowhere: link again.
  if (!fs.existsSync(modules) && fs.lstatSync(modules, {throwIfNoEntry: false})?.isSymbolicLink()) fs.unlinkSync(modules);
  if (fs.existsSync(modules)) return;
  if (sameVersions) {
    log(`${path.basename(siteDir)} uses this repo's node_modules (same @docusaurus versions)`);
    fs.symlinkSync(path.join(root, 'node_modules'), modules, 'dir');
  } else {
    run('npm', ['install', '--no-audit', '--no-fund'], siteDir);
  }
}

/**
 * Generates (once) and builds both bare sites; returns their build folders. The second is a copy of the
 * first's sources with our glossary added, so everything but that page is the bare site as generated.
 * `run` is the caller's way of running a command (logged, throwing when it fails).
 */
export function buildBareSites(options) {
  const {root, docusaurusVersion, run} = options;
  const {bareDir, sameTextDir} = bareSiteDirs(docusaurusVersion);
  if (!fs.existsSync(path.join(bareDir, 'docusaurus.config.ts'))) {
    fs.rmSync(bareDir, {recursive: true, force: true});
    run('npx', ['--yes', `create-docusaurus@${docusaurusVersion}`, bareDir, 'classic', '--typescript', '--skip-install'], os.tmpdir());
  }
  linkModules(options, bareDir);
  run('npx', ['docusaurus', 'build'], bareDir);

  fs.rmSync(sameTextDir, {recursive: true, force: true});
  const generated = new Set(['node_modules', 'build', '.docusaurus']);
  fs.cpSync(bareDir, sameTextDir, {recursive: true, filter: (source) => !generated.has(path.relative(bareDir, source).split(path.sep)[0])});
  fs.writeFileSync(path.join(sameTextDir, 'docs/glossary.mdx'), glossaryForBareSite(fs.readFileSync(path.join(root, GLOSSARY_SOURCE), 'utf8')));
  linkModules(options, sameTextDir);
  run('npx', ['docusaurus', 'build'], sameTextDir);
  return {bareBuild: path.join(bareDir, 'build'), sameTextBuild: path.join(sameTextDir, 'build')};
}
