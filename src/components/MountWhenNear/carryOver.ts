/**
 * What a reader did to a widget's static copy (the server's HTML, kept while the page hydrates) before
 * its live code arrived: choices and text in its form controls. The live widget renders the same markup,
 * so controls are matched by their position among the focusable ones. Loaded with the widget's code, when
 * it mounts: no page needs it before.
 */

import {FOCUSABLE} from './focusable';

interface ControlState {
  index: number;
  checked?: boolean;
  value?: string;
}

/** The controls whose state differs from the server's markup: the reader changed them. */
export function readControls(root: HTMLElement): ControlState[] {
  const changed: ControlState[] = [];
  root.querySelectorAll<HTMLElement>(FOCUSABLE).forEach((control, index) => {
    if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')) {
      if (control.checked !== control.defaultChecked) changed.push({index, checked: control.checked});
    } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      if (control.value !== control.defaultValue) changed.push({index, value: control.value});
    } else if (control instanceof HTMLSelectElement) {
      const initial = [...control.options].find((option) => option.defaultSelected) ?? control.options[0];
      if (initial && control.value !== initial.value) changed.push({index, value: control.value});
    }
  });
  return changed;
}

/** Sets a value the way typing would, so React's change handler sees it (its own setter would hide it). */
function setValue(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value')?.set;
  setter?.call(control, value);
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', {bubbles: true}));
}

/** Applies what `readControls` found to the live widget's controls at the same positions. */
export function applyControls(root: HTMLElement, changed: readonly ControlState[]): void {
  const controls = root.querySelectorAll<HTMLElement>(FOCUSABLE);
  for (const {index, checked, value} of changed) {
    const control = controls[index];
    if (checked !== undefined && control instanceof HTMLInputElement) {
      // A click, not `checked = …`: the widget's own handler records the choice.
      if (control.checked !== checked) control.click();
    } else if (value !== undefined && (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement)) {
      if (control.value !== value) setValue(control, value);
    }
  }
}
