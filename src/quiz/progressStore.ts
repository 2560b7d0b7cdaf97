/**
 * The progress store. Nothing here throws at the reader: storage that is
 * blocked, full or holds something unreadable turns the store into a
 * memory-only one for the visit, with an `issue` the pages show as a quiet
 * notice.
 */
import type {Answer} from './grade';
import {guessCleared, guessRecorded} from './guesses';
import {answerRecorded, answerRevealed, quizSeen} from './progressEvents';
import {STORAGE_KEY, emptyProgress, type Progress} from './progressModel';
import {parseProgress, serializeProgress} from './progressFormat';
import {SERVER_STATE, type ProgressState, type StorageIssue} from './progressState';

/** The part of the Web Storage API the store uses (window.localStorage, or a fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
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
  /** `stale`: the quiz's stored entries that no longer apply (./applicableProgress), dropped with this change. */
  recordAnswer(quizId: string, questionIds: readonly string[], questionId: string, answer: Answer, correct: boolean, stale?: readonly string[]): void;
  reveal(quizId: string, questionIds: readonly string[], questionId: string, stale?: readonly string[]): void;
  /** A quiz was shown with these questions: outdated stored progress for it is brought up to date (./progressEvents' quizSeen). */
  quizSeen(quizId: string, questionIds: readonly string[], stale: readonly string[]): void;
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
    recordAnswer(quizId, questionIds, questionId, answer, correct, stale) {
      change(answerRecorded(current().progress, quizId, questionIds, questionId, answer, correct, now(), stale));
    },
    reveal(quizId, questionIds, questionId, stale) {
      change(answerRevealed(current().progress, quizId, questionIds, questionId, now(), stale));
    },
    quizSeen(quizId, questionIds, stale) {
      const previous = current().progress;
      const next = quizSeen(previous, quizId, questionIds, stale);
      if (next !== previous) change(next);
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
