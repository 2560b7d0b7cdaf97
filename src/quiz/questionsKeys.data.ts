/**
 * Each quiz's fingerprint of its question ids today (./questionsKey), by quiz id. Evaluated when the site is
 * built (src/plugins/buildTimeData.ts). ./course gives each unit its quiz's, so the sidebar, the chapter header
 * and the home page can tell whether stored answers were given to the quiz as it is now (./unitState).
 */
import {QUESTION_IDS} from './questionIds.data';
import {questionsKey} from './questionsKey';

export const QUESTIONS_KEYS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(QUESTION_IDS).map(([quizId, ids]) => [quizId, questionsKey(ids)]));
