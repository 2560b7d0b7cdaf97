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

/** The store itself, for events (answer, reveal, reset, import). Call only from event handlers, not while rendering on the server. */
export function progressStore(): ProgressStore {
  return getBrowserProgressStore();
}
