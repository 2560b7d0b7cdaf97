/** What a reader can reach with the keyboard, in document order: how a static copy's control is matched to the live one's. */
export const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** The position of a button (or summary) a click landed on, or -1 when the click was not on one. */
export function pressedButtonIndex(root: HTMLElement, target: EventTarget | null): number {
  const button = target instanceof Element ? target.closest('button, summary') : null;
  if (!button || !root.contains(button)) return -1;
  return [...root.querySelectorAll(FOCUSABLE)].indexOf(button);
}
