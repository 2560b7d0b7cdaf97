import type {SimulationResult} from '@site/src/engine';

/** "Nice" tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function chartTicks(max: number, count: number): number[] {
  const safeMax = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = safeMax / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let v = 0; v < safeMax + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A shaded stretch of the chart. */
export interface Band {
  key: string;
  kind: 'fault' | 'action';
  from: number;
  to: number;
}

/** Stretches where a fault or a zonal shift was active, clipped to the run. */
export function faultBands(result: SimulationResult): Band[] {
  const end = result.model.durationSeconds;
  const bands: Band[] = [];
  result.model.faults.forEach((fault, index) => {
    const duration = 'duration' in fault && typeof fault.duration === 'number' ? fault.duration : end - fault.at;
    bands.push({key: `f${index}`, kind: 'fault', from: fault.at, to: Math.min(end, fault.at + Math.max(1, duration))});
  });
  result.model.actions.forEach((action, index) => {
    if (action.kind === 'zonalShift') {
      bands.push({key: `a${index}`, kind: 'action', from: action.at, to: Math.min(end, action.at + action.duration)});
    }
  });
  return bands;
}

const TIME_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800];

/**
 * Time ticks at round clock values (30 s, 5 min, 1 h, 1 d…), about `count` of them
 * over `span` seconds from `start` (0 by default).
 */
export function timeTicks(span: number, count: number, start = 0): number[] {
  const safe = Number.isFinite(span) && span > 0 ? span : 1;
  const step = TIME_STEPS.find((s) => safe / s <= count) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= start + safe; t += step) ticks.push(t);
  return ticks;
}

/** A stretch of simulated time the chart shows. */
export interface TimeWindow {
  from: number;
  to: number;
}

/**
 * The stretch of the run worth looking at: from a little before the first fault or
 * zonal shift to a little after the last failed request it caused (the summary's time
 * to recover), at least two minutes wide and never outside the run. `null` when the
 * run has no fault.
 */
export function incidentWindow(result: SimulationResult): TimeWindow | null {
  const end = result.model.durationSeconds;
  const starts = [...result.model.faults.map((f) => f.at), ...result.model.actions.flatMap((a) => ('at' in a ? [a.at] : []))];
  if (starts.length === 0) return null;
  const first = Math.min(...starts);
  const recovered = first + Math.max(result.summary.timeToRecoverSeconds ?? 0, 120);
  const margin = Math.max(20, Math.round((recovered - first) * 0.15));
  const from = Math.max(0, first - margin);
  const to = Math.min(end, recovered + margin);
  return to - from >= end * 0.9 ? null : {from, to};
}

/** The page of `size` items that holds item `index` (0 when there is none), and the page count. */
export function pageOf(index: number, total: number, size: number): {page: number; pages: number} {
  const pages = Math.max(1, Math.ceil(total / size));
  return {page: Math.min(pages - 1, Math.max(0, Math.floor(index / size))), pages};
}

/** A stretch of simulated time with one value, as the chart draws it (a segment, read through one series). */
export interface Step {
  from: number;
  to: number;
}

/**
 * The corners of a step line through `steps` (x in pixels, value unmapped), as a flat list x0, v0, x1, v1…
 * With more steps than two a pixel column, each column is drawn by its first, lowest, highest and last value
 * (the M4 reduction): the same pixels as every step drawn, at a cost that follows the chart's width, not
 * the run's length. A week with many faults has thousands of steps; a chart is a few hundred pixels wide.
 */
export function stepCorners<S extends Step>(steps: readonly S[], value: (step: S) => number, x: (t: number) => number, width: number): number[] {
  const corners: number[] = [];
  if (steps.length <= width * 2) {
    for (const step of steps) {
      const v = value(step);
      corners.push(x(step.from), v, x(step.to), v);
    }
    return corners;
  }
  let column = Number.NaN;
  let start = 0;
  let end = 0;
  let first = 0;
  let low = 0;
  let high = 0;
  let last = 0;
  const flush = () => {
    if (Number.isNaN(column)) return;
    corners.push(start, first, start, low, start, high, start, last, end, last);
  };
  for (const step of steps) {
    const v = value(step);
    const from = x(step.from);
    const here = Math.floor(from);
    if (here !== column) {
      flush();
      column = here;
      start = from;
      first = v;
      low = v;
      high = v;
    } else {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    last = v;
    end = x(step.to);
  }
  flush();
  return corners;
}
