import React, {memo, useId} from 'react';
import type {Summary} from '@site/src/engine';
import type {GoodputLow} from '@site/src/lab/figures';
import {formatCount, formatDuration, formatLatency, formatPercent} from '@site/src/utils/format';
import styles from './styles.module.css';

interface Props {
  summary: Summary;
  /** Whether the model has a database (otherwise the database figures are left out). */
  hasDatabase?: boolean;
  /** Smaller figures in one row, for the lab's results strip. */
  compact?: boolean;
  /**
   * The glossary page's path with the site's base URL (the lab passes it): each label then links
   * to its entry there. Without it (live code blocks) the labels still show their definitions.
   */
  glossaryPath?: string;
  /**
   * The clients' and overload figures (goodput, p99 latency, timed out, shed, retries, wasted work).
   * `lowestGoodput` is read off the result's segments (`lowestGoodput` in src/lab/figures.ts).
   */
  clients?: {lowestGoodput: GoodputLow | null};
}

/**
 * What each figure means, exactly as the engine computes it (see `Summary` in the engine's types),
 * and its entry in the glossary.
 */
export const FIGURE_DEFINITIONS = {
  Availability: {anchor: 'availability', text: 'Requests served ÷ requests offered, over the whole run.'},
  'Failed requests': {anchor: 'failed-requests', text: 'Requests that failed for good, after any client retries, over the whole run.'},
  'Longest outage': {
    anchor: 'longest-outage',
    text: 'The longest unbroken stretch in which more than half of the offered requests failed: a near-total outage, not a partial one.',
  },
  'Time to recover': {
    anchor: 'time-to-recover',
    text: 'From the start of the first fault to the end of the last second with any failed request.',
  },
  'Sessions lost': {anchor: 'sessions-lost', text: 'Signed-in sessions whose state was lost, so those users start again.'},
  'Writes lost': {
    anchor: 'writes-lost',
    text: 'Acknowledged writes the new primary does not hold; in brackets, the longest stretch of them (the recovery point).',
  },
  'Database downtime': {anchor: 'database-downtime', text: 'Time with no primary accepting writes.'},
  'Lowest goodput': {
    anchor: 'lowest-goodput',
    text: 'The lowest rate of requests served within the client’s timeout (req/s), against what the tasks in service could serve then (their capacity, or the load when less).',
  },
  'p99 latency': {anchor: 'p99-latency', text: 'The worst moment’s 99th percentile latency of the requests served within the timeout.'},
  'Timed out': {anchor: 'timed-out', text: 'Attempts whose client gave up waiting before the answer came, over the whole run.'},
  Shed: {anchor: 'shed', text: 'Attempts a task rejected at once because it could not have answered them before the timeout.'},
  Retries: {anchor: 'retries', text: 'Retry attempts the clients made, over the whole run: load on top of the offered requests.'},
  'Wasted work': {anchor: 'wasted-work', text: 'Requests’ worth of work the tasks did for clients that had already given up.'},
} as const;

type FigureLabel = keyof typeof FIGURE_DEFINITIONS;

/** The headline figures of a run, as a description list screen readers read in order; each label links to its definition. */
function SummaryFigures({summary, hasDatabase = true, compact = false, glossaryPath, clients}: Props): React.JSX.Element {
  const id = useId();
  const figures: {label: FigureLabel; value: string; bad: boolean}[] = [
    {label: 'Availability', value: formatPercent(summary.availability), bad: summary.availability < 1},
    {label: 'Failed requests', value: formatCount(summary.failed), bad: summary.failed > 0},
    {label: 'Longest outage', value: formatDuration(summary.longestOutageSeconds), bad: summary.longestOutageSeconds > 0},
    {
      label: 'Time to recover',
      value: summary.timeToRecoverSeconds === null ? 'no faults' : formatDuration(summary.timeToRecoverSeconds),
      bad: (summary.timeToRecoverSeconds ?? 0) > 0,
    },
    {label: 'Sessions lost', value: formatCount(summary.sessionsLost), bad: summary.sessionsLost > 0},
  ];
  if (hasDatabase) {
    figures.push(
      {
        label: 'Writes lost',
        value:
          summary.writesLost > 0
            ? `${formatCount(summary.writesLost)} (last ${formatDuration(summary.recoveryPointSeconds)})`
            : '0',
        bad: summary.writesLost > 0,
      },
      {label: 'Database downtime', value: formatDuration(summary.databaseDowntimeSeconds), bad: summary.databaseDowntimeSeconds > 0},
    );
  }
  if (clients) {
    const low = clients.lowestGoodput;
    figures.push(
      {
        label: 'Lowest goodput',
        value: low ? `${formatCount(low.served)} of ${formatCount(low.servable)}` : '–',
        bad: low !== null && low.served < low.servable - 0.5,
      },
      {label: 'p99 latency', value: formatLatency(summary.worstLatencyP99), bad: summary.timedOut > 0},
      {label: 'Timed out', value: formatCount(summary.timedOut), bad: summary.timedOut > 0},
      {label: 'Shed', value: formatCount(summary.shed), bad: summary.shed > 0},
      {label: 'Retries', value: formatCount(summary.retries), bad: false},
      {label: 'Wasted work', value: formatCount(summary.wasted), bad: summary.wasted > 0},
    );
  }
  return (
    <dl className={compact ? `${styles.figures} ${styles.compact}` : styles.figures}>
      {figures.map((figure, index) => {
        const definition = FIGURE_DEFINITIONS[figure.label];
        const tipId = `${id}-${index}`;
        return (
          <div key={figure.label} className={styles.figure} data-bad={figure.bad}>
            <dt>
              {/* The label is the way to the definition: shown on hover and on focus, and the glossary on a click. */}
              {glossaryPath ? (
                <a className={styles.term} href={`${glossaryPath}#${definition.anchor}`} aria-describedby={tipId}>
                  {figure.label}
                </a>
              ) : (
                <span className={styles.term} tabIndex={0} aria-describedby={tipId}>
                  {figure.label}
                </span>
              )}
              <span id={tipId} role="tooltip" className={styles.tip}>
                {definition.text}
              </span>
            </dt>
            <dd data-testid={`summary-${figure.label.toLowerCase().replace(/ /g, '-')}`}>{figure.value}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Drawn again only when its props change: a lab's edit re-renders the lab long before its new result arrives. */
export default memo(SummaryFigures);
