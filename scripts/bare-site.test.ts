import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {SAME_TEXT_PATH, glossaryForBareSite} from './bare-site.mjs';

const glossary = fs.readFileSync(path.join(__dirname, '../docs/reference/glossary.mdx'), 'utf8');
const headings = (text: string) => text.match(/^#{1,6} .*$/gm) ?? [];
const links = (text: string) => [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');

describe('our glossary as a page of the bare Docusaurus site', () => {
  const copy = glossaryForBareSite(glossary);

  it('is served where the Lighthouse run asks for it', () => {
    expect(copy).toMatch(new RegExp(`^slug: ${SAME_TEXT_PATH.replace(/^\/docs/, '')}$`, 'm'));
  });

  it('keeps every heading, without the anchors the bare site would read as expressions', () => {
    expect(headings(glossary).some((heading) => /\{#[\w-]+\}$/.test(heading))).toBe(true);
    expect(headings(copy)).toEqual(headings(glossary).map((heading) => heading.replace(/ \{#[\w-]+\}$/, '')));
  });

  it('keeps every link, pointing the ones to our pages at the bare docs page and leaving the others', () => {
    const before = links(glossary);
    const after = links(copy);
    expect(after).toHaveLength(before.length);
    expect(before.some((href) => href.startsWith('/docs/'))).toBe(true);
    expect(after).toEqual(before.map((href) => (href.startsWith('/docs/') ? '/docs/intro' : href)));
  });

  it('changes nothing else: the text a reader sees is the same', () => {
    const words = (text: string) =>
      text
        .replace(/^---[\s\S]*?---/, '')
        .replace(/ \{#[\w-]+\}$/gm, '')
        .replace(/\]\([^)\s]+\)/g, ']()');
    expect(words(copy)).toBe(words(glossary));
  });
});
