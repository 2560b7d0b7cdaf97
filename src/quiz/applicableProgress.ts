/**
 * A quiz's stored progress as it applies to the quiz's questions today. Answers are stored by
 * question id and choice id; when a question is removed, or a choice the reader picked no longer
 * exists, the stored entry is stale: it earns no credit, is not shown as the reader's answer,
 * and the reader answers the question afresh (the next answer in the quiz drops it from storage).
 * Questions whose meaning changes get a new id (./fingerprints.test.ts), so this is the safety net.
 */
import {answerFits, grade} from './grade';
import type {QuestionProgress, QuizProgress} from './progressModel';
import type {QuizQuestion} from './types';

export interface ApplicableProgress {
  /** The stored progress with only the entries that apply (undefined when nothing is stored). */
  quiz: QuizProgress | undefined;
  /** Ids of the stored entries that do not apply: pass them to the store's events so they are dropped. */
  stale: string[];
}

function applies(question: QuizQuestion | undefined, entry: QuestionProgress): boolean {
  if (question === undefined) return false;
  if (entry.answer === null) return true;
  if (!answerFits(question, entry.answer)) return false;
  // A stored right answer this question now grades wrong was given to another question. A challenge
  // is not regraded here: that runs the engine, and its component grades the stored design itself.
  if (!entry.answeredCorrectly || question.kind === 'challenge') return true;
  const verdict = grade(question, entry.answer);
  return verdict.valid && verdict.correct;
}

export function applicableProgress(questions: readonly QuizQuestion[], stored: QuizProgress | undefined): ApplicableProgress {
  if (stored === undefined) return {quiz: undefined, stale: []};
  const byId = new Map(questions.map((question) => [question.id, question]));
  const kept: Record<string, QuestionProgress> = {};
  const stale: string[] = [];
  for (const [id, entry] of Object.entries(stored.questions)) {
    if (applies(byId.get(id), entry)) kept[id] = entry;
    else stale.push(id);
  }
  return {quiz: stale.length === 0 ? stored : {questionIds: stored.questionIds, questions: kept}, stale};
}
