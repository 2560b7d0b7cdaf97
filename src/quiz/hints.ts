/**
 * Hints keyed to common wrong answers: which one, if any, fits what the
 * reader submitted. Pure, like grading; the quiz shows the hint with a wrong
 * verdict, before the reader asks to see the answer.
 */
import {grade, withinTolerance, type Answer} from './grade';
import type {QuizQuestion} from './types';

/** The hint for this answer, or null when the answer is right, unreadable or not a known mistake. */
export function hintFor(question: QuizQuestion, answer: Answer): string | null {
  if (question.kind === 'numeric') {
    const verdict = grade(question, answer);
    if (!verdict.valid || verdict.kind !== 'numeric' || verdict.correct) return null;
    const hint = question.hints?.find(({value, tolerance = 0}) => withinTolerance(verdict.value, value, tolerance));
    return hint?.text ?? null;
  }
  if ((question.kind === 'single' || question.kind === 'multiple') && (answer.kind === 'single' || answer.kind === 'multiple')) {
    const selected = answer.kind === 'single' ? (answer.choiceId ? [answer.choiceId] : []) : answer.choiceIds;
    const hint = question.hints?.find(({choiceIds}) => choiceIds.length > 0 && choiceIds.every((id) => selected.includes(id)));
    return hint?.text ?? null;
  }
  return null;
}
