/**
 * Course progress: what the reader answered, kept in this browser's
 * localStorage under one versioned key. Framework-free (no React): the store
 * has `getState`, `subscribe` and a few events, and components bind to it with
 * `useSyncExternalStore` (see src/components/ProgressBadge/useProgress.ts),
 * through ./progressOnDemand, which loads the store when a page needs it.
 *
 * Its parts, one entry (./progress re-exports them): this module, the
 * stored shape and scoring; ./progressEvents, the answer events;
 * ./progressFormat, reading stored or imported data; ./progressState, what
 * the pages show; ./progressStore, the store.
 */
import type {Answer} from './grade';
import type {Guesses} from './guesses';

/** The one localStorage key the site writes. */
export const STORAGE_KEY = 'failover-lab:progress';
export const CURRENT_VERSION = 2;

/** A quiz is passed, and its chapter done, when this share of its questions has credit. */
export const PASS_MARK = 0.8;

/**
 * After "Reveal answer", a right answer earns credit again only if it comes at
 * least this long after the reveal: answering from memory later, not copying
 * the answer just shown, so revealing is never a way to pass.
 */
export const REVEAL_COOLDOWN_MS = 10 * 60 * 1000;

/** One question, as last answered. */
export interface QuestionProgress {
  /** Graded submissions (answers that could not be graded, such as an empty one, do not count). */
  attempts: number;
  /** The last graded answer was right. */
  answeredCorrectly: boolean;
  /** When the answer was last revealed (ms since 1970), until a right answer at least REVEAL_COOLDOWN_MS later clears it. */
  revealedAt: number | null;
  /** The last graded answer, so the quiz shows it again after a reload. */
  answer: Answer | null;
  answeredAt: number | null;
}

export interface QuizProgress {
  questions: Record<string, QuestionProgress>;
  /**
   * The quiz's question ids when it was last answered. The sidebar and the
   * chapter header score a quiz from these, so they need not load every
   * quiz's questions on every page.
   */
  questionIds: string[];
}

export interface ProgressV1 {
  version: 1;
  quizzes: Record<string, QuizProgress>;
}

/** Version 2 adds the predictions the reader committed (src/quiz/guesses.ts). */
export interface ProgressV2 {
  version: 2;
  quizzes: Record<string, QuizProgress>;
  guesses: Guesses;
}

/** The current stored shape. */
export type Progress = ProgressV2;

export const emptyProgress = (): Progress => ({version: 2, quizzes: {}, guesses: {}});

/** Quiz and question ids: lowercase words joined by hyphens (also keeps keys like `__proto__` out). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---------------------------------------------------------------------------
// Scoring

/** A question earns credit when its last answer was right and no reveal is pending. */
export function hasCredit(question: QuestionProgress | undefined): boolean {
  return question !== undefined && question.answeredCorrectly && question.revealedAt === null;
}

/** Questions that need credit for a quiz of `total` questions to pass. */
export function requiredCorrect(total: number): number {
  return Math.ceil(total * PASS_MARK - 1e-9);
}

export interface QuizScore {
  credited: number;
  total: number;
  required: number;
  passed: boolean;
  /** Some question has been answered or revealed. */
  started: boolean;
}

export function scoreQuiz(questionIds: readonly string[], quiz: QuizProgress | undefined): QuizScore {
  const total = questionIds.length;
  const credited = questionIds.filter((id) => hasCredit(quiz?.questions[id])).length;
  const required = requiredCorrect(total);
  const started = questionIds.some((id) => quiz?.questions[id] !== undefined);
  return {credited, total, required, passed: total > 0 && credited >= required, started};
}

/** Scores a quiz from the question ids stored with its progress (for pages that do not load the questions). */
export function scoreStoredQuiz(progress: Progress, quizId: string): QuizScore {
  const quiz = progress.quizzes[quizId];
  return scoreQuiz(quiz?.questionIds ?? [], quiz);
}

/** When a revealed question can earn credit again, or null if it can now (or was never revealed). */
export function creditAvailableAt(question: QuestionProgress | undefined): number | null {
  if (!question || question.revealedAt === null) return null;
  return question.revealedAt + REVEAL_COOLDOWN_MS;
}

