import React, {useId} from 'react';
import {formatClock} from '@site/src/utils/format';
import {controlClassName} from '@site/src/components/Fields';
import type {TimeWindow} from '@site/src/components/Timeline/chartData';
import {SPEEDS, type Playback, type Speed} from './usePlayback';
import styles from './styles.module.css';

interface Props {
  playback: Playback;
  duration: number;
  /** The stretch "Frame the incident" zooms to, or null when there is no incident. */
  incident: TimeWindow | null;
  onStep: (direction: -1 | 1) => void;
  onZoom: () => void;
}

/** Keys the lab answers to while focus is in it (outside text fields), announced under the controls. */
export const SHORTCUTS = {play: 'k', previous: 'j', next: 'l', zoom: 'z'} as const;

/** Play and pause, speed, step from event to event, zoom, and the scrubber. */
export default function TimeControls({playback, duration, incident, onStep, onZoom}: Props): React.JSX.Element {
  const speedId = useId();
  const hintId = useId();
  const {time, playing, speed, view} = playback;
  return (
    <div className={`${styles.timeControls} fl-print-hide`}>
      <div className={styles.timeButtons}>
        {/* One width for both words, so the scrubber beside it never moves. */}
        <button
          type="button"
          className={`button button--primary button--sm ${styles.playButton}`}
          onClick={playback.togglePlay}
          aria-pressed={playing}
          aria-keyshortcuts={SHORTCUTS.play}
          aria-describedby={hintId}>
          <span aria-hidden="true" className={styles.playIcon}>
            {playing ? '❚❚' : '▶'}
          </span>
          <span className={styles.playWords}>
            <span className={playing ? undefined : styles.invisible}>Pause</span>
            <span className={playing ? styles.invisible : undefined}>Play</span>
          </span>
        </button>
        <label className="fl-visually-hidden" htmlFor={speedId}>
          Playback speed
        </label>
        <select
          id={speedId}
          className={`${controlClassName} ${styles.speed}`}
          value={speed}
          onChange={(event) => playback.setSpeed(event.target.value as Speed)}>
          {SPEEDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={() => onStep(-1)}
          aria-keyshortcuts={SHORTCUTS.previous}
          aria-label="Previous event">
          <span aria-hidden="true">‹</span> Prev
        </button>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={() => onStep(1)}
          aria-keyshortcuts={SHORTCUTS.next}
          aria-label="Next event">
          Next <span aria-hidden="true">›</span>
        </button>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={onZoom}
          disabled={!view && !incident}
          aria-keyshortcuts={SHORTCUTS.zoom}>
          <span className={styles.playWords}>
            <span className={view ? undefined : styles.invisible}>Whole run</span>
            <span className={view ? styles.invisible : undefined}>Frame incident</span>
          </span>
        </button>
      </div>
      <label className={styles.scrubberLabel}>
        <span>
          Time <span className={styles.clock}>{formatClock(time)}</span>
        </span>
        <input
          type="range"
          min={0}
          max={Math.max(0, duration - 1)}
          step={1}
          value={Math.floor(time)}
          aria-valuetext={`${formatClock(time)} of ${formatClock(duration)}`}
          onChange={(event) => playback.seek(Number(event.target.value))}
        />
      </label>
      <p id={hintId} className={styles.keys}>
        Keys: <kbd>K</kbd> play/pause · <kbd>J</kbd> <kbd>L</kbd> previous/next event · <kbd>Z</kbd> zoom to the incident or
        the whole run
      </p>
    </div>
  );
}
