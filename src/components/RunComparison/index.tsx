import React, {useId} from 'react';
import WidgetCard from '@site/src/components/WidgetCard';
import type {Summary} from '@site/src/engine';
import {formatCount, formatDuration, formatPercent} from '@site/src/utils/format';
import scroll from '@site/src/css/scrollTable.module.css';
import styles from './styles.module.css';

/** A figure of a run's summary that the table can show. */
export type ComparisonColumn = 'failed' | 'retries' | 'timedOut' | 'shed' | 'wasted' | 'worstLatencyP99' | 'availability' | 'timeToRecover';

const COLUMNS: Record<ComparisonColumn, {header: string; cell: (summary: Summary) => string}> = {
  failed: {header: 'Failed requests', cell: (s) => formatCount(Math.round(s.failed))},
  retries: {header: 'Retries sent', cell: (s) => formatCount(Math.round(s.retries))},
  timedOut: {header: 'Attempts timed out', cell: (s) => formatCount(Math.round(s.timedOut))},
  shed: {header: 'Attempts shed', cell: (s) => formatCount(Math.round(s.shed))},
  wasted: {header: 'Wasted work (requests)', cell: (s) => formatCount(Math.round(s.wasted))},
  worstLatencyP99: {header: 'Worst p99 latency', cell: (s) => (s.worstLatencyP99 < 1 ? `${Math.round(s.worstLatencyP99 * 1000)} ms` : formatDuration(s.worstLatencyP99))},
  availability: {header: 'Availability', cell: (s) => formatPercent(s.availability)},
  timeToRecover: {header: 'Fault start to last failure', cell: (s) => (s.timeToRecoverSeconds === null ? 'no faults' : formatDuration(s.timeToRecoverSeconds))},
};

/** One row: a name and the engine's summary of its run. */
export interface ComparisonRow {
  label: string;
  summary: Summary;
}

interface Props {
  /** The widget's heading. */
  title: string;
  /** Says what the runs have in common and what differs, above the table. */
  caption: string;
  /** The runs, one row each, as the engine returned them (a chapter computes them when the site is built). */
  rows: readonly ComparisonRow[];
  columns: readonly ComparisonColumn[];
}

/**
 * The same scenario run several ways, side by side: one row per run, one
 * column per summary figure. It draws what the engine returned and computes
 * nothing of its own.
 */
export default function RunComparison({title, caption, rows, columns}: Props): React.JSX.Element {
  return (
    <WidgetCard title={title} name="the comparison table">
      <Table caption={caption} rows={rows} columns={columns} />
    </WidgetCard>
  );
}

function Table({caption, rows, columns}: Omit<Props, 'title'>): React.JSX.Element {
  const captionId = useId();
  return (
    <>
      {/* The caption stays outside the region that scrolls sideways, so a phone shows all of it. */}
      <p id={captionId} className={styles.caption}>
        {caption}
      </p>
      <div className={scroll.scroll} tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className={`${scroll.table} ${styles.table}`} aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col" className={styles.run}>
                Run
              </th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {COLUMNS[column].header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className={styles.run}>
                  {row.label}
                </th>
                {columns.map((column) => (
                  <td key={column} className={styles.number}>
                    {COLUMNS[column].cell(row.summary)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
