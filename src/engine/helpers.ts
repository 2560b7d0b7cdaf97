/**
 * Small pure calculators for the widgets, so no widget works out failover
 * numbers by hand. Each states its formula; the simulation agrees with them.
 */
import {DEFAULT_ASYNC_LAG_SECONDS, DEFAULT_HEALTH_CHECK} from './defaults';
import {ModelError} from './errors';
import type {HealthCheckSpec} from './types';
import {validateModel} from './validate';

/** Detection and recovery times implied by health-check settings. */
export interface HealthCheckTimes {
  /** A dead target is marked unhealthy no sooner than (unhealthy − 1) × interval + timeout after it dies. */
  earliestDetectionSeconds: number;
  /** …and no later than unhealthy × interval + timeout (it died just after a check started). */
  latestDetectionSeconds: number;
  /** A ready new target waits up to one interval for its first (and only needed) passing check. */
  newTargetMaxWaitSeconds: number;
  /** A target marked unhealthy returns after healthy passes in a row: at least (healthy − 1) × interval… */
  earliestReturnSeconds: number;
  /** …and at most healthy × interval after it answers again. */
  latestReturnSeconds: number;
  /**
   * Start times, in seconds after the target dies, of the failed checks that mark it
   * unhealthy: `earliest` when it dies just as a check starts, `latest` just after one did.
   */
  failedCheckStarts: {earliest: number[]; latest: number[]};
}

/**
 * Detection window of a dead target and return-to-service time of a recovered one.
 * With ALB defaults (30 s, 5 s, unhealthy 2, healthy 5): detection 35–65 s, return 120–150 s.
 */
export function healthCheckDetection(settings: HealthCheckSpec = {}): HealthCheckTimes {
  const hc = validateModel({zones: ['a'], loadBalancer: {healthCheck: settings}}).loadBalancer.healthCheck;
  return {
    earliestDetectionSeconds: (hc.unhealthyThreshold - 1) * hc.intervalSeconds + hc.timeoutSeconds,
    latestDetectionSeconds: hc.unhealthyThreshold * hc.intervalSeconds + hc.timeoutSeconds,
    newTargetMaxWaitSeconds: hc.intervalSeconds,
    earliestReturnSeconds: (hc.healthyThreshold - 1) * hc.intervalSeconds,
    latestReturnSeconds: hc.healthyThreshold * hc.intervalSeconds,
    failedCheckStarts: {
      earliest: Array.from({length: hc.unhealthyThreshold}, (_, k) => k * hc.intervalSeconds),
      latest: Array.from({length: hc.unhealthyThreshold}, (_, k) => (k + 1) * hc.intervalSeconds),
    },
  };
}
/** The ALB defaults `healthCheckDetection` uses when given nothing. */
export const ALB_HEALTH_CHECK_DEFAULTS = DEFAULT_HEALTH_CHECK;

/** A static-stability capacity plan. */
export interface CapacityPlan {
  zones: number;
  /** Tasks needed with every zone up: ⌈P / capacity⌉. */
  minimumTasks: number;
  /** Tasks per zone so that N − 1 zones carry the peak: ⌈P / (N − 1) / capacity⌉ (N = 1: ⌈P / capacity⌉). */
  tasksPerZone: number;
  totalTasks: number;
  /** Requests per second all tasks can serve. */
  provisionedRequestsPerSecond: number;
  /** Provisioned ÷ peak; tends to N / (N − 1) (2 zones → 2, 3 → 1.5, 4 → 1.33). */
  overhead: number;
  /** Capacity left after losing one zone. */
  capacityAfterZoneLoss: number;
  /** Whether the capacity left after losing one zone still covers the peak. */
  survivesZoneLoss: boolean;
}

/** Tasks per zone for static stability: each zone holds P / (N − 1) so losing one zone needs no new capacity. */
export function capacityPlan({
  zones,
  peakRequestsPerSecond,
  capacityPerTask,
}: {
  zones: number;
  peakRequestsPerSecond: number;
  capacityPerTask: number;
}): CapacityPlan {
  if (!Number.isInteger(zones) || zones < 1 || zones > 6) throw new ModelError('zones', `must be a whole number from 1 to 6, got ${zones}`);
  if (!(peakRequestsPerSecond >= 0) || !Number.isFinite(peakRequestsPerSecond)) {
    throw new ModelError('peakRequestsPerSecond', `must be a finite number ≥ 0, got ${peakRequestsPerSecond}`);
  }
  if (!(capacityPerTask > 0) || !Number.isFinite(capacityPerTask)) {
    throw new ModelError('capacityPerTask', `must be a finite number > 0, got ${capacityPerTask}`);
  }
  const minimumTasks = Math.ceil(peakRequestsPerSecond / capacityPerTask);
  const share = zones > 1 ? peakRequestsPerSecond / (zones - 1) : peakRequestsPerSecond;
  const tasksPerZone = Math.ceil(share / capacityPerTask - 1e-9);
  const totalTasks = tasksPerZone * zones;
  const provisioned = totalTasks * capacityPerTask;
  const after = zones > 1 ? (zones - 1) * tasksPerZone * capacityPerTask : 0;
  return {
    zones,
    minimumTasks,
    tasksPerZone,
    totalTasks,
    provisionedRequestsPerSecond: provisioned,
    overhead: peakRequestsPerSecond > 0 ? provisioned / peakRequestsPerSecond : 0,
    capacityAfterZoneLoss: after,
    survivesZoneLoss: zones > 1 && after >= peakRequestsPerSecond,
  };
}

/** What a replication mode costs on every write and loses when the primary dies. */
export interface ReplicationRace {
  mode: 'sync' | 'semi-sync' | 'async' | 'quorum';
  /** Added commit latency: one inter-zone round trip for modes that wait for an ack, 0 for async. */
  writeLatencyAddedMs: number;
  /** Acknowledged writes lost if the primary dies now: lag × write rate for async, 0 otherwise. */
  writesLostOnPrimaryLoss: number;
  /** Seconds of acknowledged writes lost (the recovery point). */
  recoveryPointSeconds: number;
  /** The catch, in one sentence. */
  note: string;
}

/**
 * The replication race: waiting for a standby costs a round trip on every commit;
 * not waiting loses the lag's worth of writes. `interZoneLatencyMs` is a round trip
 * (default 1 ms: zones are single-digit milliseconds apart, usually under 1–2 ms).
 */
export function replicationRace({
  mode,
  interZoneLatencyMs = 1,
  lagSeconds = DEFAULT_ASYNC_LAG_SECONDS,
  writeRate,
}: {
  mode: ReplicationRace['mode'];
  interZoneLatencyMs?: number;
  lagSeconds?: number;
  writeRate: number;
}): ReplicationRace {
  for (const [field, v] of [
    ['interZoneLatencyMs', interZoneLatencyMs],
    ['lagSeconds', lagSeconds],
    ['writeRate', writeRate],
  ] as const) {
    if (!(v >= 0) || !Number.isFinite(v)) throw new ModelError(field, `must be a finite number ≥ 0, got ${v}`);
  }
  switch (mode) {
    case 'async':
      return {
        mode,
        writeLatencyAddedMs: 0,
        writesLostOnPrimaryLoss: lagSeconds * writeRate,
        recoveryPointSeconds: lagSeconds,
        note: 'Fast commits, but the writes inside the lag are gone when a replica is promoted.',
      };
    case 'semi-sync':
      return {
        mode,
        writeLatencyAddedMs: interZoneLatencyMs,
        writesLostOnPrimaryLoss: 0,
        recoveryPointSeconds: 0,
        note: 'Safe while a replica acks; after the 10 s timeout with no ack it silently becomes async.',
      };
    case 'quorum':
      return {
        mode,
        writeLatencyAddedMs: interZoneLatencyMs,
        writesLostOnPrimaryLoss: 0,
        recoveryPointSeconds: 0,
        note: 'Waits for the k fastest standbys; writes stop if fewer than k are reachable.',
      };
    case 'sync':
      return {
        mode,
        writeLatencyAddedMs: interZoneLatencyMs,
        writesLostOnPrimaryLoss: 0,
        recoveryPointSeconds: 0,
        note: 'Every commit waits for the standby; writes stop if no standby is reachable.',
      };
    default:
      throw new ModelError('mode', `unknown value ${JSON.stringify(mode)} (expected one of: sync, semi-sync, async, quorum)`);
  }
}

export {costOfResilience, type CostOfResilience, type CostOptions, type CrossZoneFlow} from './cost';
