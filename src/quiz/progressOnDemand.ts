/**
 * The progress store, loaded when a page needs it rather than with every page. Every docs page shows
 * progress (the sidebar's marks, the line above a chapter's title), but on a reader's first visit there
 * is none: those show what the server rendered, nothing done, and the store with its parser and its
 * events (./progressStore, about 2.3 KB gzip) is not downloaded before the reader scrolls.
 *
 * It loads as soon as this browser holds progress (or its storage cannot be read, so that the store can
 * say why), when another tab stores some, when a component needs the whole state (a quiz, the progress
 * page: `subscribeProgress(listener, {now: true})`), and before an event records something
 * (`loadProgressStore().then((store) => store.recordGuess(…))`). Framework-free, like the store:
 * src/components/ProgressBadge/useProgress.ts binds components to it.
 */
import {STORAGE_KEY} from './progressModel';
import {SERVER_STATE, type ProgressState} from './progressState';
import type {ProgressStore} from './progressStore';

/** What it uses of `window` (a fake in the tests). */
export type ProgressWindow = Pick<Window, 'localStorage' | 'addEventListener' | 'removeEventListener'>;

export interface ProgressOnDemand {
  /** The store, loaded once; the components subscribed so far follow it from then on. */
  loadProgressStore(): Promise<ProgressStore>;
  /** The state known now: what the server rendered until the store has loaded. */
  progressSnapshot(): ProgressState;
  /**
   * Calls `listener` whenever the state may have changed. With `now`, the store loads at once; without,
   * only once there is progress to show. A store that cannot be fetched leaves the server's state shown.
   */
  subscribeProgress(listener: () => void, options: {now: boolean}): () => void;
}

/** `load` fetches the store; `getWindow` is called only in the browser, once a component subscribes. */
export function createProgressOnDemand(load: () => Promise<ProgressStore>, getWindow: () => ProgressWindow): ProgressOnDemand {
  let store: ProgressStore | null = null;
  let loading: Promise<ProgressStore> | null = null;
  let watchingOtherTabs = false;
  const listeners = new Set<() => void>();

  function notify() {
    for (const listener of [...listeners]) listener();
  }

  function loadProgressStore(): Promise<ProgressStore> {
    loading ??= load().then(
      (loaded) => {
        store = loaded;
        loaded.subscribe(notify);
        notify();
        return loaded;
      },
      (error: unknown) => {
        // The script could not be fetched (offline before the offline copy was made): try again next time.
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  /** Whether this browser may hold progress: it does, or its storage cannot be read (the store will say why). */
  function progressMayBeStored(): boolean {
    try {
      return getWindow().localStorage.getItem(STORAGE_KEY) !== null;
    } catch {
      return true;
    }
  }

  /** Another tab that stores progress (a quiz answered there) makes this one load the store, which then follows it. */
  function loadWhenAnotherTabStores() {
    if (watchingOtherTabs) return;
    watchingOtherTabs = true;
    const win = getWindow();
    const onStorage = (event: Event) => {
      const {key} = event as StorageEvent;
      if (key !== STORAGE_KEY && key !== null) return;
      win.removeEventListener('storage', onStorage);
      void loadProgressStore().catch(() => undefined);
    };
    win.addEventListener('storage', onStorage);
  }

  return {
    loadProgressStore,
    progressSnapshot: () => (store ? store.getState() : SERVER_STATE),
    subscribeProgress(listener, {now}) {
      listeners.add(listener);
      if (!store) {
        if (now || progressMayBeStored()) void loadProgressStore().catch(() => undefined);
        else loadWhenAnotherTabStores();
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The site's: the store's own module is a separate script, fetched the first time it is needed. */
export const {loadProgressStore, progressSnapshot, subscribeProgress} = createProgressOnDemand(
  () => import('./progressStore').then(({getBrowserProgressStore}) => getBrowserProgressStore()),
  () => window,
);
