/**
 * Grading: pure functions from a question and the reader's answer to a
 * verdict. No React, no storage, no clock: the Quiz component and the tests
 * call the same code.
 */
import type {Model} from '@site/src/engine';
import {gradeChallenge, type ChallengeResult} from './challenge';
import {parseNumber, type ParsedNumber} from './parseNumber';
import type {
  ChallengeQuestion,
  Choice,
  MultipleChoiceQuestion,
  NumericQuestion,
  OrderingQuestion,
  QuizQuestion,
  SingleChoiceQuestion,
} from './types';

/** What the reader submitted. Stored as is, so it uses ids, never indexes. */
export type Answer =
  | {kind: 'single'; choiceId: string | null}
  | {kind: 'multiple'; choiceIds: string[]}
  | {kind: 'numeric'; text: string}
  | {kind: 'ordering'; stepIds: string[]}
  /** A challenge's answer is the design the reader submitted. */
  | {kind: 'challenge'; model: Model};

/** The answer could not be graded (nothing chosen, not a number…): no attempt is counted. */
export interface InvalidAnswer {
  valid: false;
  message: string;
}

export interface ChoiceVerdict {
  valid: true;
  kind: 'single' | 'multiple';
  correct: boolean;
  /** Choices the reader selected. */
  selected: string[];
}

export interface NumericVerdict {
  valid: true;
  kind: 'numeric';
  correct: boolean;
  value: number;
  /** Which side of the accepted range a wrong answer fell on. */
  direction: 'low' | 'high' | null;
}

export interface OrderingVerdict {
  valid: true;
  kind: 'ordering';
  correct: boolean;
  /** Steps the reader put at their right position. */
  inPlace: string[];
}

export interface ChallengeVerdict {
  valid: true;
  kind: 'challenge';
  correct: boolean;
  /** Every target with what was met or missed, and why. */
  result: ChallengeResult;
}

export type Verdict = ChoiceVerdict | NumericVerdict | OrderingVerdict | ChallengeVerdict;
export type GradeResult = Verdict | InvalidAnswer;

function invalid(message: string): InvalidAnswer {
  return {valid: false, message};
}

function knownChoices(question: {choices: Choice[]}, ids: readonly string[]): string[] {
  const known = new Set(question.choices.map((choice) => choice.id));
  return [...new Set(ids)].filter((id) => known.has(id));
}

function gradeSingle(question: SingleChoiceQuestion, answer: Answer): GradeResult {
  if (answer.kind !== 'single') return invalid('This answer does not fit a single-choice question.');
  const selected = knownChoices(question, answer.choiceId ? [answer.choiceId] : []);
  if (selected.length === 0) return invalid('Choose one option.');
  const choice = question.choices.find((candidate) => candidate.id === selected[0]);
  return {valid: true, kind: 'single', correct: choice?.correct === true, selected};
}

function gradeMultiple(question: MultipleChoiceQuestion, answer: Answer): GradeResult {
  if (answer.kind !== 'multiple') return invalid('This answer does not fit a multiple-choice question.');
  const selected = knownChoices(question, answer.choiceIds);
  if (selected.length === 0) return invalid('Select at least one option.');
  const chosen = new Set(selected);
  const correct = question.choices.every((choice) => choice.correct === chosen.has(choice.id));
  return {valid: true, kind: 'multiple', correct, selected};
}

export {parseNumber, type ParsedNumber};

/** `value` is `target` ± `tolerance`, with a small epsilon so that 0.1 + 0.2 style floating error never fails a right answer. */
export function withinTolerance(value: number, target: number, tolerance: number): boolean {
  return Math.abs(value - target) <= tolerance + 1e-9 * Math.max(1, Math.abs(target));
}

function gradeNumeric(question: NumericQuestion, answer: Answer): GradeResult {
  if (answer.kind !== 'numeric') return invalid('This answer does not fit a numeric question.');
  const parsed = parseNumber(answer.text, question.unit);
  if (!parsed.ok) return invalid(parsed.message);
  const {value} = parsed;
  const correct = withinTolerance(value, question.answer, question.tolerance);
  const direction = correct ? null : value < question.answer ? 'low' : 'high';
  return {valid: true, kind: 'numeric', correct, value, direction};
}

function gradeOrdering(question: OrderingQuestion, answer: Answer): GradeResult {
  if (answer.kind !== 'ordering') return invalid('This answer does not fit an ordering question.');
  const expected = question.steps.map((step) => step.id);
  const given = answer.stepIds;
  if (given.length !== expected.length || new Set(given).size !== given.length || !given.every((id) => expected.includes(id))) {
    return invalid('Put every step in the list exactly once.');
  }
  const inPlace = given.filter((id, index) => expected[index] === id);
  return {valid: true, kind: 'ordering', correct: inPlace.length === expected.length, inPlace};
}

function gradeChallengeAnswer(question: ChallengeQuestion, answer: Answer): GradeResult {
  if (answer.kind !== 'challenge') return invalid('This answer does not fit a challenge.');
  // An invalid model is a graded, failed attempt: the result carries the engine's message.
  const result = gradeChallenge(question, answer.model);
  return {valid: true, kind: 'challenge', correct: result.passed, result};
}

/** Grades one answer. Never throws: an answer of the wrong shape is invalid, not an error. */
export function grade(question: QuizQuestion, answer: Answer): GradeResult {
  switch (question.kind) {
    case 'single':
      return gradeSingle(question, answer);
    case 'multiple':
      return gradeMultiple(question, answer);
    case 'numeric':
      return gradeNumeric(question, answer);
    case 'ordering':
      return gradeOrdering(question, answer);
    case 'challenge':
      return gradeChallengeAnswer(question, answer);
  }
}

/**
 * Whether a stored answer still fits this question: same kind, and only choices or steps the
 * question has now. An answer saved before a choice was renamed or removed does not fit, so
 * it is neither shown as the reader's choice nor credited (see ./applicableProgress).
 */
export function answerFits(question: QuizQuestion, answer: Answer): boolean {
  if (answer.kind !== question.kind) return false;
  switch (answer.kind) {
    case 'single':
      return question.kind === 'single' && answer.choiceId !== null && question.choices.some((choice) => choice.id === answer.choiceId);
    case 'multiple': {
      if (question.kind !== 'multiple') return false;
      const known = new Set(question.choices.map((choice) => choice.id));
      return answer.choiceIds.length > 0 && new Set(answer.choiceIds).size === answer.choiceIds.length && answer.choiceIds.every((id) => known.has(id));
    }
    case 'ordering':
    case 'numeric':
      return grade(question, answer).valid;
    case 'challenge':
      return true;
  }
}

/** An empty answer of the right kind: what the reader starts from, and from scratch after "Try again". */
export function blankAnswer(question: QuizQuestion): Answer {
  switch (question.kind) {
    case 'single':
      return {kind: 'single', choiceId: null};
    case 'multiple':
      return {kind: 'multiple', choiceIds: []};
    case 'numeric':
      return {kind: 'numeric', text: ''};
    case 'ordering':
      return {kind: 'ordering', stepIds: shuffledStepIds(question)};
    case 'challenge':
      return {kind: 'challenge', model: question.start};
  }
}

/** A 32-bit FNV-1a hash: a stable seed from a question id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The steps in a scrambled order that is the same on the server and in the
 * browser (seeded by the question id, so hydration matches) and never the
 * right order when there are two steps or more.
 */
export function shuffledStepIds(question: OrderingQuestion): string[] {
  const ids = question.steps.map((step) => step.id);
  if (ids.length < 2) return ids;
  let seed = hash(question.id) || 1;
  const next = () => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const shuffled = [...ids];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  if (shuffled.every((id, index) => ids[index] === id)) shuffled.push(shuffled.shift()!);
  return shuffled;
}

/** The right answer, for "Reveal answer". */
export function correctAnswer(question: QuizQuestion): Answer {
  switch (question.kind) {
    case 'single':
      return {kind: 'single', choiceId: question.choices.find((choice) => choice.correct)?.id ?? null};
    case 'multiple':
      return {kind: 'multiple', choiceIds: question.choices.filter((choice) => choice.correct).map((choice) => choice.id)};
    case 'numeric':
      return {kind: 'numeric', text: String(question.answer)};
    case 'ordering':
      return {kind: 'ordering', stepIds: question.steps.map((step) => step.id)};
    case 'challenge':
      return {kind: 'challenge', model: question.solution};
  }
}
