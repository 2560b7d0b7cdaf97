/**
 * Runs `then` in the browser's next idle period (at the latest after `timeout` ms), or after
 * `fallbackMs` where there is no idle callback (Safari): work that can wait for the page to be ready.
 * Without an idle callback, `then` gets no deadline.
 */
export function whenIdle(then: (deadline?: IdleDeadline) => void, {timeout, fallbackMs}: {timeout: number; fallbackMs: number}): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(then, {timeout});
  else window.setTimeout(() => then(), fallbackMs);
}
