import fs from 'node:fs';
import path from 'node:path';

/** A page of the course with labs (`<FailoverLab title="…">`), by its path and the labs' titles in page order. */
export interface LabPage {
  path: string;
  titles: string[];
}

const ROOT = path.join(__dirname, '..');
const LAB_TAG = /<FailoverLab\b[^>]*?\btitle=(?:"([^"]*)"|\{'([^']*)'\}|\{"([^"]*)"\})/g;

function mdxFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return /\.mdx?$/.test(entry.name) && !entry.name.startsWith('_') ? [full] : [];
  });
}

function titlesIn(source: string): string[] {
  return [...source.matchAll(LAB_TAG)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** A docs page's path: its front matter's slug under /docs, else its folder (or file) name. */
function docsPath(file: string, source: string): string {
  const slug = /^---[\s\S]*?^slug:\s*(\S+)[\s\S]*?^---/m.exec(source)?.[1];
  if (slug) return `/docs${slug.startsWith('/') ? slug : `/${slug}`}`;
  const relative = path.relative(path.join(ROOT, 'docs'), file).replace(/\\/g, '/').replace(/\.mdx?$/, '');
  return `/docs/${relative.replace(/\/index$/, '')}`;
}

/**
 * Every lab in the course, read from the sources the site is built from (the docs and the site's
 * own pages), so a chapter that gains a lab is covered without editing a list. A page built from
 * one of them but missing from the sitemap fails the caller's check, not this one.
 */
export function labsInCourse(): LabPage[] {
  const pages: LabPage[] = [];
  for (const file of mdxFiles(path.join(ROOT, 'docs'))) {
    const source = fs.readFileSync(file, 'utf8');
    const titles = titlesIn(source);
    if (titles.length > 0) pages.push({path: docsPath(file, source), titles});
  }
  const pagesDir = path.join(ROOT, 'src', 'pages');
  for (const name of fs.readdirSync(pagesDir).filter((n) => n.endsWith('.tsx'))) {
    const titles = titlesIn(fs.readFileSync(path.join(pagesDir, name), 'utf8'));
    if (titles.length > 0) pages.push({path: name === 'index.tsx' ? '/' : `/${name.replace(/\.tsx$/, '')}`, titles});
  }
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every docs page with a `<Predict>`, by path, with the ids of its predictions. */
export function predictPages(): {path: string; ids: string[]}[] {
  return mdxFiles(path.join(ROOT, 'docs'))
    .map((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return {path: docsPath(file, source), ids: [...source.matchAll(/<Predict\b[^>]*?\bid="([^"]+)"/g)].map((match) => match[1]!)};
    })
    .filter((page) => page.ids.length > 0)
    .sort((a, b) => a.path.localeCompare(b.path));
}
