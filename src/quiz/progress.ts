/**
 * Course progress: what the reader answered, kept in this browser's
 * localStorage under one versioned key. Framework-free (no React): the store
 * has `getState`, `subscribe` and a few events, and components bind to it with
 * `useSyncExternalStore` (see src/components/ProgressBadge/useProgress.ts).
 *
 * Nothing here throws at the reader: storage that is blocked, full or holds
 * something unreadable turns the store into a memory-only one for the visit,
 * with an `issue` the pages show as a quiet notice.
 */
import type {Answer} from './grade';
import {guessCleared, guessRecorded, readGuesses, type Guesses} from './guesses';

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

// ---------------------------------------------------------------------------
// Events: pure functions from progress to the next progress

const blankQuestion = (): QuestionProgress => ({attempts: 0, answeredCorrectly: false, revealedAt: null, answer: null, answeredAt: null});

function updateQuestion(
  progress: Progress,
  quizId: string,
  questionIds: readonly string[],
  questionId: string,
  change: (question: QuestionProgress) => QuestionProgress,
): Progress {
  const quiz = progress.quizzes[quizId] ?? {questions: {}, questionIds: []};
  const question = change(quiz.questions[questionId] ?? blankQuestion());
  return {
    ...progress,
    quizzes: {
      ...progress.quizzes,
      [quizId]: {questions: {...quiz.questions, [questionId]: question}, questionIds: [...questionIds]},
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
  });
}

/** The reader asked to see the answer. */
export function answerRevealed(
  progress: Progress,
  quizId: string,
  questionIds: readonly string[],
  questionId: string,
  now: number,
): Progress {
  return updateQuestion(progress, quizId, questionIds, questionId, (question) => ({
    ...question,
    answeredCorrectly: false,
    revealedAt: now,
  }));
}

/** When a revealed question can earn credit again, or null if it can now (or was never revealed). */
export function creditAvailableAt(question: QuestionProgress | undefined): number | null {
  if (!question || question.revealedAt === null) return null;
  return question.revealedAt + REVEAL_COOLDOWN_MS;
}

// ---------------------------------------------------------------------------
// Reading stored or imported data

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

// ---------------------------------------------------------------------------
// The store

/** The part of the Web Storage API the store uses (window.localStorage, or a fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type StorageIssue =
  | {kind: 'unavailable'; message: string}
  | {kind: 'full'; message: string}
  | {kind: 'unreadable'; message: string};

export interface ProgressState {
  progress: Progress;
  /** Why progress is not being kept, or null while it is. */
  issue: StorageIssue | null;
}

export const NOTICE_UNAVAILABLE = 'Your browser is not letting this site save progress; answers count for this visit only.';
export const NOTICE_FULL = "Your browser's storage for this site is full, so progress cannot be saved; answers count for this visit only.";
export const noticeUnreadable = (reason: string) =>
  `The progress saved in this browser could not be read (${reason.replace(/\.$/, '')}), so it is left untouched and answers count for this visit only. Resetting progress on the progress page clears it.`;

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const {name, code} = error as {name?: unknown; code?: unknown};
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export type ImportResult = {ok: true} | {ok: false; reason: string};

export interface ProgressStore {
  getState(): ProgressState;
  subscribe(listener: () => void): () => void;
  recordAnswer(quizId: string, questionIds: readonly string[], questionId: string, answer: Answer, correct: boolean): void;
  reveal(quizId: string, questionIds: readonly string[], questionId: string): void;
  /** A `Predict` was committed (values by ask id), or, with null, cleared to predict again. */
  recordGuess(id: string, values: Record<string, string> | null): void;
  /** Forgets all progress, here and in storage (also clears an unreadable stored value). */
  reset(): void;
  /** Replaces progress with an exported file's text; an invalid file changes nothing. */
  importText(text: string): ImportResult;
  exportText(): string;
  /** Reads storage again (another tab changed it). */
  reload(): void;
}

export interface StoreOptions {
  /** Returns the storage to use; may throw (a browser that blocks storage throws SecurityError here). */
  storage: () => StorageLike | null;
  now?: () => number;
}

/**
 * What the server renders (and the first client render, so hydration matches): no progress, no notice.
 * The store returns this very object while nothing is stored, so a first visit re-renders nothing
 * after hydration. Frozen all the way down: events build new objects, never change it.
 */
export const SERVER_STATE: ProgressState = Object.freeze({
  progress: Object.freeze({...emptyProgress(), quizzes: Object.freeze({}), guesses: Object.freeze({})}),
  issue: null,
}) as ProgressState;

export function createProgressStore({storage, now = () => Date.now()}: StoreOptions): ProgressStore {
  let state: ProgressState | null = null;
  const listeners = new Set<() => void>();

  function openStorage(): StorageLike | null {
    try {
      return storage();
    } catch {
      return null;
    }
  }

  function read(): ProgressState {
    const store = openStorage();
    if (!store) return {progress: emptyProgress(), issue: {kind: 'unavailable', message: NOTICE_UNAVAILABLE}};
    let text: string | null;
    try {
      text = store.getItem(STORAGE_KEY);
    } catch {
      return {progress: emptyProgress(), issue: {kind: 'unavailable', message: NOTICE_UNAVAILABLE}};
    }
    if (text === null) return SERVER_STATE;
    const parsed = parseProgress(text);
    if (!parsed.ok) return {progress: emptyProgress(), issue: {kind: 'unreadable', message: noticeUnreadable(parsed.reason)}};
    return {progress: parsed.progress, issue: null};
  }

  function current(): ProgressState {
    if (state === null) state = read();
    return state;
  }

  function emit() {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // A broken listener must not stop the others.
      }
    }
  }

  /** Tries to write; returns the issue if it could not. */
  function write(progress: Progress | null): StorageIssue | null {
    const store = openStorage();
    if (!store) return {kind: 'unavailable', message: NOTICE_UNAVAILABLE};
    try {
      if (progress === null) store.removeItem(STORAGE_KEY);
      else store.setItem(STORAGE_KEY, JSON.stringify(progress));
      return null;
    } catch (error) {
      return isQuotaError(error) ? {kind: 'full', message: NOTICE_FULL} : {kind: 'unavailable', message: NOTICE_UNAVAILABLE};
    }
  }

  /** A change from answering: saved unless storage already failed or holds something we must not overwrite. */
  function change(next: Progress) {
    const previous = current();
    const issue = previous.issue ?? write(next);
    state = {progress: next, issue};
    emit();
  }

  /** A change the reader asked for explicitly (reset, import): it may overwrite an unreadable stored value. */
  function replace(next: Progress, stored: Progress | null) {
    state = {progress: next, issue: write(stored)};
    emit();
  }

  return {
    getState: current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recordAnswer(quizId, questionIds, questionId, answer, correct) {
      change(answerRecorded(current().progress, quizId, questionIds, questionId, answer, correct, now()));
    },
    reveal(quizId, questionIds, questionId) {
      change(answerRevealed(current().progress, quizId, questionIds, questionId, now()));
    },
    recordGuess(id, values) {
      const progress = current().progress;
      const guesses = values === null ? guessCleared(progress.guesses, id) : guessRecorded(progress.guesses, id, values, now());
      change({...progress, guesses});
    },
    reset() {
      replace(emptyProgress(), null);
    },
    importText(text) {
      const parsed = parseProgress(text);
      if (!parsed.ok) return parsed;
      replace(parsed.progress, parsed.progress);
      return {ok: true};
    },
    exportText() {
      return serializeProgress(current().progress);
    },
    reload() {
      const previous = current();
      const next = read();
      // Keep this visit's answers when storage has just become unusable.
      state = next.issue ? {progress: previous.progress, issue: next.issue} : next;
      emit();
    },
  };
}

let browserStore: ProgressStore | null = null;

/** The site's store, on window.localStorage; the same object for the whole visit. */
export function getBrowserProgressStore(): ProgressStore {
  if (browserStore) return browserStore;
  const store = createProgressStore({storage: () => (typeof window === 'undefined' ? null : window.localStorage)});
  browserStore = store;
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) store.reload();
    });
  }
  return store;
}

