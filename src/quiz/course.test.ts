import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {countWords, courseCompletionFromStore, courseUnits, readingMinutesFor, unitForDoc} from './course';
import {answerRecorded, emptyProgress} from './progress';
import {UNITS} from './courseIndex.data';
import {QUESTION_IDS} from './questionIds.data';
import {questionsKey} from './questionsKey';
import {chapters} from '@site/src/content/chapters';

function docFile(docId: string): string | undefined {
  const base = path.join(__dirname, '..', '..', 'docs', docId);
  return [`${base}.mdx`, `${base}.md`, path.join(base, 'index.mdx'), path.join(base, 'index.md')].find((file) => fs.existsSync(file));
}

describe('course units', () => {
  it('have unique keys and doc ids', () => {
    const keys = courseUnits.map((unit) => unit.key);
    expect(new Set(keys).size).toBe(keys.length);
    const docIds = courseUnits.flatMap((unit) => (unit.docId ? [unit.docId] : []));
    expect(new Set(docIds).size).toBe(docIds.length);
  });

  it.each(courseUnits.filter((unit) => unit.docId).map((unit) => [unit.key, unit] as const))(
    'state the reading time of %s from its word count at 200 words a minute',
    (_, unit) => {
      const file = docFile(unit.docId!);
      expect(file, `no file for docs/${unit.docId}`).toBeDefined();
      const words = countWords(fs.readFileSync(file!, 'utf8'));
      expect(unit.readingMinutes, `${unit.key} has ${words} words: set readingMinutes to ${readingMinutesFor(words)}`).toBe(readingMinutesFor(words));
    },
  );

  it('say what each one proves', () => {
    for (const unit of courseUnits) expect(unit.proves, unit.key).toMatch(/^[A-Z].*\.$/);
  });

  it('are found by doc id', () => {
    expect(unitForDoc('intro')?.key).toBe('intro');
    expect(unitForDoc('nope')).toBeUndefined();
  });
});

describe('the course index every docs page loads', () => {
  it('has every unit with what the sidebar and the chapter header read', () => {
    expect(UNITS).toEqual(courseUnits.map(({key, number, docId, quizId, readingMinutes, questionsKey}) => ({key, number, docId, quizId, readingMinutes, questionsKey})));
    // Each unit with a quiz carries the fingerprint of that quiz's questions today.
    for (const unit of UNITS.filter((candidate) => candidate.quizId)) expect(unit.questionsKey, unit.key).toBe(questionsKey(QUESTION_IDS[unit.quizId!]!));
  });

  it('leaves out the chapters’ titles, promises and proofs', () => {
    const shipped = JSON.stringify(UNITS);
    for (const chapter of chapters) {
      for (const text of [chapter.title, chapter.promise, chapter.proves]) expect(shipped).not.toContain(text);
    }
  });
});

describe('word counting', () => {
  it('counts text and code but not front matter, imports or JSX tags', () => {
    const mdx = "---\ntitle: A title here\n---\n\nimport X from 'y';\n\nTwo words. <Quiz id=\"a\" questions={q} />\n\n```ts\nconst a = 1;\n```\n";
    expect(countWords(mdx)).toBe(5);
  });

  it('rounds reading time up and never says 0 minutes', () => {
    expect([0, 1, 200, 201, 1000].map(readingMinutesFor)).toEqual([1, 1, 1, 2, 5]);
  });
});

describe('course completion', () => {
  it('counts units whose quiz is passed, with answers given to the quiz as it is now', () => {
    const ids = QUESTION_IDS.intro!;
    const required = Math.ceil(ids.length * 0.8);
    let progress = emptyProgress();
    for (const id of ids.slice(0, required - 1)) progress = answerRecorded(progress, 'intro', ids, id, {kind: 'numeric', text: '1'}, true, 0);
    expect(courseCompletionFromStore(progress)).toEqual({done: 0, total: courseUnits.length});
    // Answers stored with another list of ids than the quiz's today do not make it done.
    progress = answerRecorded(progress, 'intro', [...ids, 'gone'], 'gone', {kind: 'numeric', text: '1'}, true, 0);
    expect(courseCompletionFromStore(progress)).toEqual({done: 0, total: courseUnits.length});
    progress = answerRecorded(progress, 'intro', ids, ids[required - 1]!, {kind: 'numeric', text: '1'}, true, 0);
    expect(courseCompletionFromStore(progress)).toEqual({done: 1, total: courseUnits.length});
  });
});
