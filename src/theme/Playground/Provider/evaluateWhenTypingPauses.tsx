import React, {type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState} from 'react';
import {Editor, LiveContext} from 'react-live';

/** How long typing must pause before a live block's code is compiled and run again, in milliseconds. */
export const EVALUATE_AFTER_MS = 300;

/*
 * Why a delayed run lost keystrokes, and how it no longer does.
 *
 * react-live's editor (use-editable) lets the browser type a key into the page, and only on the key's
 * `keyup` reads the text back into its state, with the caret position, and calls `onChange`. After
 * every render of the editor it puts the caret back where that state says. The editor reads
 * react-live's context, which changes each time the code has run (the new result or error), so a run
 * that ends between a key's `keydown` and its `keyup` re-rendered the editor, moved the caret back
 * to where it was before that key, and the next keys landed in the wrong place ("while (true)" became
 * "while (tre) {}u"). Run on every key, the run always came right after a `keyup`, so this never showed.
 *
 * So: the run waits for a pause in typing ({@link EvaluateWhenTypingPauses}), and the editor re-renders
 * only when what it shows changes, never because the code ran ({@link LiveEditorKeepingKeys}).
 */

/**
 * Passes react-live's context on with its `onChange` (compile and run the edited code) delayed until
 * the reader stops typing for {@link EVALUATE_AFTER_MS}, so half-typed lines are not run on every key.
 */
export function EvaluateWhenTypingPauses({children}: {children: ReactNode}): ReactNode {
  const live = useContext(LiveContext);
  const run = useRef(live.onChange);
  useEffect(() => {
    run.current = live.onChange;
  }, [live.onChange]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Reset remounts the block: code typed just before must not run in the fresh one.
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = useCallback((code: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run.current(code), EVALUATE_AFTER_MS);
  }, []);

  const value = useMemo(() => ({...live, onChange}), [live, onChange]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/**
 * react-live's `LiveEditor`, rendered again only when its code, language, theme or `onChange` changes:
 * not when the code has run, which would move the caret under the reader's fingers (see above).
 */
export function LiveEditorKeepingKeys({className, tabMode}: {className?: string; tabMode?: 'focus' | 'indentation'}): ReactNode {
  const {code, language, theme, disabled, onChange} = useContext(LiveContext);
  // use-editable sets the editor up again on its second render (its effect depends on the element,
  // which a render sees only from the second one on), and doing so takes focus away from the editor.
  // So the second render comes at once, before a reader can have focused it.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  // The same element as last time tells React to leave the editor alone.
  return useMemo(
    () => <Editor className={className} tabMode={tabMode} code={code} language={language} theme={theme} disabled={disabled} onChange={onChange} />,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `mounted` is there for the second render only.
    [className, tabMode, code, language, theme, disabled, onChange, mounted],
  );
}
