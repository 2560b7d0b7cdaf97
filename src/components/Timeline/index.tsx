import React, {memo, useEffect, useId, useMemo, useRef, useState} from 'react';
import {selectSegmentAt, type SimulationResult, type Segment} from '@site/src/engine';
import {formatClock, formatCount, formatDuration, formatLatency} from '@site/src/utils/format';
import {chartTicks, faultBands, pageOf, stepCorners, timeTicks, type TimeWindow} from './chartData';
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
  /** The stretch of the run to draw (zoom). Default: the whole run. */
  view?: TimeWindow | null;
  /** Height of the chart in CSS pixels. Default 240. */
  height?: number;
}

/**
 * What the chart draws: `'outcome'`, served and failed requests stacked under the offered load;
 * `'load'`, the attempts the clients send (first attempts and retries) against the capacity in
 * service, with goodput under them, so a collapse below capacity and the recovery show.
 */
export type ChartSeries = 'outcome' | 'load';

const DEFAULT_WIDTH = 720;
const MARGIN = {top: 12, right: 30, bottom: 40, left: 58};

/** A step path through piecewise-constant segments, reduced to the chart's width (see `stepCorners`). */
function stepPath(segments: Segment[], value: (s: Segment) => number, x: (t: number) => number, y: (v: number) => number, width: number) {
  const corners = stepCorners(segments, value, x, width);
  let d = '';
  for (let i = 0; i < corners.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${corners[i]!.toFixed(1)},${y(corners[i + 1]!).toFixed(1)}`;
  return d;
}

/** The area between two step lines (lower and upper), closed. */
function bandPath(
  segments: Segment[],
  lower: (s: Segment) => number,
  upper: (s: Segment) => number,
  x: (t: number) => number,
  y: (v: number) => number,
  width: number,
) {
  const top = stepPath(segments, upper, x, y, width);
  const corners = stepCorners(segments, lower, x, width);
  let bottom = '';
  for (let i = corners.length - 2; i >= 0; i -= 2) bottom += `L${corners[i]!.toFixed(1)},${y(corners[i + 1]!).toFixed(1)}`;
  return `${top}${bottom}Z`;
}

/**
 * The timeline of a run: offered, served and failed requests per second, the
 * capacity of the tasks in service, and bands where faults and zonal shifts
 * were active. A table under the chart gives the same data as text.
 */
function Timeline({
  result,
  currentTime,
  onSeek,
  title = 'Requests over time',
  view = null,
  height = 240,
}: Props): React.JSX.Element {
  const titleId = useId();
  const descId = useId();
  const {segments, summary} = result;
  const duration = result.model.durationSeconds;
  const from = view ? Math.max(0, view.from) : 0;
  const to = view ? Math.min(duration, view.to) : duration;
  // Drawn at the size it is shown, so its text stays 12 px on a phone instead of shrinking with the chart.
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const [hover, setHover] = useState<number | null>(null);
  const [series, setSeries] = useState<ChartSeries>('outcome');
  const plotW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(40, height - MARGIN.top - MARGIN.bottom);

  const chart = useMemo(() => {
    // Only the segments in the window are drawn; a zoomed 7-day run stays as cheap as a short one.
    const shown = segments.filter((s) => s.to > from && s.from < to);
    const peak = shown.reduce((max, s) => Math.max(max, s.offered, s.attempts, totalCapacity(s)), 1);
    const yTicks = chartTicks(peak * 1.08, height < 200 ? 3 : 4);
    const yMax = yTicks[yTicks.length - 1]!;
    const x = (t: number) => MARGIN.left + ((Math.min(to, Math.max(from, t)) - from) / (to - from)) * plotW;
    const y = (v: number) => MARGIN.top + plotH - (v / yMax) * plotH;
    return {
      x,
      y,
      yTicks,
      xTicks: timeTicks(to - from, Math.max(2, Math.min(6, Math.floor(plotW / 70))), from),
      served: bandPath(shown, () => 0, (s) => s.served, x, y, plotW),
      failed: bandPath(shown, (s) => s.served, (s) => s.served + s.failed, x, y, plotW),
      offered: stepPath(shown, (s) => s.offered, x, y, plotW),
      attempts: stepPath(shown, (s) => s.attempts, x, y, plotW),
      peakAttempts: shown.reduce((peak, s) => Math.max(peak, s.attempts), 0),
      capacity: stepPath(shown, totalCapacity, x, y, plotW),
      bands: faultBands(result).filter((band) => band.to > from && band.from < to),
    };
  }, [segments, from, to, result, plotW, plotH, height]);

  const timeAt = (event: React.MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const svgX = ((event.clientX - rect.left) / rect.width) * width;
    const t = from + ((svgX - MARGIN.left) / plotW) * (to - from);
    return Math.round(Math.min(duration - 1, Math.max(from, Math.min(to, t))));
  };

  const failedShare = summary.offered > 0 ? summary.failed / summary.offered : 0;
  const description =
    summary.failed === 0
      ? `Over ${formatDuration(duration)}, every one of ${formatCount(summary.offered)} requests was served.`
      : `Over ${formatDuration(duration)}, ${formatCount(summary.failed)} of ${formatCount(summary.offered)} requests failed (${(failedShare * 100).toFixed(2)} %); the longest outage lasted ${formatDuration(summary.longestOutageSeconds)}.`;
  const loadText =
    series === 'load'
      ? ` Shown: the offered load, the attempts the clients sent (first attempts and retries, at most ${formatCount(chart.peakAttempts)} req/s here), goodput and the capacity in service.`
      : '';
  const readoutTime = hover ?? currentTime;
  const readout = readoutTime === undefined ? null : selectSegmentAt(result, readoutTime);
  const zoomed = from > 0 || to < duration;

  return (
    <>
    <figure className={styles.figure}>
      {/* On paper the table below stands in for the chart (see the print styles in custom.css). */}
      <div ref={box} className={`${styles.chartBox} fl-print-hide`}>
        <svg
          className={styles.chart}
          width={width}
          height={height}
          style={{height}}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          onClick={onSeek ? (event) => onSeek(timeAt(event)) : undefined}
          onMouseMove={(event) => setHover(timeAt(event))}
          onMouseLeave={() => setHover(null)}>
          <title id={titleId}>{title}</title>
          <desc id={descId}>
            {description}
            {zoomed ? ` The chart shows ${formatClock(from)} to ${formatClock(to)}.` : ''}
            {loadText}
          </desc>
          <defs>
            <clipPath id={`${titleId}-clip`}>
              <rect x={MARGIN.left} y={0} width={plotW} height={height} />
            </clipPath>
          </defs>
          {chart.bands.map((band) => (
            <rect
              key={band.key}
              className={band.kind === 'action' ? styles.actionBand : styles.faultBand}
              x={chart.x(band.from)}
              y={MARGIN.top}
              width={Math.max(1, chart.x(band.to) - chart.x(band.from))}
              height={plotH}
            />
          ))}
          {chart.yTicks.map((tick) => (
            <g key={`y${tick}`}>
              <line className={styles.grid} x1={MARGIN.left} x2={width - MARGIN.right} y1={chart.y(tick)} y2={chart.y(tick)} />
              <text className={styles.tick} x={MARGIN.left - 6} y={chart.y(tick) + 4} textAnchor="end">
                {formatCount(tick)}
              </text>
            </g>
          ))}
          {chart.xTicks.map((tick) => (
            <text key={`x${tick}`} className={styles.tick} x={chart.x(tick)} y={height - MARGIN.bottom + 16} textAnchor="middle">
              {formatClock(tick)}
            </text>
          ))}
          <g clipPath={`url(#${titleId}-clip)`}>
            <path className={styles.served} d={chart.served} />
            {series === 'outcome' ? <path className={styles.failed} d={chart.failed} /> : <path className={styles.attempts} d={chart.attempts} />}
            <path className={styles.offered} d={chart.offered} />
            <path className={styles.capacity} d={chart.capacity} />
          </g>
          {hover === null ? null : (
            <line className={styles.hoverLine} x1={chart.x(hover)} x2={chart.x(hover)} y1={MARGIN.top} y2={MARGIN.top + plotH} />
          )}
          {currentTime === undefined || currentTime < from || currentTime > to ? null : (
            <line className={styles.cursor} x1={chart.x(currentTime)} x2={chart.x(currentTime)} y1={MARGIN.top} y2={MARGIN.top + plotH} />
          )}
          <text className={styles.axisTitle} x={MARGIN.left + plotW / 2} y={height - 4} textAnchor="middle">
            {zoomed ? `Simulated time, ${formatClock(from)} to ${formatClock(to)}` : 'Simulated time'}
          </text>
          <text className={styles.axisTitle} transform={`translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
            req/s
          </text>
        </svg>
      </div>
      {readout && readoutTime !== undefined ? (
        <p className={`${styles.readout} fl-print-hide`} data-testid="chart-readout">
          <span className={styles.readoutTime}>{formatClock(readoutTime)}</span> {formatCount(readout.offered)} offered ·{' '}
          {formatCount(readout.served)} served · <span className={readout.failed > 0 ? styles.readoutBad : undefined}>{formatCount(readout.failed)} failed</span> · capacity{' '}
          {formatCount(totalCapacity(readout))} req/s
          {readout.retries > 0 ? ` · ${formatCount(readout.attempts)} attempts` : ''}
          {readout.timedOut > 0 ? ` · ${formatCount(readout.timedOut)} timed out` : ''}
          {readout.shed > 0 ? ` · ${formatCount(readout.shed)} shed` : ''}
        </p>
      ) : null}
      <figcaption className={`${styles.legend} fl-print-hide`}>
        <span className={styles.key}>
          <span className={styles.swatchServed} aria-hidden="true" /> {series === 'load' ? 'goodput (served in time)' : 'served'}
        </span>
        {series === 'outcome' ? (
          <span className={styles.key}>
            <span className={styles.swatchFailed} aria-hidden="true" /> failed
          </span>
        ) : (
          <span className={styles.key}>
            <span className={styles.swatchAttempts} aria-hidden="true" /> attempts (with retries)
          </span>
        )}
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
        <button
          type="button"
          className={`button ${series === 'load' ? 'button--primary' : 'button--secondary'} button--sm ${styles.seriesButton}`}
          aria-pressed={series === 'load'}
          onClick={() => setSeries(series === 'load' ? 'outcome' : 'load')}>
          Load and goodput
        </button>
      </figcaption>
    </figure>
    {/* After the figure, not in it: HTML allows a figcaption only as a figure's first or last child. */}
    <TimelineTable result={result} currentTime={currentTime} />
    </>
  );
}

/** Requests per second the tasks in service can serve. */
function totalCapacity(segment: Segment): number {
  return segment.zones.reduce((sum, zone) => sum + zone.capacity, 0);
}

/** Rows a page of the table shows: a week-long run with many faults never draws thousands of rows. */
const TABLE_ROWS = 50;

/** The chart's data as a table: the text alternative, folded away by default, a page at a time. */
function TimelineTable({result, currentTime}: {result: SimulationResult; currentTime?: number}): React.JSX.Element {
  const total = result.segments.length;
  const here = currentTime === undefined ? 0 : result.segments.indexOf(selectSegmentAt(result, currentTime));
  const auto = pageOf(here, total, TABLE_ROWS);
  const [chosen, setChosen] = useState<number | null>(null);
  const page = Math.min(auto.pages - 1, chosen ?? auto.page);
  const rows = result.segments.slice(page * TABLE_ROWS, (page + 1) * TABLE_ROWS);
  return (
    <details className={styles.tableDetails}>
      <summary>The chart as a table ({total} {total === 1 ? 'stretch' : 'stretches'} of steady state)</summary>
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
              <th scope="col">Attempts /s</th>
              <th scope="col">Timed out /s</th>
              <th scope="col">Shed /s</th>
              <th scope="col">p99</th>
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
                <td>{formatCount(segment.attempts)}</td>
                <td>{formatCount(segment.timedOut)}</td>
                <td>{formatCount(segment.shed)}</td>
                <td>{segment.served > 0 ? formatLatency(segment.latencyP99) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {auto.pages > 1 ? (
        <p className={`${styles.tableNote} ${styles.pager}`}>
          <button type="button" className="button button--secondary button--sm" disabled={page === 0} onClick={() => setChosen(page - 1)}>
            Earlier rows
          </button>
          <span>
            Rows {page * TABLE_ROWS + 1}–{page * TABLE_ROWS + rows.length} of {total}
          </span>
          <button
            type="button"
            className="button button--secondary button--sm"
            disabled={page >= auto.pages - 1}
            onClick={() => setChosen(page + 1)}>
            Later rows
          </button>
        </p>
      ) : null}
    </details>
  );
}

/** Drawn again only when its props change: a lab's edit re-renders the lab long before its new result arrives. */
export default memo(Timeline);
