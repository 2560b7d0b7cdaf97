import React from 'react';
import clsx from 'clsx';
import type {SimEvent} from '@site/src/engine';
import styles from './styles.module.css';

interface Props {
  events: SimEvent[];
  /** Events after this simulated second are dimmed (the lab's scrubber position). */
  currentTime?: number;
  /** Called with an event's time when the reader picks it. */
  onSeek?: (t: number) => void;
}

/** The run's event log, in time order, readable as a story. */
export default function EventLog({events, currentTime, onSeek}: Props): React.JSX.Element {
  if (events.length === 0) return <p className={styles.empty}>Nothing happened: no faults and no actions.</p>;
  return (
    <ol className={styles.log} aria-label="Event log">
      {events.map((event, index) => {
        const future = currentTime !== undefined && event.t > currentTime;
        return (
          <li key={`${event.t}-${index}`} className={clsx(styles.event, future && styles.future)}>
            {onSeek ? (
              <button type="button" className={styles.time} onClick={() => onSeek(event.t)} aria-label={`Go to ${event.t} s`}>
                {Math.round(event.t)} s
              </button>
            ) : (
              <span className={styles.time}>{Math.round(event.t)} s</span>
            )}
            <span>{event.message.replace(/^t=\S+ s /, '')}</span>
          </li>
        );
      })}
    </ol>
  );
}
