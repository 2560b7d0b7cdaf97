// Docusaurus prefetches a route's code as soon as a link to it scrolls into view. Every link has its own
// IntersectionObserver, and the browser reports all the links of the first screen in one task, so every
// prefetch (matching the route, then a `<link rel=prefetch>` per chunk) ran in that task: 140 ms on the
// glossary with the CPU 4× slower, right after hydration. A prefetch is a guess about the next page, so
// here it waits for the browser's idle time, a route at a time; hovering or pressing a link still
// preloads its route at once (Docusaurus's `preload`, left as it is).
import type {ClientModule} from '@docusaurus/types';
import {whenIdle} from '../utils/whenIdle';

type Prefetch = Window['docusaurus']['prefetch'];

/** Routes waiting to be prefetched, in the order their links appeared. */
const waiting: string[] = [];
let prefetchNow: Prefetch | undefined;

/** A route waits at most this long for idle time; without idle callbacks (Safari), one route per 50 ms. */
const WAIT = {timeout: 2000, fallbackMs: 50};

function prefetchWaiting(deadline?: IdleDeadline): void {
  // Without a deadline (no idle callback), one route per timeout.
  do prefetchNow?.(waiting.shift()!);
  while (waiting.length > 0 && deadline !== undefined && deadline.timeRemaining() > 5);
  if (waiting.length > 0) whenIdle(prefetchWaiting, WAIT);
}

/** Defers `prefetch(routePath)` to idle time: returns at once. */
function prefetchWhenIdle(routePath: string): void {
  if (waiting.includes(routePath)) return;
  if (waiting.push(routePath) === 1) whenIdle(prefetchWaiting, WAIT);
}

const clientModule: ClientModule = {
  // `window.docusaurus` is set after the client modules are evaluated, and is frozen: swap it for a copy
  // whose `prefetch` waits, once, before the links of the first page are reported.
  onRouteDidUpdate() {
    if (prefetchNow !== undefined || !window.docusaurus) return;
    prefetchNow = window.docusaurus.prefetch;
    // `false`: nothing is fetched yet (Docusaurus's links ignore the answer).
    window.docusaurus = {...window.docusaurus, prefetch: (routePath) => (prefetchWhenIdle(routePath), false)};
  },
};
export default clientModule;
