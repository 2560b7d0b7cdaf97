/** The timeline of the model: faults, and the operator actions taken against them. */
import type {ZoneName} from './common';

/** A whole zone fails: its tasks, load balancer node, database nodes and zonal dependencies. */
export interface ZoneOutageFault {
  kind: 'zoneOutage';
  zone: ZoneName;
  /** Start, in simulated seconds. */
  at: number;
  /** Length in seconds. */
  duration: number;
}

/** One task crashes. */
export interface TaskCrashFault {
  kind: 'taskCrash';
  /** Task id such as `"b-1"` (zone, dash, number in the zone). */
  task: string;
  at: number;
}

/** The database primary fails (its zone stays up). */
export interface PrimaryFailureFault {
  kind: 'primaryFailure';
  at: number;
  /**
   * Seconds until the failed instance is repaired (with `failed: 'process'`: until PostgreSQL
   * runs again). Default: for the rest of the run.
   */
  duration?: number;
  /**
   * `'instance'` (default): the instance is lost, and on a self-managed node its failover agent
   * with it. `'process'` (self-managed only): PostgreSQL crashes on a node that stays up, and
   * Patroni restarts it in place for up to `primaryStartTimeoutSeconds` before failing over.
   */
  failed?: 'instance' | 'process';
}

/** Asynchronous replica lag rises to `lagSeconds` for a while. */
export interface ReplicationLagSpikeFault {
  kind: 'replicationLagSpike';
  at: number;
  duration: number;
  lagSeconds: number;
}

/** A gray failure: a share of requests served in the zone fail while health checks still pass. */
export interface GrayFailureFault {
  kind: 'grayFailure';
  zone: ZoneName;
  at: number;
  duration: number;
  /** Share (0–1) of requests served in the zone that fail or time out. */
  errorShare: number;
}

/**
 * A network partition: `zone` is cut off from every other zone for `duration` seconds.
 * Clients on the internet still reach the load balancer node in every zone, and inside
 * each side everything works; only traffic between the two sides is lost. One partition
 * at a time. See the reference page for what each part of the model does when cut.
 */
export interface ZonePartitionFault {
  kind: 'zonePartition';
  /** The zone cut off from the others. */
  zone: ZoneName;
  at: number;
  duration: number;
}

/** Any fault. */
export type Fault =
  | ZoneOutageFault
  | TaskCrashFault
  | PrimaryFailureFault
  | ReplicationLagSpikeFault
  | GrayFailureFault
  | ZonePartitionFault;

/** An operator moves load balancer traffic away from a zone (Route 53 ARC zonal shift). */
export interface ZonalShiftAction {
  kind: 'zonalShift';
  zone: ZoneName;
  at: number;
  /** Seconds until the shift expires. */
  duration: number;
}

/**
 * AWS's zonal autoshift, turned on for the load balancer. AWS starts it when its own internal
 * telemetry shows an Availability Zone impairment that could affect customers: in the model,
 * a zone outage or a zone cut off by a network partition. It never starts for a failure only
 * your application has (a gray failure, a crashed task, a bad deploy). AWS requires practice
 * runs to be configured before it can be turned on (the model assumes they are). The shift
 * ends when the zone recovers.
 */
export interface ZonalAutoshiftAction {
  kind: 'zonalAutoshift';
  /**
   * Seconds from the impairment to the shift. AWS does not publish this; default 300 s is the
   * model's estimate (the FIS scenario that starts an autoshift at minute 5 is a scripted action,
   * not a detection time).
   */
  delaySeconds?: number;
}

/**
 * An alarm-driven zonal shift, which you build: a CloudWatch alarm per zone on the zone's
 * error rate, and automation that calls ARC `StartZonalShift` when it fires. It sees what
 * your own metric sees, gray failures included. The shift expires after `expiresAfterSeconds`;
 * if the zone is still failing, the alarm fires again once traffic returns.
 */
export interface AlarmZonalShiftAction {
  kind: 'alarmZonalShift';
  /** Error rate (0–1) of requests served in a zone at or above which the alarm's metric breaches. Default 0.05 (illustrative). */
  errorRateThreshold?: number;
  /** Length of one evaluation period, seconds. Default 60 (illustrative). */
  evaluationPeriodSeconds?: number;
  /** Periods in a row the metric must breach before the alarm fires. Default 3 (illustrative). */
  evaluationPeriods?: number;
  /** The shift's expiry (`expiresIn`), seconds; ARC requires one. Default 3600 (illustrative). */
  expiresAfterSeconds?: number;
}

/** An operator promotes a replica by hand (or, on Aurora without replicas, creates a writer in `zone`). */
export interface PromoteReplicaAction {
  kind: 'promoteReplica';
  at: number;
  /** Only for Aurora with no replica: zone of the new writer. Default: the first zone that is up. */
  zone?: ZoneName;
}

/** Any operator action. */
export type OperatorAction = ZonalShiftAction | ZonalAutoshiftAction | AlarmZonalShiftAction | PromoteReplicaAction;
