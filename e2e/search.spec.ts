import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated, sitemapPaths, BUILD_DIR} from './fixtures';

/** The visible paragraph text of a built docs page. */
function paragraphText(pathname: string): string {
  const file = path.join(BUILD_DIR, pathname, 'index.html');
  const fallback = path.join(BUILD_DIR, `${pathname}.html`);
  const html = fs.readFileSync(fs.existsSync(file) ? file : fallback, 'utf8');
  const article = html.match(/<article[\s\S]*<\/article>/)?.[0] ?? '';
  return [...article.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ')).join(' ');
}

/**
 * Picks a long word that occurs in the introduction and in no other docs page,
 * so the test keeps working as chapters are added.
 */
function wordOnlyInIntro(): string {
  const docs = sitemapPaths().filter((p) => p.startsWith('/docs/'));
  const words = (text: string) => new Set(text.toLowerCase().match(/\b[a-z]{9,}\b/g) ?? []);
  const intro = words(paragraphText('/docs/intro'));
  const elsewhere = new Set(docs.filter((p) => p !== '/docs/intro').flatMap((p) => [...words(paragraphText(p))]));
  const unique = [...intro].filter((word) => !elsewhere.has(word)).sort();
  if (unique.length === 0) throw new Error('No word occurs only in the introduction.');
  return unique[0]!;
}

test('the search box finds a word from one chapter and opens it', async ({page}) => {
  const word = wordOnlyInIntro();
  await gotoHydrated(page, '/');
  const search = page.getByRole('combobox', {name: /search/i}).or(page.getByPlaceholder(/search/i)).first();
  await search.click();
  await search.fill(word);
  const firstResult = page.locator('[role=listbox] [role=option]').first();
  await expect(firstResult).toBeVisible();
  await firstResult.click();
  await expect(page).toHaveURL(/\/docs\/intro/);
  await expect(page.getByRole('heading', {level: 1})).toHaveText('How the course works');
});
