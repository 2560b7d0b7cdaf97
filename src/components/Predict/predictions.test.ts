import {readdirSync, readFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseNumber} from '@site/src/quiz/grade';
import type {Prediction} from './types';

const DOCS = join(__dirname, '../../../docs');
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const chapters = readdirSync(DOCS, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && existsSync(join(DOCS, entry.name, 'index.mdx')))
  .map((entry) => entry.name);

/** Every `<Predict id="…" prediction={name}>` on a page. */
function predictTags(mdx: string) {
  return [...mdx.matchAll(/<Predict id="([^"]+)" prediction=\{(\w+)\}>/g)].map(([, id, name]) => ({id: id!, name: name!}));
}

describe('"predict first" boxes', () => {
  it.each(chapters)('%s: every predict-first prompt is a <Predict>, not a plain box', (slug) => {
    const mdx = readFileSync(join(DOCS, slug, 'index.mdx'), 'utf8');
    expect(mdx).not.toMatch(/^:::\w+[ []Predict first/im);
  });

  const all = chapters.flatMap((slug) => predictTags(readFileSync(join(DOCS, slug, 'index.mdx'), 'utf8')).map((tag) => ({slug, ...tag})));

  it('ids are kebab-case and unique across the site (guesses are stored under them)', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const {id} of all) expect(id).toMatch(ID);
    expect(new Set(all.map(({id}) => id)).size).toBe(all.length);
  });

  it.each(all)('$slug / $id: the answer fits its asks', async ({slug, name}) => {
    const module = (await import(`../../../docs/${slug}/predictions.ts`)) as Record<string, Prediction>;
    const prediction = module[name];
    expect(prediction, `docs/${slug}/predictions.ts exports no "${name}"`).toBeDefined();
    const asks = prediction!.asks;
    expect(asks.length).toBeGreaterThan(0);
    expect(new Set(asks.map((ask) => ask.id)).size).toBe(asks.length);
    for (const ask of asks) {
      expect(ask.id).toMatch(ID);
      if (ask.kind === 'number') {
        expect(Number.isFinite(ask.answer)).toBe(true);
        // The model's number must read back through the same parser as the reader's guess.
        expect(parseNumber(`${ask.answer} ${ask.unit}`, ask.unit)).toEqual({ok: true, value: ask.answer});
      } else {
        expect(ask.choices.map((choice) => choice.id)).toContain(ask.answer);
      }
    }
    expect(prediction!.because.length).toBeGreaterThan(20);
  });
});
