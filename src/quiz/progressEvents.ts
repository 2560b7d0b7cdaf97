/**
 * The answer events: pure functions from progress to the next progress, used by the store
 * (./progressStore). Apart from ./progressModel, whose shape and scoring every docs page's
 * progress marks load (the progress-view chunk), so those pages do not carry the events.
 */
import type {Answer} from './grade';
import {REVEAL_COOLDOWN_MS, type Progress, type QuestionProgress} from './progressModel';

const blankQuestion = (): QuestionProgress => ({attempts: 0, answeredCorrectly: false, revealedAt: null, answer: null, answeredAt: null});

/** The entries for the quiz's current questions that still apply. */
function applying(questions: Record<string, QuestionProgress>, questionIds: readonly string[], stale: readonly string[]): Record<string, QuestionProgress> {
  return Object.fromEntries(Object.entries(questions).filter(([id]) => questionIds.includes(id) && !stale.includes(id)));
}

function updateQuestion(
  progress: Progress,
  quizId: string,
  questionIds: readonly string[],
  questionId: string,
  change: (question: QuestionProgress) => QuestionProgress,
  stale: readonly string[],
): Progress {
  const quiz = progress.quizzes[quizId] ?? {questions: {}, questionIds: []};
  // Entries for questions the quiz no longer has, or that no longer apply (./applicableProgress), are dropped: answered afresh.
  const kept = applying(quiz.questions, questionIds, stale);
  const question = change(kept[questionId] ?? blankQuestion());
  return {
    ...progress,
    quizzes: {
      ...progress.quizzes,
      [quizId]: {questions: {...kept, [questionId]: question}, questionIds: [...questionIds]},
    },
  };
}

/** The reader submitted a graded answer. */
export function answerRecorded(
  progress: Progress,
  quizId: string,
  questionIds: readonly string[],
  questionId: string,
  answer: Answer,
  correct: boolean,
  now: number,
  stale: readonly string[] = [],
): Progress {
  return updateQuestion(progress, quizId, questionIds, questionId, (question) => {
    const cooledDown = question.revealedAt === null || now - question.revealedAt >= REVEAL_COOLDOWN_MS;
    return {
      attempts: question.attempts + 1,
      answeredCorrectly: correct,
      revealedAt: correct && cooledDown ? null : question.revealedAt,
      answer,
      answeredAt: now,
    };
  }, stale);
}

/** The reader asked to see the answer. */
export function answerRevealed(
  progress: Progress,
  quizId: string,
  questionIds: readonly string[],
  questionId: string,
  now: number,
  stale: readonly string[] = [],
): Progress {
  return updateQuestion(
    progress,
    quizId,
    questionIds,
    questionId,
    (question) => ({...question, answeredCorrectly: false, revealedAt: now}),
    stale,
  );
}

/**
 * The quiz was shown with these questions: progress stored for another list (the quiz changed since)
 * or with entries that no longer apply (`stale`, from ./applicableProgress) is brought up to date, so
 * the marks that score from what is stored (./unitState: the sidebar, the chapter header, the home
 * page) agree with the quiz from then on. Unchanged otherwise
 * (the very same object), so nothing is written on an ordinary visit.
 */
export function quizSeen(progress: Progress, quizId: string, questionIds: readonly string[], stale: readonly string[]): Progress {
  const quiz = Object.hasOwn(progress.quizzes, quizId) ? progress.quizzes[quizId] : undefined;
  if (quiz === undefined) return progress;
  const sameIds = quiz.questionIds.length === questionIds.length && quiz.questionIds.every((id, index) => id === questionIds[index]);
  const removed = Object.keys(quiz.questions).some((id) => !questionIds.includes(id) || stale.includes(id));
  if (sameIds && !removed) return progress;
  return {...progress, quizzes: {...progress.quizzes, [quizId]: {questions: applying(quiz.questions, questionIds, stale), questionIds: [...questionIds]}}};
}

