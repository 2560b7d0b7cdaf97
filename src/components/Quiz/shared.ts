import type {Answer} from '@site/src/quiz/grade';
import {REVEAL_COOLDOWN_MS, type QuestionProgress} from '@site/src/quiz/progressModel';
import type {QuizQuestion} from '@site/src/quiz/types';

/** What the quiz gives each question, whatever its kind. */
export interface QuestionProps<Q extends QuizQuestion> {
  question: Q;
  /** Unique in the page: quiz id and question id. */
  idPrefix: string;
  number: number;
  total: number;
  stored: QuestionProgress | undefined;
  /** "Score: 3 of 6…", appended to each announcement. */
  scoreLine: string;
  onAnswer: (answer: Answer, correct: boolean) => void;
  onReveal: () => void;
}

/** How long after a reveal a question can earn credit again, in minutes. */
export const COOLDOWN_MINUTES = Math.round(REVEAL_COOLDOWN_MS / 60_000);

/** A moment as the reader's clock shows it ("14:05"). */
export function clockTime(time: number): string {
  return new Date(time).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
}
