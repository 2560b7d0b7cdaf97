import React, {useEffect, useRef, useState, type ReactNode} from 'react';
import {flushSync} from 'react-dom';
import {FOCUSABLE, pressedButtonIndex} from './focusable';
import {ServerHtmlKept, hydratingServerHtml, type BoxAttribute} from './serverHtml';

interface Props {
  /**
   * The widget. Rendered on the server as usual, so the page's HTML always holds all of it. A function
   * is called when the widget mounts (after `load`), so it can use what `load` fetched.
   */
  children: ReactNode | (() => ReactNode);
  /** How far outside the viewport the widget starts to mount (IntersectionObserver `rootMargin`). */
  rootMargin?: string;
  /** Fetches the widget's code when the reader nears it; the widget mounts once it has (see ./whenNear). */
  load?: () => Promise<unknown>;
  /** The attribute that says "static" or "live" on the box (a box around a widget that has its own box uses another). */
  attribute?: BoxAttribute;
}


/**
 * Keeps a heavy widget's server-rendered HTML as it is (same text, same size,
 * printable, readable by screen readers) while the page hydrates, and mounts
 * the live widget only when the reader comes near it: when it is within
 * `rootMargin` of the viewport, or when something in it gets focus or a
 * pointer press. A reader who never scrolls to a lab never pays for running
 * it, and the page becomes interactive sooner on slow phones.
 *
 * Until then the markup does not run: focus mounts the widget at once and moves
 * to the same control in the live markup, choices made in the static copy are
 * carried over, and a button pressed there is pressed again once it is live.
 * The live widget renders the same HTML from the same props, so nothing moves
 * when it replaces the static copy.
 */
export default function MountWhenNear({children, rootMargin = '100% 0px', load, attribute = 'data-widget'}: Props): React.JSX.Element {
  // Decided once, on the first render: on the server `false` (render the widget),
  // in the browser `true` only while hydrating the server's HTML.
  const [live, setLive] = useState(() => !hydratingServerHtml());
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (live || !element) return undefined;
    // The code first, if it is not in the page yet; a failed fetch mounts anyway, so the widget's own
    // loading fails where its error boundary can say so.
    let mounting: Promise<void> | undefined;
    // What the reader reached for in the static copy, carried to the same control in the live one.
    let focusIndex = -1;
    let pressedIndex = -1;
    const mount = () => {
      // What carries the reader's choices over is fetched with the widget's code: no page needs it before.
      mounting ??= Promise.all([load?.().catch(() => undefined), import('./carryOver').catch(() => undefined)]).then(([, carryOver]) => {
        const changed = carryOver?.readControls(element) ?? [];
        flushSync(() => setLive(true));
        // `box` now holds the live element (the static one was replaced).
        const liveBox = box.current;
        if (!liveBox || liveBox === element) return;
        carryOver?.applyControls(liveBox, changed);
        const controls = liveBox.querySelectorAll<HTMLElement>(FOCUSABLE);
        if (focusIndex >= 0) controls[focusIndex]?.focus();
        if (pressedIndex >= 0) controls[pressedIndex]?.click();
      });
    };
    // Keyboard or pointer use of the static copy: mount now, then move focus to the same control in the live one.
    const onFocusIn = (event: FocusEvent) => {
      focusIndex = [...element.querySelectorAll(FOCUSABLE)].indexOf(event.target as Element);
      mount();
    };
    // A button pressed before the code arrived does nothing here, so it is pressed again in the live copy.
    // Choices (radios, boxes, text) keep their native effect here and are carried over by readControls.
    const onClick = (event: MouseEvent) => {
      const index = pressedButtonIndex(element, event.target);
      if (index < 0) return;
      event.preventDefault();
      pressedIndex = index;
      mount();
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('pointerdown', mount);
    element.addEventListener('click', onClick, true);
    let observer: IntersectionObserver | undefined;
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && mount(), {rootMargin});
      observer.observe(element);
    } else {
      mount();
    }
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('pointerdown', mount);
      element.removeEventListener('click', onClick, true);
      observer?.disconnect();
    };
  }, [live, rootMargin, load]);

  if (!live) {
    // Only while hydrating the server's HTML: in development or after a client-side navigation, widgets mount at once.
    return <ServerHtmlKept attribute={attribute} boxRef={box} />;
  }
  // The key makes React replace the static element (and the server's markup in it) rather than patch it.
  // The server's copy says "static": that is what the page shows until the widget mounts.
  return (
    <div key="live" ref={box} {...{[attribute]: typeof window === 'undefined' ? 'static' : 'live'}}>
      {typeof children === 'function' ? children() : children}
    </div>
  );
}
