/**
 * Small readings of a simulation result, for the answers of the chapters'
 * "predict first" boxes (docs/<slug>/predictions.ts). They only read what the
 * engine returned; they compute no failover behaviour of their own.
 */
import {selectSegmentAt, type FailuresByCause, type SimulationResult} from '@site/src/engine';

/** Seconds during which some requests failed (for one cause only, if given). */
export function failingSeconds(result: SimulationResult, cause?: keyof FailuresByCause): number {
  return result.segments.reduce((sum, segment) => {
    const failed = cause ? segment.failedByCause[cause] : segment.failed;
    return sum + (failed > 0 ? segment.to - segment.from : 0);
  }, 0);
}

/** The end of the last stretch with failures, or null if nothing failed. */
export function lastFailureAt(result: SimulationResult): number | null {
  const failing = result.segments.filter((segment) => segment.failed > 0);
  return failing.length > 0 ? failing[failing.length - 1]!.to : null;
}

/** Share of offered requests failing at second `t`, as a percentage to one decimal. */
export function failingPercentAt(result: SimulationResult, t: number): number {
  const segment = selectSegmentAt(result, t);
  return segment.offered > 0 ? Math.round((segment.failed / segment.offered) * 1000) / 10 : 0;
}

/** When the first event of a type happened, or null. */
export function eventAt(result: SimulationResult, type: string): number | null {
  return result.events.find((event) => event.type === type)?.t ?? null;
}

/** A yes/no choice, for asks answered by a fact of the run. */
export const YES_NO = [
  {id: 'yes', text: 'Yes'},
  {id: 'no', text: 'No'},
];
export const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
