import React from 'react';
import {PRESET_IDS, PRESETS} from '@site/src/engine';
import {controlClassName} from '@site/src/components/Fields';
import styles from './styles.module.css';

interface Props {
  headingId: string;
  title: string;
  /** The preset chosen, or '' for the reader's own model; null hides the picker. */
  presetId: string | null;
  onPreset: (id: string) => void;
  /** Returns to the starting model; absent in a quiz challenge, whose model the quiz holds. */
  onReset?: () => void;
  onCopyLink: () => void;
  onCopyCode: () => void;
}

/** The lab's heading and what acts on the whole model: a preset, reset, share link, TypeScript. */
export default function Toolbar({headingId, title, presetId, onPreset, onReset, onCopyLink, onCopyCode}: Props): React.JSX.Element {
  return (
    <div className={styles.toolbar}>
      <h3 id={headingId} className={styles.title}>
        {title}
      </h3>
      <div className={styles.toolbarControls}>
        {presetId === null ? null : (
          <label className={styles.presetLabel}>
            Preset{' '}
            <select className={controlClassName} value={presetId} onChange={(event) => onPreset(event.target.value)}>
              <option value="">Your own model</option>
              {PRESET_IDS.map((id) => (
                <option key={id} value={id}>
                  {PRESETS[id].title}
                </option>
              ))}
            </select>
          </label>
        )}
        {onReset ? (
          <button type="button" className="button button--secondary button--sm" onClick={onReset}>
            Reset
          </button>
        ) : null}
        <button type="button" className="button button--secondary button--sm" onClick={onCopyLink}>
          Copy share link
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={onCopyCode}>
          Copy as TypeScript
        </button>
      </div>
    </div>
  );
}
