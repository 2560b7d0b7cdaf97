import React from 'react';
import type {Summary} from '@site/src/engine';
import {formatCount, formatDuration, formatPercent} from '@site/src/utils/format';
import styles from './styles.module.css';

interface Props {
  summary: Summary;
  /** Whether the model has a database (otherwise the database figures are left out). */
  hasDatabase?: boolean;
}

/** The headline figures of a run, as a description list screen readers read in order. */
export default function SummaryFigures({summary, hasDatabase = true}: Props): React.JSX.Element {
  const figures: {label: string; value: string; bad: boolean}[] = [
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
  return (
    <dl className={styles.figures}>
      {figures.map((figure) => (
        <div key={figure.label} className={styles.figure} data-bad={figure.bad}>
          <dt>{figure.label}</dt>
          <dd data-testid={`summary-${figure.label.toLowerCase().replace(/ /g, '-')}`}>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
