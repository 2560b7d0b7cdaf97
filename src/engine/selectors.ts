/**
 * Selectors for the UI: what the system looks like at one moment. They only
 * read a result; the diagram never computes failover behaviour itself.
 */
import type {DbSegment, Segment, SimulationResult, TargetSegment, ZoneSegment} from './types';

/** Index of the segment that covers time `t` (clamped to the run): a binary search over the segments' starts. */
export function selectSegmentIndexAt(result: SimulationResult, t: number): number {
  const segs = result.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.from <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The segment that covers time `t` (clamped to the run). */
export function selectSegmentAt(result: SimulationResult, t: number): Segment {
  return result.segments[selectSegmentIndexAt(result, t)]!;
}

/** The whole system at one moment. */
export interface StateAt {
  t: number;
  /** Every task with its state (`healthy`, `starting`, `draining`, `dead`, `unhealthy`) and traffic per second. */
  tasks: TargetSegment[];
  /** Zone status and counts. */
  zones: ZoneSegment[];
  /** Database roles per zone, or null without a database. */
  db: DbSegment | null;
  /** Requests per second at this moment. */
  offered: number;
  served: number;
  failed: number;
}

/** Each task's state, zone status and database role per zone at time `t`. */
export function selectStateAt(result: SimulationResult, t: number): StateAt {
  const s = selectSegmentAt(result, t);
  return {t, tasks: s.targets, zones: s.zones, db: s.db, offered: s.offered, served: s.served, failed: s.failed};
}

/** Per-target traffic at second `t` (requests served and failed in [t, t + 1)), for animating flow. */
export function selectTrafficAt(
  result: SimulationResult,
  t: number,
): {id: string; zone: string; served: number; failed: number}[] {
  const sec = Math.floor(t);
  const totals = new Map<string, {id: string; zone: string; served: number; failed: number}>();
  for (const s of result.segments) {
    if (s.to <= sec || s.from >= sec + 1) continue;
    const len = Math.min(sec + 1, s.to) - Math.max(sec, s.from);
    for (const tg of s.targets) {
      const row = totals.get(tg.id) ?? {id: tg.id, zone: tg.zone, served: 0, failed: 0};
      row.served += tg.served * len;
      row.failed += tg.failed * len;
      totals.set(tg.id, row);
    }
  }
  return [...totals.values()];
}

/** Tasks the load balancer sends traffic to as healthy at time `t`. */
export function selectHealthyTargets(result: SimulationResult, t: number): TargetSegment[] {
  return selectSegmentAt(result, t).targets.filter((x) => x.lbState === 'healthy');
}
