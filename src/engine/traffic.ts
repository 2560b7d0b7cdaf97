/**
 * Offered traffic: the rate over time and the request classes (write or read,
 * uses the zonal dependency or not). The daily curve is constant for each
 * 15 minutes so it only adds a segment every 15 minutes.
 */
import type {FailureCause, ResolvedModel} from './types';

/** Length of one step of the daily curve, seconds. */
export const DAILY_STEP_SECONDS = 900;

/** Offered requests per second at time `t`. */
export function rateAt(traffic: ResolvedModel['traffic'], t: number): number {
  if (traffic.curve === 'constant') return traffic.requestsPerSecond;
  const step = Math.floor(t / DAILY_STEP_SECONDS);
  const midHour = (((step + 0.5) * DAILY_STEP_SECONDS) / 3600) % 24;
  // A cosine day: the peak at peakHour, the trough twelve hours away.
  const shape = (1 + Math.cos((2 * Math.PI * (midHour - traffic.peakHour)) / 24)) / 2;
  return traffic.troughRequestsPerSecond + (traffic.requestsPerSecond - traffic.troughRequestsPerSecond) * shape;
}

/** A share of requests that behave alike. */
export interface RequestClass {
  /** Share of offered requests (the shares sum to 1). */
  share: number;
  isWrite: boolean;
  /**
   * A cause that fails every attempt of this class that reaches a live target, retries
   * included (the database or a dependency is down for everyone), or `null`.
   */
  persistentCause: FailureCause | null;
  /**
   * Per zone: a task there cannot reach something this class needs (across a network
   * partition), so its attempts fail there and a retry may succeed elsewhere. `null` when
   * every zone can.
   */
  blockedIn: boolean[] | null;
}

/** What is down for every request at a moment. */
export interface SharedOutages {
  dependencyDown: boolean;
  sessionStoreDown: boolean;
  dbWritable: boolean;
  dbReadable: boolean;
  /**
   * Per zone, during a network partition: whether a task there can reach the dependency,
   * the session store, and a node that takes writes or serves reads. Absent without one.
   */
  reach?: {dependency: boolean[]; sessionStore: boolean[]; dbWrite: boolean[]; dbRead: boolean[]};
}

/** Splits traffic into classes by write share and dependency share. */
export function requestClasses(model: ResolvedModel, o: SharedOutages): RequestClass[] {
  const w = model.traffic.writeShare;
  const dep = model.service.zonalDependency;
  const d = dep === null ? 0 : dep.share;
  const hasDb = model.database.kind !== 'none';
  const out: RequestClass[] = [];
  for (const isWrite of [true, false]) {
    for (const usesDep of [true, false]) {
      const share = (isWrite ? w : 1 - w) * (usesDep ? d : 1 - d);
      if (share <= 0) continue;
      let cause: FailureCause | null = null;
      if (o.sessionStoreDown || (usesDep && o.dependencyDown)) cause = 'dependency';
      else if (hasDb && isWrite && !o.dbWritable) cause = 'database';
      else if (hasDb && !isWrite && model.traffic.readsUseDatabase && !o.dbReadable) cause = 'database';
      out.push({share, isWrite, persistentCause: cause, blockedIn: cause === null ? blockedIn(model, o, isWrite, usesDep) : null});
    }
  }
  return out;
}

/** Zones whose tasks cannot reach what a class needs during a partition, or `null` if none. */
function blockedIn(model: ResolvedModel, o: SharedOutages, isWrite: boolean, usesDep: boolean): boolean[] | null {
  const reach = o.reach;
  if (reach === undefined) return null;
  const hasDb = model.database.kind !== 'none';
  const needsDb = hasDb && (isWrite || model.traffic.readsUseDatabase);
  const blocked = model.zones.map(
    (_, z) =>
      (model.service.sessionStore === 'single-zone' && !reach.sessionStore[z]) ||
      (usesDep && !reach.dependency[z]) ||
      (needsDb && !(isWrite ? reach.dbWrite[z] : reach.dbRead[z])),
  );
  return blocked.some(Boolean) ? blocked : null;
}
