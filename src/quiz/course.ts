/**
 * The course as the progress features see it: the introduction plus every
 * chapter of src/content/chapters.ts, each with its quiz id and reading time.
 * No questions: pages that need them use ./registry. The sidebar and the
 * chapter header, on every docs page, use ./courseIndex.data and ./unitState
 * instead, which leave out the chapters' texts.
 */
import {chapters} from '@site/src/content/chapters';
import type {Progress} from './progressModel';
import {QUESTIONS_KEYS} from './questionsKeys.data';
import {unitOfDoc, unitsDone, unitStateFromStore} from './unitState';

/** The fingerprint of a quiz's question ids today, or undefined for a unit without a quiz the site has. */
const questionsKeyOf = (quizId: string | undefined): string | undefined =>
  quizId !== undefined && Object.hasOwn(QUESTIONS_KEYS, quizId) ? QUESTIONS_KEYS[quizId] : undefined;

export {unitLabel, unitScoreFromStore, unitStateFromStore} from './unitState';

export interface CourseUnit {
  /** Stable key, e.g. `"intro"` or `"chapter-3"`. */
  key: string;
  /** Chapter number, or null for the introduction. */
  number: number | null;
  title: string;
  /** Docs id once published; until then the unit is "in preparation". */
  docId?: string;
  quizId?: string;
  readingMinutes?: number;
  /** The fingerprint of its quiz's question ids today (./questionsKeys.data), so stored answers given to an older quiz do not make it done. */
  questionsKey?: string;
  /** What passing its quiz shows. */
  proves: string;
}

/** Words a minute used for reading times. */
export const WORDS_PER_MINUTE = 200;

export const introUnit: CourseUnit = {
  key: 'intro',
  number: null,
  title: 'Course introduction',
  docId: 'intro',
  quizId: 'intro',
  readingMinutes: 5,
  questionsKey: questionsKeyOf('intro'),
  proves: 'Knows the four popular multi-AZ oversimplifications and how long a load balancer takes to notice a dead target.',
};

export const courseUnits: readonly CourseUnit[] = [
  introUnit,
  ...chapters.map(
    (chapter): CourseUnit => ({
      key: `chapter-${chapter.number}`,
      number: chapter.number,
      title: chapter.title,
      docId: chapter.docId,
      quizId: chapter.quizId,
      readingMinutes: chapter.readingMinutes,
      questionsKey: questionsKeyOf(chapter.quizId),
      proves: chapter.proves,
    }),
  ),
];

export function unitForDoc(docId: string): CourseUnit | undefined {
  return unitOfDoc(courseUnits, docId);
}

export interface CourseCompletion {
  done: number;
  total: number;
}

/** How many of the course's units are done, scored from what is stored (no questions loaded). */
export function courseCompletionFromStore(progress: Progress): CourseCompletion {
  return {done: unitsDone(progress, courseUnits), total: courseUnits.length};
}

/**
 * Counts the words a reader reads in an MDX page: the text and the code, not
 * the front matter, the import lines or the JSX tags.
 */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(import|export) .*$/gm, '')
    .replace(/^(```|~~~).*$/gm, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  return text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function readingMinutesFor(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** Minutes of reading in the whole course (the introduction and every published chapter). */
export function courseReadingMinutes(): number {
  return courseUnits.reduce((sum, unit) => sum + (unit.docId ? (unit.readingMinutes ?? 0) : 0), 0);
}

/** The published unit after this one in teaching order that is not done yet, if any. */
export function nextUnitAfter(progress: Progress, unit: CourseUnit): CourseUnit | undefined {
  const index = courseUnits.indexOf(unit);
  return courseUnits.slice(index + 1).find((next) => next.docId && unitStateFromStore(progress, next) !== 'done');
}

/** When the reader last answered or revealed a question of this unit's quiz (ms), or null. */
function lastActivity(progress: Progress, unit: CourseUnit): number | null {
  const quiz = unit.quizId ? progress.quizzes[unit.quizId] : undefined;
  const times = Object.values(quiz?.questions ?? {}).flatMap((question) => [question.answeredAt ?? 0, question.revealedAt ?? 0]);
  const latest = Math.max(0, ...times);
  return latest > 0 ? latest : null;
}

/**
 * Where to continue: the unit the reader worked on last if it is not done,
 * else the next unit not done after it. Null before any answer, or when the
 * rest of the course is done.
 */
export function continueUnit(progress: Progress): CourseUnit | null {
  let last: CourseUnit | null = null;
  let lastAt = 0;
  for (const unit of courseUnits) {
    const at = lastActivity(progress, unit);
    if (at !== null && at >= lastAt) {
      last = unit;
      lastAt = at;
    }
  }
  if (!last) return null;
  return unitStateFromStore(progress, last) === 'done' ? (nextUnitAfter(progress, last) ?? null) : last;
}
