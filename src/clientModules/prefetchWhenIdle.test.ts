import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

type IdleCallback = (deadline: IdleDeadline) => void;

/** A window with Docusaurus's frozen `docusaurus` object and an idle queue the test runs by hand. */
function fakeWindow() {
  const idle: IdleCallback[] = [];
  const prefetch = vi.fn((_routePath: string) => false as const);
  const original = Object.freeze({prefetch, preload: vi.fn((_routePath: string) => false as const)});
  const win = {
    docusaurus: original as Window['docusaurus'],
    requestIdleCallback: (callback: IdleCallback) => idle.push(callback),
    setTimeout: (callback: () => void) => (callback(), 0),
  };
  /** Runs the idle callbacks queued so far, each with `ms` of idle time that does not run down. */
  const runIdle = (ms: number) => idle.splice(0).forEach((callback) => callback({didTimeout: false, timeRemaining: () => ms}));
  return {win, original, prefetch, idle, runIdle};
}

describe('route prefetches wait for idle time', () => {
  let fake: ReturnType<typeof fakeWindow>;
  beforeEach(() => {
    vi.resetModules();
    fake = fakeWindow();
    vi.stubGlobal('window', fake.win);
  });
  afterEach(() => vi.unstubAllGlobals());

  async function installed() {
    const module = await import('./prefetchWhenIdle');
    module.default.onRouteDidUpdate?.({previousLocation: null, location: {pathname: '/docs/intro'}} as never);
    return window.docusaurus;
  }

  it('answers at once and prefetches on the next idle callback, in the order the links appeared', async () => {
    const docusaurus = await installed();
    expect(docusaurus).not.toBe(fake.original);
    docusaurus.prefetch('/docs/a');
    docusaurus.prefetch('/docs/b');
    expect(fake.prefetch).not.toHaveBeenCalled();
    expect(fake.idle).toHaveLength(1);
    fake.runIdle(50);
    expect(fake.prefetch.mock.calls.map(([path]) => path)).toEqual(['/docs/a', '/docs/b']);
  });

  it('asks only once for a route still waiting, and goes on in a later idle period when time runs short', async () => {
    const docusaurus = await installed();
    for (const path of ['/docs/a', '/docs/b', '/docs/a', '/docs/c']) docusaurus.prefetch(path);
    fake.runIdle(0);
    expect(fake.prefetch.mock.calls.map(([path]) => path)).toEqual(['/docs/a']);
    fake.runIdle(0);
    fake.runIdle(0);
    expect(fake.prefetch.mock.calls.map(([path]) => path)).toEqual(['/docs/a', '/docs/b', '/docs/c']);
    expect(fake.idle).toHaveLength(0);
  });

  it('swaps the prefetch once, and keeps preload as Docusaurus has it', async () => {
    const first = await installed();
    const module = await import('./prefetchWhenIdle');
    module.default.onRouteDidUpdate?.({previousLocation: null, location: {pathname: '/docs/b'}} as never);
    expect(window.docusaurus).toBe(first);
    expect(first.preload).toBe(fake.original.preload);
  });
});
