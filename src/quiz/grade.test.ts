import {describe, expect, it} from 'vitest';
import {blankAnswer, correctAnswer, grade, parseNumber, shuffledStepIds} from './grade';
import type {MultipleChoiceQuestion, NumericQuestion, OrderingQuestion, SingleChoiceQuestion} from './types';

const single: SingleChoiceQuestion = {
  id: 'single',
  kind: 'single',
  prompt: 'Pick one',
  choices: [
    {id: 'a', text: 'A', correct: false, explanation: 'no'},
    {id: 'b', text: 'B', correct: true, explanation: 'yes'},
  ],
};
const multiple: MultipleChoiceQuestion = {
  id: 'multiple',
  kind: 'multiple',
  prompt: 'Pick all',
  choices: [
    {id: 'a', text: 'A', correct: true, explanation: 'yes'},
    {id: 'b', text: 'B', correct: false, explanation: 'no'},
    {id: 'c', text: 'C', correct: true, explanation: 'yes'},
  ],
};
const numeric: NumericQuestion = {id: 'numeric', kind: 'numeric', prompt: 'How long?', answer: 65, tolerance: 5, unit: 's', explanation: 'why'};
const ordering: OrderingQuestion = {
  id: 'ordering',
  kind: 'ordering',
  prompt: 'Order',
  steps: ['one', 'two', 'three', 'four'].map((id) => ({id, text: id})),
  explanation: 'why',
};

describe('single choice', () => {
  it('is right only for the right choice', () => {
    expect(grade(single, {kind: 'single', choiceId: 'b'})).toMatchObject({valid: true, correct: true});
    expect(grade(single, {kind: 'single', choiceId: 'a'})).toMatchObject({valid: true, correct: false, selected: ['a']});
  });

  it('asks for a choice when none is made or the id is unknown', () => {
    expect(grade(single, {kind: 'single', choiceId: null})).toEqual({valid: false, message: 'Choose one option.'});
    expect(grade(single, {kind: 'single', choiceId: 'zzz'})).toMatchObject({valid: false});
  });
});

describe('multiple choice', () => {
  it('is right only when exactly the right choices are selected', () => {
    expect(grade(multiple, {kind: 'multiple', choiceIds: ['c', 'a']})).toMatchObject({correct: true});
    expect(grade(multiple, {kind: 'multiple', choiceIds: ['a']})).toMatchObject({correct: false});
    expect(grade(multiple, {kind: 'multiple', choiceIds: ['a', 'b', 'c']})).toMatchObject({correct: false});
  });

  it('ignores duplicates and asks for at least one option', () => {
    expect(grade(multiple, {kind: 'multiple', choiceIds: ['a', 'a', 'c']})).toMatchObject({correct: true, selected: ['a', 'c']});
    expect(grade(multiple, {kind: 'multiple', choiceIds: []})).toEqual({valid: false, message: 'Select at least one option.'});
  });
});

describe('numbers as people type them', () => {
  it.each([
    ['65', 65],
    [' 65 ', 65],
    ['65 s', 65],
    ['65s', 65],
    ['65 seconds', 65],
    ['65 sec.', 65],
    ['1e2', 100],
    ['1,000', 1000],
    ['1 000', 1000],
    ['1,000.5', 1000.5],
    ['0,5', 0.5],
    ['.5', 0.5],
    ['-3', -3],
    ['−3', -3],
    ['+7', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text, 's')).toEqual({ok: true, value});
  });

  it.each(['', '   ', 'abc', 'sixty', '1.2.3', '65 min', '1e999', 'NaN', 'Infinity', '--5', '5 5 s x'])('rejects %j with a message', (text) => {
    const result = parseNumber(text, 's');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  it('accepts the singular of a plural unit and the plural of a singular one', () => {
    expect(parseNumber('3 task', 'tasks')).toEqual({ok: true, value: 3});
    expect(parseNumber('3 zones', 'zone')).toEqual({ok: true, value: 3});
  });
});

describe('numeric questions', () => {
  it('accepts answers within the tolerance, edges included', () => {
    for (const text of ['60', '65', '70', '62.5 s']) {
      expect(grade(numeric, {kind: 'numeric', text})).toMatchObject({valid: true, correct: true, direction: null});
    }
  });

  it('says whether a wrong answer is too low or too high', () => {
    expect(grade(numeric, {kind: 'numeric', text: '30'})).toMatchObject({correct: false, direction: 'low'});
    expect(grade(numeric, {kind: 'numeric', text: '71'})).toMatchObject({correct: false, direction: 'high'});
  });

  it('does not count an empty or unreadable answer', () => {
    expect(grade(numeric, {kind: 'numeric', text: ''})).toEqual({valid: false, message: 'Enter a number.'});
  });
});

describe('ordering questions', () => {
  it('is right only in the listed order and tells which steps are in place', () => {
    expect(grade(ordering, {kind: 'ordering', stepIds: ['one', 'two', 'three', 'four']})).toMatchObject({correct: true});
    expect(grade(ordering, {kind: 'ordering', stepIds: ['one', 'three', 'two', 'four']})).toMatchObject({correct: false, inPlace: ['one', 'four']});
  });

  it('rejects a list with missing, repeated or unknown steps', () => {
    expect(grade(ordering, {kind: 'ordering', stepIds: ['one', 'two', 'three']})).toMatchObject({valid: false});
    expect(grade(ordering, {kind: 'ordering', stepIds: ['one', 'one', 'three', 'four']})).toMatchObject({valid: false});
    expect(grade(ordering, {kind: 'ordering', stepIds: ['one', 'two', 'three', 'five']})).toMatchObject({valid: false});
  });

  it('starts from a stable shuffle that is never the right order', () => {
    expect(shuffledStepIds(ordering)).toEqual(shuffledStepIds(ordering));
    expect(shuffledStepIds(ordering)).not.toEqual(['one', 'two', 'three', 'four']);
    expect([...shuffledStepIds(ordering)].sort()).toEqual(['four', 'one', 'three', 'two']);
    const two: OrderingQuestion = {...ordering, id: 'x', steps: ordering.steps.slice(0, 2)};
    expect(shuffledStepIds(two)).toEqual(['two', 'one']);
  });
});

describe('any question', () => {
  it('grades its revealed answer as right and its blank answer as not gradable', () => {
    for (const question of [single, multiple, numeric, ordering]) {
      expect(grade(question, correctAnswer(question))).toMatchObject({valid: true, correct: true});
      const blank = grade(question, blankAnswer(question));
      if (question.kind === 'ordering') expect(blank).toMatchObject({valid: true, correct: false});
      else expect(blank.valid).toBe(false);
    }
  });

  it('treats an answer of another kind as not gradable instead of throwing', () => {
    expect(grade(single, {kind: 'numeric', text: '1'})).toMatchObject({valid: false});
    expect(grade(ordering, {kind: 'single', choiceId: 'a'})).toMatchObject({valid: false});
  });
});
