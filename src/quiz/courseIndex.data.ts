/**
 * The course's units as every docs page needs them: the sidebar's marks and the line above a chapter's
 * title (which part, its reading time, whether it is done, how many parts are; whether stored answers were given to its quiz as it is today). Evaluated when the site
 * is built (src/plugins/buildTimeData.ts), so those pages ship these few fields, not the chapters'
 * titles, promises and proofs (src/content/chapters.ts), which the home, progress and onboarding pages show.
 */
import {courseUnits, type CourseUnit} from './course';

export type IndexedUnit = Pick<CourseUnit, 'key' | 'number' | 'docId' | 'quizId' | 'readingMinutes' | 'questionsKey'>;

export const UNITS: readonly IndexedUnit[] = courseUnits.map(({key, number, docId, quizId, readingMinutes, questionsKey}) => ({key, number, docId, quizId, readingMinutes, questionsKey}));
