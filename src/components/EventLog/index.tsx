import React, {memo, useState} from 'react';
import clsx from 'clsx';
import type {SimEvent} from '@site/src/engine';
import {formatClock, logText} from '@site/src/utils/format';
import {pageOf} from '@site/src/components/Timeline/chartData';
import styles from './styles.module.css';

interface Props {
  events: SimEvent[];
  /** Events after this simulated second are dimmed (the lab's scrubber position). */
  currentTime?: number;
  /** Called with an event's time when the reader picks it. */
  onSeek?: (t: number) => void;
}

/** Lines a page of the log shows: a run with a huge number of events never draws them all at once. */
export const LOG_PAGE = 100;

/** Index of the last event at or before `t` (0 when none is). */
function lastAtOrBefore(events: SimEvent[], t: number): number {
  let lo = 0;
  let hi = events.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (events[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The run's event log, in time order, readable as a story; long logs a page at a time, following the scrubber. */
function EventLog({events, currentTime, onSeek}: Props): React.JSX.Element {
  const [chosen, setChosen] = useState<{page: number; at: number | undefined} | null>(null);
  if (events.length === 0) return <p className={styles.empty}>Nothing happened: no faults and no actions.</p>;
  const auto = pageOf(currentTime === undefined ? 0 : lastAtOrBefore(events, currentTime), events.length, LOG_PAGE);
  // A page the reader picked holds until the scrubber moves.
  const page = chosen && chosen.at === currentTime ? Math.min(chosen.page, auto.pages - 1) : auto.page;
  const first = page * LOG_PAGE;
  const shown = events.slice(first, first + LOG_PAGE);
  return (
    <>
      <ol className={styles.log} aria-label="Event log" start={first + 1}>
        {shown.map((event, index) => {
          const future = currentTime !== undefined && event.t > currentTime;
          const clock = formatClock(event.t);
          return (
            <li key={`${event.t}-${first + index}`} className={clsx(styles.event, future && styles.future)}>
              {onSeek ? (
                <button type="button" className={styles.time} onClick={() => onSeek(event.t)} aria-label={`Go to ${clock}`}>
                  {clock}
                </button>
              ) : (
                <span className={styles.time}>{clock}</span>
              )}
              <span>{logText(event.message)}</span>
            </li>
          );
        })}
      </ol>
      {auto.pages > 1 ? (
        <p className={styles.pager}>
          <button
            type="button"
            className="button button--secondary button--sm"
            disabled={page === 0}
            onClick={() => setChosen({page: page - 1, at: currentTime})}>
            Earlier events
          </button>
          <span>
            Events {first + 1}–{first + shown.length} of {events.length}
          </span>
          <button
            type="button"
            className="button button--secondary button--sm"
            disabled={page >= auto.pages - 1}
            onClick={() => setChosen({page: page + 1, at: currentTime})}>
            Later events
          </button>
        </p>
      ) : null}
    </>
  );
}

/** Drawn again only when its props change: a lab's edit re-renders the lab long before its new result arrives. */
export default memo(EventLog);
