/**
 * Health-check timing. Every load balancer node (one per enabled zone) checks every
 * target on its own schedule `phase + k × interval`, with its own seeded phase, as real
 * ALB nodes do. Checks are not simulated one by one: the time of the k-th check after any
 * change is plain arithmetic, which keeps a 7-day run as cheap as a 1-hour one.
 *
 * A node marks a target that stops answering at `d` when the `unhealthyThreshold`-th
 * failed check times out: `s1 + (U − 1) × interval + timeout`, where `s1` is that node's
 * first check at or after `d`. Each node's delay is therefore inside the documented window
 * [(U − 1) × interval + timeout, U × interval + timeout]; with several nodes the marks spread
 * over it instead of landing at one instant.
 */
import {nextFloat, seedRng, type RngState} from './rng';
import type {ResolvedHealthCheck} from './types';

/** Start time of the first check at or after `t` on the schedule `phase + k × interval`. */
export function nextCheckAtOrAfter(t: number, phase: number, interval: number): number {
  const k = Math.ceil((t - phase) / interval - 1e-9);
  return phase + Math.max(0, k) * interval;
}

/** When a node with `phase` marks a target that stopped answering at `t`, and when its failing check starts. */
export function nodeMarkTime(t: number, phase: number, hc: ResolvedHealthCheck): {failCheckStart: number; markAt: number} {
  const failCheckStart = nextCheckAtOrAfter(t, phase, hc.intervalSeconds) + (hc.unhealthyThreshold - 1) * hc.intervalSeconds;
  return {failCheckStart, markAt: failCheckStart + hc.timeoutSeconds};
}

/** When a node with `phase` takes back a target marked unhealthy that answers again from `t`: `healthyThreshold` passes in a row. */
export function nodeReturnTime(t: number, phase: number, hc: ResolvedHealthCheck): number {
  return nextCheckAtOrAfter(t, phase, hc.intervalSeconds) + (hc.healthyThreshold - 1) * hc.intervalSeconds;
}

/**
 * One phase per zone's node, whole seconds in [0, interval). The first node takes its phase
 * from the run's own generator (`first`); the others come from a generator of their own, so
 * adding a zone does not move the run's other draws (failover times).
 */
export function nodePhases(seed: number, first: number, zoneCount: number, interval: number): number[] {
  let rng: RngState = seedRng(seed * 7919 + 104_729);
  const phases = [first];
  for (let z = 1; z < zoneCount; z++) {
    const [u, next] = nextFloat(rng);
    rng = next;
    phases.push(Math.floor(u * interval));
  }
  return phases;
}
