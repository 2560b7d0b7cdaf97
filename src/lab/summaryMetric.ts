/**
 * The figures a lab's goal and a quiz challenge read off a run's summary, one name each, so
 * that "failed requests" or "sessions lost" means the same number in both places. Pure.
 */
import type {Summary} from '@site/src/engine';

/** Every figure read off a summary, by the name goals and challenges use. */
export const SUMMARY_METRICS = [
  'failedRequests',
  'availability',
  'failedByCause.overload',
  'failedByCause.deadTarget',
  'failedByCause.database',
  'writesLost',
  'recoveryPointSeconds',
  'databaseDowntimeSeconds',
  'longestOutageSeconds',
  'timeToRecoverSeconds',
  'sessionsLost',
] as const;

export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

const NAMES = new Set<string>(SUMMARY_METRICS);

/** Whether a metric is read off a run's summary (the others are read off the design). */
export function isSummaryMetric(metric: string): metric is SummaryMetric {
  return NAMES.has(metric);
}

/** A figure of the summary. Counts are whole requests, so a rounding crumb of 1e-12 is not a failed request. */
export function summaryValue(metric: SummaryMetric, s: Summary): number {
  switch (metric) {
    case 'failedRequests':
      return Math.round(s.failed);
    case 'availability':
      return s.availability;
    case 'failedByCause.overload':
      // Past capacity, requests time out in the tasks' queues or are shed: both are overload.
      return Math.round(s.failedByCause.timeout + s.failedByCause.shed);
    case 'failedByCause.deadTarget':
      return Math.round(s.failedByCause.deadTarget);
    case 'failedByCause.database':
      return Math.round(s.failedByCause.database);
    case 'writesLost':
      return Math.round(s.writesLost);
    case 'recoveryPointSeconds':
      return s.recoveryPointSeconds;
    case 'databaseDowntimeSeconds':
      return s.databaseDowntimeSeconds;
    case 'longestOutageSeconds':
      return s.longestOutageSeconds;
    case 'timeToRecoverSeconds':
      return s.timeToRecoverSeconds ?? 0;
    case 'sessionsLost':
      return Math.round(s.sessionsLost);
  }
}
