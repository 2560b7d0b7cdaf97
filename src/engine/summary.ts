/**
 * The summary of a run, computed from its segments. The definitions are in the
 * TSDoc of `Summary` (types/result.ts) and on the reference page.
 */
import {addFailures} from './causes';
import {noFailures} from './causes';
import type {ResolvedModel, Segment, Summary} from './types';

/** Failure rates below this (requests per second) count as no failure. */
const EPSILON = 1e-9;

/** Sums the segments into a {@link Summary}. */
export function summarize(
  model: ResolvedModel,
  segments: readonly Segment[],
  extra: {sessionsLost: number; writesLost: number; recoveryPointSeconds: number; inFlightAtEnd: number},
): Summary {
  let offered = 0;
  let served = 0;
  let failed = 0;
  const failedByCause = noFailures();
  let longest = 0;
  let run = 0;
  let dbDown = 0;
  let retries = 0;
  let timedOut = 0;
  let shed = 0;
  let wasted = 0;
  let worstLatencyP99 = 0;
  const firstFault = model.faults.length === 0 ? null : Math.min(...model.faults.map((f) => f.at));
  let lastFailureEnd: number | null = null;
  const signsOut = model.service.sessionStore === 'task-memory' && !model.service.sticky && model.traffic.activeSessions > 0;
  let normalLoss = 0;
  for (const s of segments) {
    const len = s.to - s.from;
    if (signsOut) normalLoss += s.served * len * wrongTaskShare(s);
    offered += s.offered * len;
    served += s.served * len;
    failed += s.failed * len;
    retries += s.retries * len;
    timedOut += s.timedOut * len;
    shed += s.shed * len;
    wasted += s.wasted * len;
    if (len > 0) worstLatencyP99 = Math.max(worstLatencyP99, s.latencyP99);
    addFailures(failedByCause, s.failedByCause, len, 1);
    if (s.offered > 0 && s.failed > 0.5 * s.offered) {
      run += len;
      longest = Math.max(longest, run);
    } else {
      run = 0;
    }
    if (s.db !== null && !s.db.writable) dbDown += len;
    if (s.failed > EPSILON && firstFault !== null && s.to > firstFault) lastFailureEnd = s.to;
  }
  return {
    durationSeconds: model.durationSeconds,
    offered,
    served,
    failed,
    failedByCause,
    retries,
    timedOut,
    shed,
    wasted,
    worstLatencyP99,
    inFlightAtEnd: extra.inFlightAtEnd,
    availability: offered > 0 ? served / offered : 1,
    longestOutageSeconds: longest,
    timeToRecoverSeconds: firstFault === null ? null : lastFailureEnd === null ? 0 : lastFailureEnd - firstFault,
    sessionsLost: extra.sessionsLost + normalLoss,
    sessionsLostInNormalRunning: normalLoss,
    writesLost: extra.writesLost,
    recoveryPointSeconds: extra.recoveryPointSeconds,
    databaseDowntimeSeconds: dbDown,
  };
}

/**
 * Without stickiness, the share of requests that land on a task other than the one holding
 * the user's session: 1 − Σ pᵢ², where pᵢ is the share target i serves (a session sits on
 * target i with probability pᵢ, and the next request lands there with probability pᵢ).
 * (n − 1)/n for n targets serving equally.
 */
function wrongTaskShare(s: Segment): number {
  let total = 0;
  for (const t of s.targets) total += t.served;
  if (total <= 0) return 0;
  let same = 0;
  for (const t of s.targets) same += (t.served / total) ** 2;
  return Math.max(0, 1 - same);
}
