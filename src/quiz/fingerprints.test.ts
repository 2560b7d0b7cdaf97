/**
 * A question's id is what a reader's stored answer, and its credit, hang on (./progressModel). This
 * test keeps a committed record (./fingerprints.json) of every question's id with a fingerprint of
 * its meaning: the prompt, the choices (id, text, right or wrong), a numeric answer with its
 * tolerance and unit, the steps in order, a challenge's targets and scenarios. Explanations and
 * hints are left out: they explain, they do not change what is asked. Ids retired because their
 * question changed meaning stay in the record as "retired", so they are never used again.
 *
 * After a deliberate change: UPDATE_QUIZ_FINGERPRINTS=1 npx vitest run src/quiz/fingerprints.test.ts
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {quizzes} from './registry';
import type {QuizQuestion} from './types';

const RECORD_FILE = path.join(__dirname, 'fingerprints.json');
const RETIRED = 'retired';
const UPDATE = 'UPDATE_QUIZ_FINGERPRINTS=1 npx vitest run src/quiz/fingerprints.test.ts';

type FingerprintRecord = Record<string, Record<string, string>>;

/** Text with its runs of white space made one space, so reflowing a string is not a change of meaning. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

/** What a question asks and what counts as right, as plain data. */
function meaning(question: QuizQuestion): unknown {
  const base = {kind: question.kind, prompt: words(question.prompt)};
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return {...base, choices: question.choices.map(({id, text, correct}) => ({id, text: words(text), correct}))};
    case 'numeric':
      return {...base, answer: question.answer, tolerance: question.tolerance, unit: question.unit};
    case 'ordering':
      return {...base, steps: question.steps.map(({id, text}) => ({id, text: words(text)}))};
    case 'challenge':
      return {...base, targets: question.targets, scenarios: question.scenarios, fixed: question.fixed ?? null, run: question.run ?? null};
  }
}

const fingerprint = (question: QuizQuestion): string =>
  crypto.createHash('sha256').update(JSON.stringify(meaning(question))).digest('hex').slice(0, 16);

const current: FingerprintRecord = Object.fromEntries(quizzes.map((quiz) => [quiz.id, Object.fromEntries(quiz.questions.map((q) => [q.id, fingerprint(q)]))]));
const stored: FingerprintRecord = fs.existsSync(RECORD_FILE) ? (JSON.parse(fs.readFileSync(RECORD_FILE, 'utf8')) as FingerprintRecord) : {};

/** Every question as it is now; ids no longer used are kept as retired, so none comes back with another meaning. */
function updatedRecord(): FingerprintRecord {
  const next: FingerprintRecord = {};
  for (const quizId of [...new Set([...Object.keys(stored), ...Object.keys(current)])].sort()) {
    const old = stored[quizId] ?? {};
    const now = current[quizId] ?? {};
    next[quizId] = Object.fromEntries([...new Set([...Object.keys(old), ...Object.keys(now)])].sort().map((id) => [id, now[id] ?? RETIRED]));
  }
  return next;
}

const record = process.env.UPDATE_QUIZ_FINGERPRINTS ? updatedRecord() : stored;
if (record !== stored) fs.writeFileSync(RECORD_FILE, `${JSON.stringify(record, null, 2)}\n`);

describe('question identity (src/quiz/fingerprints.json)', () => {
  for (const quiz of quizzes) {
    describe(`quiz "${quiz.id}"`, () => {
      for (const question of quiz.questions) {
        it(`"${question.id}" means what it meant when its id was recorded`, () => {
          const recorded = record[quiz.id]?.[question.id];
          const now = fingerprint(question);
          expect(recorded, `question "${question.id}" of quiz "${quiz.id}" is not in src/quiz/fingerprints.json: record it with ${UPDATE}`).toBeDefined();
          expect(
            recorded,
            `question id "${question.id}" of quiz "${quiz.id}" was retired when its question changed meaning: readers' old answers are stored under it. Give this question another id.`,
          ).not.toBe(RETIRED);
          expect(
            now,
            `question "${question.id}" of quiz "${quiz.id}" changed its prompt, choices, right answer, steps or targets. Readers' stored answers (and their credit) to the old question carry over to a question with the same id: if its meaning changed, give it a new id (the old one is then kept as retired). If only the wording changed and every stored answer still means the same, record it deliberately with ${UPDATE}.`,
          ).toBe(recorded);
        });
      }
    });
  }

  it('keeps every recorded id: one that left the quiz stays as retired, so it is never reused with another meaning', () => {
    const dropped = Object.entries(record).flatMap(([quizId, ids]) =>
      Object.entries(ids)
        .filter(([id, value]) => value !== RETIRED && current[quizId]?.[id] === undefined)
        .map(([id]) => `${quizId}/${id}`),
    );
    expect(dropped, `questions removed from their quiz: mark their ids retired with ${UPDATE}`).toEqual([]);
  });
});
