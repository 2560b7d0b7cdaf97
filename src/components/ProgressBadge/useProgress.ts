import {useSyncExternalStore} from 'react';
import {getBrowserProgressStore, SERVER_STATE, type ProgressState, type ProgressStore} from '@site/src/quiz/progress';

const subscribe = (listener: () => void) => getBrowserProgressStore().subscribe(listener);
const getSnapshot = () => getBrowserProgressStore().getState();
// The server and the first (hydrating) render see no progress, so the HTML matches; stored progress appears right after.
const getServerSnapshot = () => SERVER_STATE;

/** The reader's progress and any storage issue; re-renders when either changes. */
export function useProgressState(): ProgressState {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/**
 * One value computed from the progress (a flag, a count): the component re-renders only when
 * that value changes, not on every answer anywhere. Components shown many times on every page
 * (the sidebar's links) use this, so that stored progress appearing after hydration re-renders
 * only the links whose mark changes. `select` must return a primitive (compared with Object.is).
 */
export function useProgressValue<T extends string | number | boolean | null>(select: (state: ProgressState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(getBrowserProgressStore().getState()),
    () => select(SERVER_STATE),
  );
}

/** The store itself, for events (answer, reveal, reset, import). Call only from event handlers, not while rendering on the server. */
export function progressStore(): ProgressStore {
  return getBrowserProgressStore();
}
