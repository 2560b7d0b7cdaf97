/**
 * A unit's state from the stored progress: what the sidebar's marks and the line above a chapter's title
 * show on every docs page. Works on any list of units (./course's whole ones, or ./courseIndex.data's few
 * fields), so those pages need neither the chapters' texts nor the quiz questions.
 */
import {scoreStoredQuiz, type Progress, type QuizScore} from './progressModel';

/** What these functions read of a unit. */
export interface UnitRef {
  /** Chapter number, or null for the introduction. */
  number: number | null;
  docId?: string;
  quizId?: string;
}

export function unitOfDoc<U extends UnitRef>(units: readonly U[], docId: string): U | undefined {
  return units.find((unit) => unit.docId === docId);
}

/** "Chapter 3" or "Introduction". */
export function unitLabel(unit: Pick<UnitRef, 'number'>): string {
  return unit.number === null ? 'Introduction' : `Chapter ${unit.number}`;
}

/** A unit is done when its quiz is passed. */
export function unitScoreFromStore(progress: Progress, unit: Pick<UnitRef, 'quizId'>): QuizScore | null {
  return unit.quizId ? scoreStoredQuiz(progress, unit.quizId) : null;
}

/** "Done", "started" or "not started", scored from what is stored (for the sidebar). */
export function unitStateFromStore(progress: Progress, unit: Pick<UnitRef, 'quizId'>): 'done' | 'started' | 'not-started' {
  const score = unitScoreFromStore(progress, unit);
  return score?.passed ? 'done' : score?.started ? 'started' : 'not-started';
}

/** How many of `units` are done, scored from what is stored (no questions loaded). */
export function unitsDone(progress: Progress, units: readonly Pick<UnitRef, 'quizId'>[]): number {
  return units.filter((unit) => unitScoreFromStore(progress, unit)?.passed === true).length;
}
