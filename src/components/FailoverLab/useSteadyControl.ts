/**
 * Keeps the control a reader is using where it is on screen while the lab
 * redraws around it: a longer announcement, a new fault's fields or a
 * reframed chart above it would otherwise push it down, away from the reader's
 * eyes and sometimes out of the viewport. Browsers' scroll anchoring does not
 * help here, because the nearest content above the control is the stuck strip.
 */
import {useCallback, useEffect, useLayoutEffect, useRef} from 'react';

// useLayoutEffect warns on the server; there is nothing to keep steady there.
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** How long after the reader's action, or after the run it started is drawn, its consequences may still move the control (a reframed chart). */
const HOLD_MS = 4000;

/**
 * Returns a handler for the lab's pointer, key and input events (capture phase). While `settling`
 * (a run is under way in the worker, which a busy machine can take seconds to answer) the control
 * is held however long that takes, and for `HOLD_MS` after.
 */
export function useSteadyControl(settling: boolean): (event: React.SyntheticEvent) => void {
  const anchor = useRef<{element: Element; top: number; until: number} | null>(null);

  const remember = useCallback((event: React.SyntheticEvent) => {
    const element = event.target as Element;
    const now = performance.now();
    const held = anchor.current;
    // Still holding this control (typing in it): keep the place it was first seen at. Measuring it again would
    // also lay the page out once more, in every keystroke, before the lab has even changed.
    if (held?.element === element && now <= held.until) {
      held.until = now + HOLD_MS;
      return;
    }
    anchor.current = {element, top: element.getBoundingClientRect().top, until: now + HOLD_MS};
  }, []);

  // After every render: if the control moved, scroll by as much, so it stays under the reader's pointer.
  useBrowserLayoutEffect(() => {
    const held = anchor.current;
    if (!held) return;
    if (settling) held.until = Math.max(held.until, performance.now() + HOLD_MS);
    if (!held.element.isConnected || performance.now() > held.until) {
      anchor.current = null;
      return;
    }
    const moved = held.element.getBoundingClientRect().top - held.top;
    if (Math.abs(moved) > 0.5) window.scrollBy(0, moved);
  });

  // The reader scrolling lets go of the control's place.
  useEffect(() => {
    const release = () => {
      anchor.current = null;
    };
    window.addEventListener('wheel', release, {passive: true});
    window.addEventListener('touchmove', release, {passive: true});
    return () => {
      window.removeEventListener('wheel', release);
      window.removeEventListener('touchmove', release);
    };
  }, []);

  return remember;
}
