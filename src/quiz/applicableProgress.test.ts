/**
 * Stored answers that no longer apply: a question removed from the quiz, a choice or step that is
 * gone, an answer of another kind, a right answer the question now grades wrong. None earns credit,
 * none is shown, nothing throws, and the next answer starts afresh and drops them from storage.
 */
import {describe, expect, it} from 'vitest';
import {applicableProgress} from './applicableProgress';
import type {Answer} from './grade';
import {answerRecorded, answerRevealed, quizSeen} from './progressEvents';
import {emptyProgress, scoreQuiz, scoreStoredQuiz, type QuestionProgress, type QuizProgress} from './progressModel';
import type {QuizQuestion} from './types';

const choice = (id: string, correct: boolean) => ({id, text: `Option ${id}`, correct, explanation: `Why ${id} is ${correct ? 'right' : 'wrong'}.`});
const questions: QuizQuestion[] = [
  {id: 'single', kind: 'single', prompt: 'Pick one of these options.', choices: [choice('right', true), choice('wrong', false)]},
  {id: 'multiple', kind: 'multiple', prompt: 'Pick all that apply here.', choices: [choice('a', true), choice('b', true), choice('c', false)]},
  {id: 'numeric', kind: 'numeric', prompt: 'How many seconds does it take?', answer: 120, tolerance: 5, unit: 's', explanation: 'Worked out from the engine.'},
  {id: 'ordering', kind: 'ordering', prompt: 'Put these steps in order.', steps: [{id: 'one', text: 'One'}, {id: 'two', text: 'Two'}, {id: 'three', text: 'Three'}], explanation: 'One, then two, then three.'},
];
const ids = questions.map((question) => question.id);

const entry = (answer: Answer | null, answeredCorrectly: boolean, revealedAt: number | null = null): QuestionProgress => ({
  attempts: 1,
  answeredCorrectly,
  revealedAt,
  answer,
  answeredAt: 1_000,
});
const stored = (entries: Record<string, QuestionProgress>, questionIds: string[] = ids): QuizProgress => ({questionIds, questions: entries});

describe('applicableProgress', () => {
  it('keeps answers that fit their question, right or wrong, as the very same stored objects', () => {
    const quiz = stored({
      single: entry({kind: 'single', choiceId: 'right'}, true),
      multiple: entry({kind: 'multiple', choiceIds: ['a', 'c']}, false),
      numeric: entry({kind: 'numeric', text: '121 s'}, true),
      ordering: entry({kind: 'ordering', stepIds: ['one', 'two', 'three']}, true),
    });
    const result = applicableProgress(questions, quiz);
    expect(result.stale).toEqual([]);
    expect(result.quiz).toBe(quiz);
    expect(scoreQuiz(ids, result.quiz).credited).toBe(3);
  });

  it('gives no credit and shows nothing for a single choice whose id no longer exists, even if it was right then', () => {
    const result = applicableProgress(questions, stored({single: entry({kind: 'single', choiceId: 'fails-open'}, true)}));
    expect(result.stale).toEqual(['single']);
    expect(result.quiz?.questions.single).toBeUndefined();
    expect(scoreQuiz(ids, result.quiz).credited).toBe(0);
  });

  it('drops a multiple choice that mixes a current choice with one that is gone, so the current one is not shown as chosen', () => {
    const result = applicableProgress(questions, stored({multiple: entry({kind: 'multiple', choiceIds: ['a', 'b', 'old']}, true)}));
    expect(result.stale).toEqual(['multiple']);
    expect(result.quiz?.questions.multiple).toBeUndefined();
  });

  it('drops answers to questions the quiz no longer has, and answers of another kind', () => {
    const result = applicableProgress(
      questions,
      stored({
        removed: entry({kind: 'single', choiceId: 'right'}, true),
        numeric: entry({kind: 'single', choiceId: 'right'}, true),
        ordering: entry({kind: 'ordering', stepIds: ['one', 'two', 'gone']}, false),
      }),
    );
    expect(result.stale.sort()).toEqual(['numeric', 'ordering', 'removed']);
    expect(scoreQuiz(ids, result.quiz)).toMatchObject({credited: 0, started: false});
  });

  it('drops a stored right answer that the question now grades wrong (its answer changed under the same id)', () => {
    const result = applicableProgress(questions, stored({numeric: entry({kind: 'numeric', text: '146'}, true)}));
    expect(result.stale).toEqual(['numeric']);
    expect(scoreQuiz(ids, result.quiz).credited).toBe(0);
  });

  it('keeps an entry with no answer (nothing to show) and returns nothing for a quiz never answered', () => {
    expect(applicableProgress(questions, stored({single: entry(null, false, 5)})).stale).toEqual([]);
    expect(applicableProgress(questions, undefined)).toEqual({quiz: undefined, stale: []});
  });
});

describe('answering after a stale entry', () => {
  const withStale = (): ReturnType<typeof emptyProgress> => ({
    ...emptyProgress(),
    quizzes: {
      quiz: stored(
        {single: {attempts: 4, answeredCorrectly: false, revealedAt: 500, answer: {kind: 'single', choiceId: 'fails-open'}, answeredAt: 400}, removed: entry({kind: 'single', choiceId: 'right'}, true)},
        ['single', 'removed'],
      ),
    },
  });

  it('starts the stale question afresh (no earlier attempts, no pending reveal) and drops entries of removed questions', () => {
    const stale = applicableProgress(questions, withStale().quizzes.quiz).stale;
    const next = answerRecorded(withStale(), 'quiz', ids, 'single', {kind: 'single', choiceId: 'right'}, true, 600, stale);
    expect(next.quizzes.quiz).toEqual({
      questionIds: ids,
      questions: {single: {attempts: 1, answeredCorrectly: true, revealedAt: null, answer: {kind: 'single', choiceId: 'right'}, answeredAt: 600}},
    });
    expect(scoreQuiz(ids, next.quizzes.quiz).credited).toBe(1);
  });

  it('drops stale entries on a reveal of another question too', () => {
    const stale = applicableProgress(questions, withStale().quizzes.quiz).stale;
    const next = answerRevealed(withStale(), 'quiz', ids, 'numeric', 700, stale);
    expect(Object.keys(next.quizzes.quiz!.questions)).toEqual(['numeric']);
  });
});

describe('progress stored for an older list of questions', () => {
  // Saved when the quiz had a question "old" (now gone), credited, and "single" answered right.
  const outdated = () => ({
    ...emptyProgress(),
    quizzes: {quiz: stored({old: entry({kind: 'single', choiceId: 'x'}, true), single: entry({kind: 'single', choiceId: 'right'}, true)}, ['old', 'single'])},
  });

  it('is brought up to date when the quiz is shown, so the marks scored from storage no longer credit the removed question', () => {
    expect(scoreStoredQuiz(outdated(), 'quiz')).toMatchObject({credited: 2, total: 2, passed: true});
    const seen = quizSeen(outdated(), 'quiz', ids, []);
    expect(seen.quizzes.quiz).toEqual({questionIds: ids, questions: {single: outdated().quizzes.quiz.questions.single}});
    expect(scoreStoredQuiz(seen, 'quiz')).toMatchObject({credited: 1, total: 4, passed: false});
  });

  it('is left as the very same object when nothing is outdated, so an ordinary visit writes nothing', () => {
    const seen = quizSeen(outdated(), 'quiz', ids, []);
    expect(quizSeen(seen, 'quiz', ids, [])).toBe(seen);
    expect(quizSeen(seen, 'other', ids, [])).toBe(seen);
    expect(quizSeen(seen, 'quiz', ids, ['single']).quizzes.quiz?.questions).toEqual({});
  });
});
