/**
 * The course as the progress features see it: the introduction plus every
 * chapter of src/content/chapters.ts, each with its quiz id and reading time.
 * Light on purpose (no questions): the sidebar and chapter header import it
 * on every docs page. Pages that need the questions use ./registry.
 */
import {chapters} from '@site/src/content/chapters';
import {scoreStoredQuiz, type Progress, type QuizScore} from './progress';

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
      proves: chapter.proves,
    }),
  ),
];

export function unitForDoc(docId: string): CourseUnit | undefined {
  return courseUnits.find((unit) => unit.docId === docId);
}

/** "Chapter 3" or "Introduction". */
export function unitLabel(unit: CourseUnit): string {
  return unit.number === null ? 'Introduction' : `Chapter ${unit.number}`;
}

/** A unit is done when its quiz is passed. */
export function unitScoreFromStore(progress: Progress, unit: CourseUnit): QuizScore | null {
  return unit.quizId ? scoreStoredQuiz(progress, unit.quizId) : null;
}

export interface CourseCompletion {
  done: number;
  total: number;
}

/** How many of the course's units are done, scored from what is stored (no questions loaded). */
export function courseCompletionFromStore(progress: Progress): CourseCompletion {
  const done = courseUnits.filter((unit) => unitScoreFromStore(progress, unit)?.passed === true).length;
  return {done, total: courseUnits.length};
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
