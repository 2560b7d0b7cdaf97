import {describe, expect, it} from 'vitest';
import {hintFor} from './hints';
import {quizzes} from './registry';
import type {MultipleChoiceQuestion, NumericQuestion, SingleChoiceQuestion} from './types';

const numeric: NumericQuestion = {
  id: 'latest',
  kind: 'numeric',
  prompt: 'At the latest?',
  answer: 65,
  tolerance: 2,
  unit: 's',
  explanation: '2 × 30 + 5.',
  hints: [
    {value: 35, tolerance: 2, text: 'luckiest case'},
    {value: 60, text: 'add the timeout'},
  ],
};

const single: SingleChoiceQuestion = {
  id: 'pick',
  kind: 'single',
  prompt: 'Which?',
  choices: [
    {id: 'right', text: 'Right', correct: true, explanation: '.'},
    {id: 'usual-mistake', text: 'Usual', correct: false, explanation: '.'},
    {id: 'other', text: 'Other', correct: false, explanation: '.'},
  ],
  hints: [{choiceIds: ['usual-mistake'], text: 'read the question again'}],
};

const multiple: MultipleChoiceQuestion = {...single, kind: 'multiple', hints: [{choiceIds: ['usual-mistake', 'other'], text: 'both wrong together'}]};

describe('hintFor', () => {
  it('matches a numeric answer within the hint’s tolerance, as the reader types it', () => {
    expect(hintFor(numeric, {kind: 'numeric', text: '35'})).toBe('luckiest case');
    expect(hintFor(numeric, {kind: 'numeric', text: '33 s'})).toBe('luckiest case');
    expect(hintFor(numeric, {kind: 'numeric', text: '37 seconds'})).toBe('luckiest case');
    expect(hintFor(numeric, {kind: 'numeric', text: '38'})).toBeNull();
    expect(hintFor(numeric, {kind: 'numeric', text: '60'})).toBe('add the timeout');
    expect(hintFor(numeric, {kind: 'numeric', text: '61'})).toBeNull();
  });

  it('gives no hint for a right answer, an unreadable one or an unknown mistake', () => {
    expect(hintFor(numeric, {kind: 'numeric', text: '65'})).toBeNull();
    expect(hintFor(numeric, {kind: 'numeric', text: 'soon'})).toBeNull();
    expect(hintFor(numeric, {kind: 'numeric', text: '35 min'})).toBeNull();
    expect(hintFor(numeric, {kind: 'numeric', text: '200'})).toBeNull();
    expect(hintFor({...numeric, hints: undefined}, {kind: 'numeric', text: '35'})).toBeNull();
  });

  it('matches choices when the selection includes every choice the hint names', () => {
    expect(hintFor(single, {kind: 'single', choiceId: 'usual-mistake'})).toBe('read the question again');
    expect(hintFor(single, {kind: 'single', choiceId: 'other'})).toBeNull();
    expect(hintFor(single, {kind: 'single', choiceId: null})).toBeNull();
    expect(hintFor(multiple, {kind: 'multiple', choiceIds: ['usual-mistake']})).toBeNull();
    expect(hintFor(multiple, {kind: 'multiple', choiceIds: ['other', 'right', 'usual-mistake']})).toBe('both wrong together');
  });
});

describe('every hint in the course', () => {
  const hinted = quizzes.flatMap(({id, questions}) => questions.filter((q) => 'hints' in q && q.hints?.length).map((question) => ({quiz: id, question})));

  it('some questions carry hints', () => {
    expect(hinted.length).toBeGreaterThan(5);
  });

  it.each(hinted.map(({quiz, question}) => [`${quiz} / ${question.id}`, question] as const))('%s: each hint is for a wrong answer, and is reachable', (_name, question) => {
    if (question.kind === 'numeric') {
      for (const hint of question.hints ?? []) {
        // The hint's whole range lies outside the accepted range, so a right answer never gets it.
        expect(Math.abs(hint.value - question.answer), hint.text).toBeGreaterThan(question.tolerance + (hint.tolerance ?? 0));
        expect(hintFor(question, {kind: 'numeric', text: String(hint.value)})).toBe(hint.text);
      }
    } else if (question.kind === 'single' || question.kind === 'multiple') {
      for (const hint of question.hints ?? []) {
        for (const id of hint.choiceIds) expect(question.choices.find((choice) => choice.id === id)?.correct, `${id} must be a wrong choice`).toBe(false);
      }
    }
  });
});
