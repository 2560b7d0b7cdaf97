// The paths of every page of a built site, read from its sitemap, so a new page is covered without edits
// (the e2e suites, the Firefox and WebKit smoke suites, Lighthouse's sweep).
import fs from 'node:fs';
import path from 'node:path';

/** @returns {string[]} */
export function sitemapPathsIn(buildDir) {
  const sitemap = fs.readFileSync(path.join(buildDir, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
}
