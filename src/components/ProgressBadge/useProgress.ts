import {useSyncExternalStore} from 'react';
import {progressSnapshot, subscribeProgress} from '@site/src/quiz/progressOnDemand';
import {SERVER_STATE, type ProgressState} from '@site/src/quiz/progressState';

// The server and the first (hydrating) render see no progress, so the HTML matches; stored progress appears right after.
const getServerSnapshot = () => SERVER_STATE;
const subscribeNow = (listener: () => void) => subscribeProgress(listener, {now: true});
const subscribeWhenStored = (listener: () => void) => subscribeProgress(listener, {now: false});

/**
 * The reader's progress and any storage issue; re-renders when either changes. For components that show
 * storage issues or record answers (a quiz, the progress pages): the store loads as they mount.
 */
export function useProgressState(): ProgressState {
  return useSyncExternalStore(subscribeNow, progressSnapshot, getServerSnapshot);
}

/**
 * One value computed from the progress (a flag, a count): the component re-renders only when
 * that value changes, not on every answer anywhere. Components shown many times on every page
 * (the sidebar's links) use this, so that stored progress appearing after hydration re-renders
 * only the links whose mark changes. `select` must return a primitive (compared with Object.is).
 * The store loads only once there is progress to show (src/quiz/progressOnDemand.ts).
 */
export function useProgressValue<T extends string | number | boolean | null>(select: (state: ProgressState) => T): T {
  return useSyncExternalStore(
    subscribeWhenStored,
    () => select(progressSnapshot()),
    () => select(SERVER_STATE),
  );
}
