/**
 * Expands segments into a regular timeline, one point per `stepSeconds`.
 * `simulate` never builds this itself: a 7-day run at one-second resolution is
 * 604,800 points, so callers ask for it, usually downsampled.
 */
import {noFailures} from './causes';
import type {DbSegment, FailureCause, FailuresByCause, SimulationResult, ZoneSegment} from './types';

/** One point of the timeline. Request numbers are totals over the step, not rates. */
export interface TimelinePoint {
  /** Start of the step, seconds. */
  t: number;
  /** Length of the step, seconds (the last step may be shorter). */
  seconds: number;
  offered: number;
  served: number;
  failed: number;
  failedByCause: FailuresByCause;
  /** Attempts, retries included. */
  attempts: number;
  /** Zones as they are at the start of the step (task counts, capacity, status). */
  zones: ZoneSegment[];
  /** Database as it is at the start of the step. */
  db: DbSegment | null;
}

/** Options of {@link toTimeline}. */
export interface TimelineOptions {
  /** Seconds per point. Default 1. */
  stepSeconds?: number;
  /** First second. Default 0. */
  from?: number;
  /** End (exclusive). Default the end of the run. */
  to?: number;
}

/**
 * Turns a result into a timeline of points `stepSeconds` apart. Requests are
 * integrated exactly over each step, so offered = served + failed holds per point.
 */
export function toTimeline(result: SimulationResult, options: TimelineOptions = {}): TimelinePoint[] {
  const end = result.model.durationSeconds;
  const step = options.stepSeconds ?? 1;
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`stepSeconds must be a positive number, got ${step}`);
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(end, options.to ?? end);
  const segs = result.segments;
  const points: TimelinePoint[] = [];
  let i = 0;
  for (let t = from; t < to; t += step) {
    const stepEnd = Math.min(t + step, to);
    while (i < segs.length - 1 && segs[i]!.to <= t) i++;
    const first = segs[i]!;
    const p: TimelinePoint = {
      t,
      seconds: stepEnd - t,
      offered: 0,
      served: 0,
      failed: 0,
      failedByCause: noFailures(),
      attempts: 0,
      zones: first.zones,
      db: first.db,
    };
    for (let k = i; k < segs.length && segs[k]!.from < stepEnd; k++) {
      const s = segs[k]!;
      const len = Math.min(stepEnd, s.to) - Math.max(t, s.from);
      if (len <= 0) continue;
      p.offered += s.offered * len;
      p.served += s.served * len;
      p.failed += s.failed * len;
      p.attempts += s.attempts * len;
      for (const c of Object.keys(p.failedByCause) as FailureCause[]) p.failedByCause[c] += s.failedByCause[c] * len;
    }
    points.push(p);
  }
  return points;
}
