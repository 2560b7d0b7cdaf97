/**
 * What the progress features show: the progress and any storage issue. Kept apart from the store
 * (./progressStore), which pages load only when they need it (./progressOnDemand), so that every page
 * can render the state before any is read.
 */
import {emptyProgress, type Progress} from './progressModel';

export type StorageIssue =
  | {kind: 'unavailable'; message: string}
  | {kind: 'full'; message: string}
  | {kind: 'unreadable'; message: string};

export interface ProgressState {
  progress: Progress;
  /** Why progress is not being kept, or null while it is. */
  issue: StorageIssue | null;
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
