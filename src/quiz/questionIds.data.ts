/**
 * Each quiz's question ids, by quiz id: all that the progress and onboarding pages need of the quizzes to
 * score the reader's progress (./status). Evaluated when the site is built (src/plugins/buildTimeData.ts),
 * so those pages ship the ids, not every chapter's questions (./registry, about 36 KB gzip).
 */
import {quizzes} from './registry';

export const QUESTION_IDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(quizzes.map((quiz) => [quiz.id, quiz.questions.map((question) => question.id)]));
