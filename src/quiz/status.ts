/**
 * Where the reader stands in each part of the course, scored against every
 * quiz's current questions (./questionIds.data, from the quiz registry), so a
 * question added since the reader answered counts (the progress and onboarding
 * pages use this; the sidebar uses the lighter scoring in ./unitState).
 */
import {courseUnits, type CourseUnit} from './course';
import {scoreQuiz, scoreStoredQuiz, type Progress, type QuizScore} from './progressModel';
import {QUESTION_IDS} from './questionIds.data';

export type UnitState = 'done' | 'started' | 'not-started' | 'in-preparation';

export interface UnitStatus {
  unit: CourseUnit;
  state: UnitState;
  score: QuizScore | null;
}

export const STATE_LABELS: Record<UnitState, string> = {
  done: 'Done',
  started: 'In progress',
  'not-started': 'Not started',
  'in-preparation': 'In preparation',
};

export function unitStatus(progress: Progress, unit: CourseUnit): UnitStatus {
  if (!unit.docId) return {unit, state: 'in-preparation', score: null};
  if (!unit.quizId) return {unit, state: 'not-started', score: null};
  const ids = Object.hasOwn(QUESTION_IDS, unit.quizId) ? QUESTION_IDS[unit.quizId] : undefined;
  const score = ids ? scoreQuiz(ids, progress.quizzes[unit.quizId]) : scoreStoredQuiz(progress, unit.quizId);
  const state: UnitState = score.passed ? 'done' : score.started ? 'started' : 'not-started';
  return {unit, state, score};
}

export interface CourseStatus {
  units: UnitStatus[];
  done: number;
  total: number;
}

export function courseStatus(progress: Progress): CourseStatus {
  const units = courseUnits.map((unit) => unitStatus(progress, unit));
  return {units, done: units.filter((status) => status.state === 'done').length, total: units.length};
}
