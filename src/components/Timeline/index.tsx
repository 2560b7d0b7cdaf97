import React, {useId, useMemo} from 'react';
import type {SimulationResult, Segment} from '@site/src/engine';
import {formatClock, formatCount, formatDuration} from '@site/src/utils/format';
import {chartTicks, faultBands, timeTicks} from './chartData';
import styles from './styles.module.css';

interface Props {
  /** What the engine returned. */
  result: SimulationResult;
  /** Simulated second to mark with a cursor (the lab's scrubber). */
  currentTime?: number;
  /** Called with a simulated second when the reader clicks the chart. */
  onSeek?: (t: number) => void;
  /** Accessible name of the chart. */
  title?: string;
}

const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = {top: 12, right: 28, bottom: 40, left: 58};
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A step path through piecewise-constant segments. */
function stepPath(segments: Segment[], value: (s: Segment) => number, x: (t: number) => number, y: (v: number) => number) {
  let d = '';
  for (const segment of segments) {
    const v = y(value(segment));
    d += `${d === '' ? 'M' : 'L'}${x(segment.from).toFixed(1)},${v.toFixed(1)}L${x(segment.to).toFixed(1)},${v.toFixed(1)}`;
  }
  return d;
}

/** The area between two step lines (lower and upper), closed. */
function bandPath(
  segments: Segment[],
  lower: (s: Segment) => number,
  upper: (s: Segment) => number,
  x: (t: number) => number,
  y: (v: number) => number,
) {
  const top = stepPath(segments, upper, x, y);
  let bottom = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    const v = y(lower(segment)).toFixed(1);
    bottom += `L${x(segment.to).toFixed(1)},${v}L${x(segment.from).toFixed(1)},${v}`;
  }
  return `${top}${bottom}Z`;
}

/**
 * The timeline of a run: offered, served and failed requests per second, the
 * capacity of the tasks in service, and bands where faults and zonal shifts
 * were active. A table under the chart gives the same data as text.
 */
export default function Timeline({result, currentTime, onSeek, title = 'Requests over time'}: Props): React.JSX.Element {
  const titleId = useId();
  const descId = useId();
  const {segments, summary} = result;
  const duration = result.model.durationSeconds;

  const chart = useMemo(() => {
    const peak = Math.max(1, ...segments.map((s) => Math.max(s.offered, s.attempts, totalCapacity(s))));
    const yTicks = chartTicks(peak * 1.08, 4);
    const yMax = yTicks[yTicks.length - 1]!;
    const x = (t: number) => MARGIN.left + (t / duration) * PLOT_W;
    const y = (v: number) => MARGIN.top + PLOT_H - (v / yMax) * PLOT_H;
    return {
      x,
      y,
      yTicks,
      xTicks: timeTicks(duration, 6),
      served: bandPath(segments, () => 0, (s) => s.served, x, y),
      failed: bandPath(segments, (s) => s.served, (s) => s.served + s.failed, x, y),
      offered: stepPath(segments, (s) => s.offered, x, y),
      capacity: stepPath(segments, totalCapacity, x, y),
      bands: faultBands(result),
    };
  }, [segments, duration, result]);

  const seek = (event: React.MouseEvent<SVGSVGElement>) => {
    if (!onSeek) return;
    const box = event.currentTarget.getBoundingClientRect();
    const svgX = ((event.clientX - box.left) / box.width) * WIDTH;
    const t = ((svgX - MARGIN.left) / PLOT_W) * duration;
    onSeek(Math.round(Math.min(duration - 1, Math.max(0, t))));
  };

  const failedShare = summary.offered > 0 ? summary.failed / summary.offered : 0;
  const description =
    summary.failed === 0
      ? `Over ${formatDuration(duration)}, every one of ${formatCount(summary.offered)} requests was served.`
      : `Over ${formatDuration(duration)}, ${formatCount(summary.failed)} of ${formatCount(summary.offered)} requests failed (${(failedShare * 100).toFixed(2)} %); the longest outage lasted ${formatDuration(summary.longestOutageSeconds)}.`;

  return (
    <>
    <figure className={styles.figure}>
      {/* On paper the table below stands in for the chart (see the print styles in custom.css). */}
      <svg
        className={`${styles.chart} fl-print-hide`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        onClick={onSeek ? seek : undefined}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {chart.bands.map((band) => (
          <rect
            key={band.key}
            className={band.kind === 'action' ? styles.actionBand : styles.faultBand}
            x={chart.x(band.from)}
            y={MARGIN.top}
            width={Math.max(1, chart.x(band.to) - chart.x(band.from))}
            height={PLOT_H}
          />
        ))}
        {chart.yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line className={styles.grid} x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={chart.y(tick)} y2={chart.y(tick)} />
            <text className={styles.tick} x={MARGIN.left - 6} y={chart.y(tick) + 4} textAnchor="end">
              {formatCount(tick)}
            </text>
          </g>
        ))}
        {chart.xTicks.map((tick) => (
          <text key={`x${tick}`} className={styles.tick} x={chart.x(tick)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
            {formatClock(tick)}
          </text>
        ))}
        <path className={styles.served} d={chart.served} />
        <path className={styles.failed} d={chart.failed} />
        <path className={styles.offered} d={chart.offered} />
        <path className={styles.capacity} d={chart.capacity} />
        {currentTime === undefined ? null : (
          <line className={styles.cursor} x1={chart.x(currentTime)} x2={chart.x(currentTime)} y1={MARGIN.top} y2={MARGIN.top + PLOT_H} />
        )}
        <text className={styles.axisTitle} x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 4} textAnchor="middle">
          Simulated time (h:mm:ss)
        </text>
        <text
          className={styles.axisTitle}
          transform={`translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`}
          textAnchor="middle">
          Requests per second
        </text>
      </svg>
      <figcaption className={`${styles.legend} fl-print-hide`}>
        <span className={styles.key}>
          <span className={styles.swatchServed} aria-hidden="true" /> served
        </span>
        <span className={styles.key}>
          <span className={styles.swatchFailed} aria-hidden="true" /> failed
        </span>
        <span className={styles.key}>
          <span className={styles.swatchOffered} aria-hidden="true" /> offered
        </span>
        <span className={styles.key}>
          <span className={styles.swatchCapacity} aria-hidden="true" /> capacity in service
        </span>
        {chart.bands.some((b) => b.kind === 'fault') ? (
          <span className={styles.key}>
            <span className={styles.swatchFault} aria-hidden="true" /> fault
          </span>
        ) : null}
        {chart.bands.some((b) => b.kind === 'action') ? (
          <span className={styles.key}>
            <span className={styles.swatchAction} aria-hidden="true" /> zonal shift
          </span>
        ) : null}
      </figcaption>
    </figure>
    {/* After the figure, not in it: HTML allows a figcaption only as a figure's first or last child. */}
    <TimelineTable result={result} />
    </>
  );
}

/** Requests per second the tasks in service can serve. */
function totalCapacity(segment: Segment): number {
  return segment.zones.reduce((sum, zone) => sum + zone.capacity, 0);
}

const TABLE_ROWS = 40;

/** The chart's data as a table: the text alternative, folded away by default. */
function TimelineTable({result}: {result: SimulationResult}): React.JSX.Element {
  const rows = result.segments.slice(0, TABLE_ROWS);
  return (
    <details className={styles.tableDetails}>
      <summary>The chart as a table ({result.segments.length} stretches of steady state)</summary>
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Offered /s</th>
              <th scope="col">Served /s</th>
              <th scope="col">Failed /s</th>
              <th scope="col">Capacity /s</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((segment) => (
              <tr key={segment.from}>
                <td>{formatClock(segment.from)}</td>
                <td>{formatClock(segment.to)}</td>
                <td>{formatCount(segment.offered)}</td>
                <td>{formatCount(segment.served)}</td>
                <td>{formatCount(segment.failed)}</td>
                <td>{formatCount(totalCapacity(segment))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.segments.length > TABLE_ROWS ? (
        <p className={styles.tableNote}>
          First {TABLE_ROWS} of {result.segments.length} stretches shown.
        </p>
      ) : null}
    </details>
  );
}
