/**
 * A unit's state from the stored progress: what the sidebar's marks, the line above a chapter's title and
 * the home page show. Works on any list of units (./course's whole ones, or ./courseIndex.data's few
 * fields), so those pages need neither the chapters' texts nor the quiz questions. They score a quiz from
 * the question ids stored with its answers; when those are not the quiz's ids today (a question replaced
 * or added since), which answers still count is known only where the questions are
 * loaded (the quiz, and the progress page: ./status), so until the reader answers the quiz again it is
 * shown in progress, never done. Each unit carries its quiz's fingerprint (./course, ./courseIndex.data).
 */
import {scoreStoredQuiz, type Progress, type QuizScore} from './progressModel';
import {questionsKey} from './questionsKey';

/** What these functions read of a unit. */
export interface UnitRef {
  /** Chapter number, or null for the introduction. */
  number: number | null;
  docId?: string;
  quizId?: string;
  /** The fingerprint of its quiz's question ids today (./questionsKey), computed when the site is built. */
  questionsKey?: string;
}

export function unitOfDoc<U extends UnitRef>(units: readonly U[], docId: string): U | undefined {
  return units.find((unit) => unit.docId === docId);
}

/** "Chapter 3" or "Introduction". */
export function unitLabel(unit: Pick<UnitRef, 'number'>): string {
  return unit.number === null ? 'Introduction' : `Chapter ${unit.number}`;
}

/** A unit's quiz score; a unit is done when its quiz is passed, as it is today. */
export function unitScoreFromStore(progress: Progress, unit: Pick<UnitRef, 'quizId' | 'questionsKey'>): QuizScore | null {
  if (!unit.quizId) return null;
  const score = scoreStoredQuiz(progress, unit.quizId);
  const stored = progress.quizzes[unit.quizId];
  const changedSince = stored !== undefined && unit.questionsKey !== undefined && questionsKey(stored.questionIds) !== unit.questionsKey;
  return changedSince ? {...score, passed: false} : score;
}

/** "Done", "started" or "not started" (for the sidebar and the home page). */
export function unitStateFromStore(progress: Progress, unit: Pick<UnitRef, 'quizId' | 'questionsKey'>): 'done' | 'started' | 'not-started' {
  const score = unitScoreFromStore(progress, unit);
  return score?.passed ? 'done' : score?.started ? 'started' : 'not-started';
}

/** How many of `units` are done (no questions loaded). */
export function unitsDone(progress: Progress, units: readonly Pick<UnitRef, 'quizId' | 'questionsKey'>[]): number {
  return units.filter((unit) => unitScoreFromStore(progress, unit)?.passed === true).length;
}
