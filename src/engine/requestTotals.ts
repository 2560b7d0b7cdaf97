/**
 * Requests over a whole run, summed from its segments: what clients offered and what ended
 * (served or failed after the last attempt). The conservation law the engine's tests check is
 * offered − ended = the requests still under way at the end (`summary.inFlightAtEnd`); summing
 * the segments here, not reading the summary, keeps that check independent of the summary's own sums.
 */
import type {SimulationResult} from './types';

export function requestTotals(result: SimulationResult): {offered: number; ended: number} {
  let offered = 0;
  let ended = 0;
  for (const s of result.segments) {
    offered += s.offered * (s.to - s.from);
    ended += (s.served + s.failed) * (s.to - s.from);
  }
  return {offered, ended};
}
