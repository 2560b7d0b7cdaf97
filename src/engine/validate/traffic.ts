/** Validation of the traffic: its rate, daily curve, writes and sessions (retries are the clients', see `clients.ts`). */
import {DEFAULT_REQUESTS_PER_SECOND, DEFAULT_SESSION_SECONDS, DEFAULT_SESSIONS_PER_RPS, DEFAULT_WRITE_SHARE} from '../defaults';
import {ModelError} from '../errors';
import type {ResolvedModel} from '../types';
import {bool, num, obj, oneOf} from './fields';

/** The traffic, with the trough and the active sessions defaulting from the peak rate. */
export function resolveTraffic(v: unknown): ResolvedModel['traffic'] {
  const tr = obj('traffic', v, [
    'requestsPerSecond',
    'curve',
    'troughRequestsPerSecond',
    'peakHour',
    'writeShare',
    'readsUseDatabase',
    'retries',
    'activeSessions',
    'sessionSeconds',
  ]);
  if (tr.retries !== undefined) {
    // upgradeModel moves it to clients.retries; it is still here only when both were set.
    throw new ModelError('traffic.retries', 'moved to clients.retries, which is set too: keep only clients.retries');
  }
  const rps = num('traffic.requestsPerSecond', tr.requestsPerSecond, DEFAULT_REQUESTS_PER_SECOND, {min: 0});
  const trough = num('traffic.troughRequestsPerSecond', tr.troughRequestsPerSecond, rps * 0.3, {min: 0});
  if (trough > rps) {
    throw new ModelError('traffic.troughRequestsPerSecond', `must not exceed requestsPerSecond (${rps}), got ${trough}`);
  }
  return {
    requestsPerSecond: rps,
    curve: oneOf('traffic.curve', tr.curve, ['constant', 'daily'] as const, 'constant'),
    troughRequestsPerSecond: trough,
    peakHour: num('traffic.peakHour', tr.peakHour, 14, {min: 0, max: 24}),
    writeShare: num('traffic.writeShare', tr.writeShare, DEFAULT_WRITE_SHARE, {min: 0, max: 1}),
    readsUseDatabase: bool('traffic.readsUseDatabase', tr.readsUseDatabase, false),
    activeSessions: num('traffic.activeSessions', tr.activeSessions, rps * DEFAULT_SESSIONS_PER_RPS, {min: 0}),
    sessionSeconds: num('traffic.sessionSeconds', tr.sessionSeconds, DEFAULT_SESSION_SECONDS, {min: 60, max: 7 * 24 * 3600}),
  };
}
