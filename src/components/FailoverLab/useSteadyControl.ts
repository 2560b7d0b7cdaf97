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

/** Whether the element is in a sticky or fixed box (the results strip, the playground's results pane). */
function inPinnedBox(element: Element): boolean {
  for (let box: Element | null = element; box && box !== document.documentElement; box = box.parentElement) {
    const {position} = getComputedStyle(box);
    if (position === 'sticky' || position === 'fixed') return true;
  }
  return false;
}

/**
 * Where the control is, measured so that only the lab's own redraw changes it. In the page's flow that is its
 * top on screen plus how far the window and every box around it are scrolled: a scroll by the reader (the
 * keyboard, the scroll bar, a click that scrolls a button into view) does not change it, so it is never undone.
 * In a sticky or fixed box, scrolling does not move the control on screen, so its top on screen is the measure.
 */
function placeOf(element: Element, pinned: boolean): number {
  const top = element.getBoundingClientRect().top;
  if (pinned) return top;
  // The root's own scrollTop is the window's: counted once, as scrollY.
  let scrolled = window.scrollY;
  for (let box = element.parentElement; box && box !== document.documentElement; box = box.parentElement) scrolled += box.scrollTop;
  return top + scrolled;
}

/**
 * Returns a handler for the lab's pointer, key and input events (capture phase). While `settling`
 * (a run is under way in the worker, which a busy machine can take seconds to answer) the control
 * is held however long that takes, and for `HOLD_MS` after.
 */
export function useSteadyControl(settling: boolean): (event: React.SyntheticEvent) => void {
  const anchor = useRef<{element: Element; pinned: boolean; top: number; until: number} | null>(null);

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
    const pinned = inPinnedBox(element);
    anchor.current = {element, pinned, top: placeOf(element, pinned), until: now + HOLD_MS};
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
    // Scrolling the window by as much as the redraw moved the control puts it back where the reader saw it.
    const top = placeOf(held.element, held.pinned);
    const moved = top - held.top;
    if (Math.abs(moved) <= 0.5) return;
    const scrollY = window.scrollY;
    window.scrollBy(0, moved);
    // At the top or foot of the page the window cannot scroll as far: the rest is tried again at the next redraw.
    held.top = top - (moved - (window.scrollY - scrollY));
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
