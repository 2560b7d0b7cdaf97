import React, {useEffect, useId, useRef} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import Translate from '@docusaurus/Translate';
import PlaygroundHeader from '@theme/Playground/Header';
import ResetButton from '@theme/Playground/Buttons/ResetButton';
import {LiveEditorKeepingKeys} from '../Provider/evaluateWhenTypingPauses';
import styles from './styles.module.css';

/**
 * The live code editor, changed from the stock one so that it never traps
 * keyboard focus: Tab moves focus on (react-live's "focus" tab mode) and Escape
 * leaves the editor. The editable `pre` also gets a name and a textbox role so
 * screen readers announce what it is.
 */
export default function PlaygroundEditor(): React.JSX.Element {
  const isBrowser = useIsBrowser();
  const wrapper = useRef<HTMLDivElement>(null);
  const hintId = useId();

  useEffect(() => {
    const editable = wrapper.current?.querySelector('pre');
    if (!editable) return;
    editable.setAttribute('role', 'textbox');
    editable.setAttribute('aria-multiline', 'true');
    editable.setAttribute('aria-label', 'Live code editor');
    editable.setAttribute('aria-describedby', hintId);
  }, [isBrowser, hintId]);

  const leaveOnEscape = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && event.target instanceof HTMLElement) {
      event.target.blur();
    }
  };

  return (
    // On paper the code's result is what counts: the editor is hidden (print styles in custom.css).
    <div className="fl-print-hide">
      <PlaygroundHeader buttons={<ResetButton />}>
        <Translate id="theme.Playground.liveEditor" description="The live editor label of the live codeblocks">
          Live Editor
        </Translate>
      </PlaygroundHeader>
      {/* The key listener only catches Escape bubbling up from the editor inside. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      {/* data-editor says whether the editor has been remounted for the browser: typing before that would be lost. */}
      <div ref={wrapper} onKeyDown={leaveOnEscape} data-editor={isBrowser ? 'live' : 'static'}>
        <LiveEditorKeepingKeys
          // Remount on hydration, otherwise the dark code theme is not applied.
          key={String(isBrowser)}
          className={styles.playgroundEditor}
          tabMode="focus"
        />
      </div>
      <p id={hintId} className={styles.hint}>
        Edit the code: the result below updates when you pause typing. Tab or Escape leaves the editor.
      </p>
    </div>
  );
}
