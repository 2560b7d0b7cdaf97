/**
 * Reading stored or imported progress: validation of every field, and the
 * migrations from older stored versions to the current one.
 */
import {CURRENT_VERSION, ID_PATTERN, type Progress, type QuestionProgress, type QuizProgress} from './progressModel';
import {readGuesses} from './guesses';

export type MigrateResult = {ok: true; progress: Progress} | {ok: false; reason: string};

/**
 * Upgrades from stored version N to N + 1; every older value is carried
 * forward step by step. A new format adds a step here and bumps CURRENT_VERSION.
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 1 had no predictions.
  1: (v1) => ({...v1, version: 2, guesses: {}}),
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTime = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);

const isIdList = (value: unknown, max = 500): value is string[] =>
  Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string' && item.length <= 200);

/** Largest stored challenge design, in JSON characters (a lab model is well under 5,000). */
const MAX_MODEL_CHARS = 50_000;

function checkAnswer(value: unknown): string | null {
  if (value === null) return null;
  if (!isRecord(value)) return 'must be an answer object or null';
  switch (value.kind) {
    case 'single':
      return value.choiceId === null || (typeof value.choiceId === 'string' && value.choiceId.length <= 200) ? null : 'has a bad choiceId';
    case 'multiple':
      return isIdList(value.choiceIds, 100) ? null : 'has bad choiceIds';
    case 'numeric':
      return typeof value.text === 'string' && value.text.length <= 200 ? null : 'has a bad text';
    case 'ordering':
      return isIdList(value.stepIds, 100) ? null : 'has bad stepIds';
    case 'challenge':
      // The design is graded by the engine, which rejects a bad model with a reason; here it only has to be a small object.
      return isRecord(value.model) && JSON.stringify(value.model).length <= MAX_MODEL_CHARS ? null : 'has a bad model';
    default:
      return 'has an unknown kind';
  }
}

function checkQuestion(value: unknown): string | null {
  if (!isRecord(value)) return 'is not an object';
  if (typeof value.attempts !== 'number' || !Number.isInteger(value.attempts) || value.attempts < 0) return 'attempts must be a whole number, 0 or more';
  if (typeof value.answeredCorrectly !== 'boolean') return 'answeredCorrectly must be true or false';
  if (!isTime(value.revealedAt)) return 'revealedAt must be a time or null';
  if (!isTime(value.answeredAt)) return 'answeredAt must be a time or null';
  const answerProblem = checkAnswer(value.answer);
  return answerProblem ? `answer ${answerProblem}` : null;
}

/** Reads the current format (after any migration). */
function readCurrent(value: Record<string, unknown>): MigrateResult {
  if (!isRecord(value.quizzes)) return {ok: false, reason: '"quizzes" is missing or is not an object.'};
  const quizzes: Record<string, QuizProgress> = {};
  for (const [quizId, quiz] of Object.entries(value.quizzes)) {
    if (!ID_PATTERN.test(quizId)) return {ok: false, reason: `"${quizId.slice(0, 60)}" is not a quiz id.`};
    if (!isRecord(quiz) || !isRecord(quiz.questions)) return {ok: false, reason: `Quiz "${quizId}" has no "questions" object.`};
    if (!isIdList(quiz.questionIds) || !quiz.questionIds.every((id) => ID_PATTERN.test(id))) {
      return {ok: false, reason: `Quiz "${quizId}" has a bad "questionIds" list.`};
    }
    const questions: Record<string, QuestionProgress> = {};
    for (const [questionId, question] of Object.entries(quiz.questions)) {
      if (!ID_PATTERN.test(questionId)) return {ok: false, reason: `Quiz "${quizId}": "${questionId.slice(0, 60)}" is not a question id.`};
      const problem = checkQuestion(question);
      if (problem) return {ok: false, reason: `Quiz "${quizId}", question "${questionId}": ${problem}.`};
      const q = question as unknown as QuestionProgress;
      questions[questionId] = {
        attempts: q.attempts,
        answeredCorrectly: q.answeredCorrectly,
        revealedAt: q.revealedAt,
        answer: q.answer,
        answeredAt: q.answeredAt,
      };
    }
    quizzes[quizId] = {questions, questionIds: [...quiz.questionIds]};
  }
  const guesses = readGuesses(value.guesses);
  if (!guesses.ok) return guesses;
  return {ok: true, progress: {version: 2, quizzes, guesses: guesses.guesses}};
}

/**
 * Turns anything (parsed JSON from storage or from an imported file) into
 * current progress, upgrading older versions, or says why it cannot.
 */
export function migrate(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, currentVersion: number = CURRENT_VERSION): MigrateResult {
  if (!isRecord(raw)) return {ok: false, reason: 'It is not a Failover Lab progress object.'};
  let value = raw;
  let version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {ok: false, reason: 'It has no valid "version": it is not Failover Lab progress.'};
  }
  if (version > currentVersion) {
    return {ok: false, reason: `It was saved by a newer version of the course (format ${version}; this site reads up to ${currentVersion}).`};
  }
  while (version < currentVersion) {
    const step = migrations[version];
    if (!step) return {ok: false, reason: `Format ${version} cannot be upgraded.`};
    try {
      value = step(value);
    } catch {
      return {ok: false, reason: `Upgrading format ${version} failed.`};
    }
    version += 1;
    if (!isRecord(value) || value.version !== version) return {ok: false, reason: `Upgrading to format ${version} failed.`};
  }
  return readCurrent(value);
}

/** Parses JSON text and migrates it. Never throws. */
export function parseProgress(text: string): MigrateResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {ok: false, reason: 'It is not valid JSON.'};
  }
  return migrate(raw);
}

/** The export file's text: the stored format, readable. */
export function serializeProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}
