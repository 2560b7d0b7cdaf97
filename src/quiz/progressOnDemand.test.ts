import {describe, expect, it, vi} from 'vitest';
import {createProgressOnDemand, type ProgressWindow} from './progressOnDemand';
import {answerRecorded} from './progressEvents';
import {emptyProgress, STORAGE_KEY} from './progressModel';
import {SERVER_STATE} from './progressState';
import {createProgressStore, type ProgressStore} from './progressStore';

const passedIntro = answerRecorded(emptyProgress(), 'intro', ['q1'], 'q1', {kind: 'single', choiceId: 'b'}, true, 1);

/** A browser window with its localStorage (`unreadable` makes reading throw, as blocked storage does), and a store on it. */
function browser(stored?: string, {unreadable = false} = {}) {
  const data = new Map<string, string>(stored === undefined ? [] : [[STORAGE_KEY, stored]]);
  const localStorage = {
    getItem: (key: string) => {
      if (unreadable) throw new DOMException('blocked', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
  const win = Object.assign(new EventTarget(), {localStorage}) as unknown as ProgressWindow & EventTarget;
  let loads = 0;
  const onDemand = createProgressOnDemand(
    () => {
      loads += 1;
      return Promise.resolve(createProgressStore({storage: () => localStorage}));
    },
    () => win,
  );
  return {onDemand, win, data, loads: () => loads};
}

/** Lets the promises already settled run their callbacks. */
const settled = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the progress store on demand', () => {
  it('is not loaded for a page that only shows progress, while none is stored', async () => {
    const {onDemand, loads} = browser();
    const listener = vi.fn();
    onDemand.subscribeProgress(listener, {now: false});
    await settled();
    expect(loads()).toBe(0);
    expect(onDemand.progressSnapshot()).toBe(SERVER_STATE);
  });

  it('loads when progress is stored, and shows it to the components already subscribed', async () => {
    const {onDemand, loads} = browser(JSON.stringify(passedIntro));
    const listener = vi.fn();
    onDemand.subscribeProgress(listener, {now: false});
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    expect(loads()).toBe(1);
    expect(onDemand.progressSnapshot().progress.quizzes.intro?.questions.q1?.answeredCorrectly).toBe(true);
  });

  it('loads when the storage cannot be read, so that the store reports why', async () => {
    const {onDemand} = browser(undefined, {unreadable: true});
    const listener = vi.fn();
    onDemand.subscribeProgress(listener, {now: false});
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    expect(onDemand.progressSnapshot().issue?.kind).toBe('unavailable');
  });

  it('loads at once for a component that needs the whole state, once for all', async () => {
    const {onDemand, loads} = browser();
    onDemand.subscribeProgress(() => undefined, {now: true});
    onDemand.subscribeProgress(() => undefined, {now: true});
    const [first, second] = await Promise.all([onDemand.loadProgressStore(), onDemand.loadProgressStore()]);
    expect(first).toBe(second);
    expect(loads()).toBe(1);
  });

  it('loads when another tab stores progress', async () => {
    const {onDemand, win, data, loads} = browser();
    const listener = vi.fn();
    onDemand.subscribeProgress(listener, {now: false});
    win.dispatchEvent(Object.assign(new Event('storage'), {key: 'another-site-key'}));
    await settled();
    expect(loads()).toBe(0);
    data.set(STORAGE_KEY, JSON.stringify(passedIntro));
    win.dispatchEvent(Object.assign(new Event('storage'), {key: STORAGE_KEY}));
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    expect(onDemand.progressSnapshot().progress.quizzes.intro).toBeDefined();
  });

  it('tells subscribers of what an event records, and stops telling one that unsubscribed', async () => {
    const {onDemand} = browser();
    const staying = vi.fn();
    const leaving = vi.fn();
    onDemand.subscribeProgress(staying, {now: false});
    const unsubscribe = onDemand.subscribeProgress(leaving, {now: false});
    unsubscribe();
    const store: ProgressStore = await onDemand.loadProgressStore();
    staying.mockClear();
    store.recordGuess('ch1-dwell', {seconds: '30'});
    expect(staying).toHaveBeenCalledTimes(1);
    expect(leaving).not.toHaveBeenCalled();
    expect(onDemand.progressSnapshot().progress.guesses['ch1-dwell']?.values).toEqual({seconds: '30'});
  });

  it('tries again after the store could not be fetched', async () => {
    let attempts = 0;
    const store = createProgressStore({storage: () => null});
    const onDemand = createProgressOnDemand(
      () => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(store)),
      () => browser().win,
    );
    await expect(onDemand.loadProgressStore()).rejects.toThrow('offline');
    expect(onDemand.progressSnapshot()).toBe(SERVER_STATE);
    await expect(onDemand.loadProgressStore()).resolves.toBe(store);
  });
});
