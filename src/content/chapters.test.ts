import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {chapters, docPath} from './chapters';

describe('course outline', () => {
  it('numbers chapters 1, 2, 3… with no gap or repeat', () => {
    expect(chapters.map((chapter) => chapter.number)).toEqual(chapters.map((_, index) => index + 1));
  });

  it.each(chapters.filter((chapter) => chapter.docId))('links chapter $number to a doc that exists', (chapter) => {
    const base = path.join(__dirname, '..', '..', 'docs', chapter.docId!);
    const candidates = [`${base}.mdx`, `${base}.md`, path.join(base, 'index.mdx'), path.join(base, 'index.md')];
    expect(candidates.some((file) => fs.existsSync(file)), `no file for docs/${chapter.docId}`).toBe(true);
  });

  it('gives every chapter a title and a one-sentence promise', () => {
    for (const chapter of chapters) {
      expect(chapter.title.trim(), `chapter ${chapter.number} title`).not.toBe('');
      expect(chapter.promise, `chapter ${chapter.number} promise`).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('docPath', () => {
  it('drops the /index of a chapter folder', () => {
    expect(docPath('zones-are-failure-domains/index')).toBe('/docs/zones-are-failure-domains');
    expect(docPath('intro')).toBe('/docs/intro');
  });
});
