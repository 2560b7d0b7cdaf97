import fs from 'node:fs';
import path from 'node:path';
import {test, expect, sitemapPaths, BUILD_DIR} from './fixtures';

/** The built HTML file of a page (trailingSlash: false writes `<path>.html`, and `index.html` for `/`). */
function htmlOf(pathname: string): string {
  const file = pathname === '/' ? 'index.html' : `${pathname.slice(1)}.html`;
  return fs.readFileSync(path.join(BUILD_DIR, file), 'utf8');
}

/** The content of the first `<meta>` or `<link>` matching an attribute (works on minified HTML). */
function tagValue(html: string, tag: 'meta' | 'link', match: RegExp, valueAttribute: string): string | undefined {
  for (const element of html.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? []) {
    if (!match.test(element)) continue;
    const value = element.match(new RegExp(`${valueAttribute}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
    return value?.[1] ?? value?.[2] ?? value?.[3];
  }
  return undefined;
}

test('every page has its own title and description, a canonical URL and the social preview image', () => {
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  for (const pathname of sitemapPaths()) {
    const html = htmlOf(pathname);
    const title = html.match(/<title[^>]*>([^<]+)<\/title>/)?.[1];
    expect(title, `${pathname} title`).toBeTruthy();
    const description = tagValue(html, 'meta', /name=["']?description\b/, 'content');
    expect(description?.length ?? 0, `${pathname} description`).toBeGreaterThan(50);
    const canonical = tagValue(html, 'link', /rel=["']?canonical\b/, 'href');
    expect(canonical && new URL(canonical).pathname, `${pathname} canonical`).toBe(pathname);
    const image = tagValue(html, 'meta', /property=["']?og:image["'\s]/, 'content');
    expect(image && new URL(image).pathname, `${pathname} og:image`).toBe('/img/og-image.png');
    titles.set(pathname, title!);
    descriptions.set(pathname, description!);
  }
  // Search engines and link previews tell pages apart by these.
  expect(new Set(titles.values()).size, 'distinct titles').toBe(titles.size);
  expect(new Set(descriptions.values()).size, 'distinct descriptions').toBe(descriptions.size);
});

test('the social preview image is the 1200 × 630 picture made for the course', () => {
  const png = fs.readFileSync(path.join(BUILD_DIR, 'img', 'og-image.png'));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test('robots.txt allows every crawler and points to the sitemap', async ({request}) => {
  const response = await request.get('/robots.txt');
  expect(response.ok()).toBe(true);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).toMatch(/^Allow: \/$/m);
  const sitemap = text.match(/^Sitemap: (\S+)$/m)?.[1];
  expect(sitemap && new URL(sitemap).pathname).toBe('/sitemap.xml');
  expect((await request.get('/sitemap.xml')).ok()).toBe(true);
});

test('the web app manifest names the course and its icons exist', async ({request}) => {
  const manifest = (await (await request.get('/manifest.json')).json()) as {name: string; icons: {src: string; sizes: string}[]};
  expect(manifest.name).toBe('Failover Lab');
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) expect((await request.get(`/${icon.src}`)).ok(), icon.src).toBe(true);
});
