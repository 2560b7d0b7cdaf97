/** What `simulate` returns: segments, the event log and the summary. Plain data. */
import type {ZoneName} from './common';
import type {ResolvedModel} from './resolved';

/** Why a request failed. */
export type FailureCause =
  /** Sent to a target that has died but is not yet marked unhealthy (or to a dead target while failing open). */
  | 'deadTarget'
  /** The client gave up waiting for the answer (request timeout): the task was too far behind. */
  | 'timeout'
  /** Rejected at once by a task's load shedding: it could not have answered before the timeout. */
  | 'shed'
  /** Sent to a load balancer node that is gone, whose address the client still had from DNS. */
  | 'staleDns'
  /**
   * Sent on a kept-alive connection to a load balancer node (or, with an NLB, a target) that
   * died: the client's next request on it fails (`clients/keepAlive.ts`).
   */
  | 'staleConnection'
  /** No target to send it to. */
  | 'noHealthyTarget'
  /** Needed the database while it had no writable primary (or, for reads, no readable node). */
  | 'database'
  /** Needed a single-zone dependency or session store that is down. */
  | 'dependency'
  /** Failed in a zone with a gray failure. */
  | 'grayFailure'
  /**
   * Had to cross a network partition: a load balancer node sent it to a target on the other
   * side before marking that target unhealthy, or the task that served it could not reach
   * the database primary, the session store or a dependency on the other side.
   */
  | 'partition';

/** All failure causes, in a fixed order. */
export type FailuresByCause = Record<FailureCause, number>;

/** What one task looks like at a moment. */
export type TaskState = 'starting' | 'healthy' | 'unhealthy' | 'draining' | 'dead';

/** The load balancer's view of a target. */
export type TargetLbState = 'unregistered' | 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

/** Role of the database in one zone. */
export type DbRole = 'primary' | 'standby' | 'replica' | 'down' | 'none';

/** One task in a segment, with its traffic. */
export interface TargetSegment {
  /** Task id, e.g. `"a-1"`. */
  id: string;
  zone: ZoneName;
  state: TaskState;
  lbState: TargetLbState;
  /** Attempts per second served by this target. */
  served: number;
  /** Attempts per second sent to this target that failed. */
  failed: number;
}

/** One zone in a segment. */
export interface ZoneSegment {
  zone: ZoneName;
  /** `'up'` or `'down'` (zone outage). */
  status: 'up' | 'down';
  /** A gray failure is active. */
  impaired: boolean;
  /** A zonal shift moves traffic away from it. */
  shifted: boolean;
  /** A network partition cuts it off from the other zones. */
  partitioned: boolean;
  /** Tasks alive and in service. */
  healthy: number;
  /** Tasks launched or registered but not yet in service. */
  starting: number;
  /** Tasks alive but marked unhealthy. */
  unhealthy: number;
  /** Tasks draining after deregistration. */
  draining: number;
  /** Tasks dead but not yet cleaned up by the scheduler. */
  dead: number;
  /** Requests per second the healthy tasks can serve. */
  capacity: number;
  /** Failed ÷ attempted for requests sent to this zone's targets (0 when none). */
  errorRate: number;
  /** Seconds a new request waits in the queues of this zone's tasks (traffic-weighted; 0 when none). */
  queueSeconds: number;
}

/** Database state in a segment. */
export interface DbSegment {
  /** Role per zone, in the model's zone order. */
  roles: Record<ZoneName, DbRole>;
  /** A primary accepts writes. */
  writable: boolean;
  /** Some node serves reads. */
  readable: boolean;
  /** Largest lag of a reachable replica, in seconds (0 for synchronous modes). */
  replicaLagSeconds: number;
}

/**
 * A stretch of time in which nothing changes. Rates are per second. The timeline is
 * derived from segments; a 7-day run has as many segments as a 24-hour one with the
 * same faults.
 */
export interface Segment {
  /** Start, in seconds (inclusive). */
  from: number;
  /** End, in seconds (exclusive). */
  to: number;
  /** Requests per second offered by clients. */
  offered: number;
  /** Requests per second served within the client's timeout (goodput), retries included. */
  served: number;
  /** Requests per second that failed after their last attempt; equals the sum of `failedByCause`. */
  failed: number;
  /** Failed requests per second by cause of the last attempt. */
  failedByCause: FailuresByCause;
  /** Attempts per second, first attempts and retries. */
  attempts: number;
  /** First attempts per second (equals `offered`). */
  firstAttempts: number;
  /** Retry attempts per second. */
  retries: number;
  /**
   * Requests per second the tasks that get traffic can serve: those in service (or, when the
   * load balancer fails open, those marked unhealthy) and live tasks finishing their queue.
   */
  capacity: number;
  /** Attempts per second whose client gave up before the answer (request timeout). */
  timedOut: number;
  /** Attempts per second rejected at once by load shedding. */
  shed: number;
  /** Work per second (in requests) the tasks spend on attempts whose client has given up. */
  wasted: number;
  /** Median latency, seconds, of the attempts served within the timeout (0 when none). */
  latencyP50: number;
  /** 99th percentile latency, seconds, of the attempts served within the timeout (0 when none). */
  latencyP99: number;
  /** Writes per second acknowledged by the database. */
  writesServed: number;
  zones: ZoneSegment[];
  db: DbSegment | null;
  /** Every task that exists in this segment, with its traffic. */
  targets: TargetSegment[];
}

/** One line of the event log. */
export interface SimEvent {
  /** Simulated time in seconds. */
  t: number;
  /** `domain/eventName`, e.g. `lb/targetMarkedUnhealthy`. */
  type: string;
  /** A sentence a reader can follow, starting with the time. */
  message: string;
  zone?: ZoneName;
  task?: string;
}

/**
 * The summary of a run.
 *
 * - `availability` = served ÷ offered over the whole run (1 when nothing was offered).
 * - `longestOutageSeconds` = longest continuous stretch in which more than half the offered requests failed.
 * - `timeToRecoverSeconds` = from the start of the first fault to the end of the last moment with any failure;
 *   0 if nothing failed after it, `null` if there are no faults.
 * - `sessionsLost` = sessions whose state was lost (see the reference page for how they are counted),
 *   including `sessionsLostInNormalRunning`: with sessions in task memory and no stickiness, the
 *   requests that land on a task without the user's session sign the user out, fault or not.
 * - `writesLost` = acknowledged writes that were not on the replica that became primary;
 *   `recoveryPointSeconds` = the largest such window.
 * - `databaseDowntimeSeconds` = seconds without a writable primary (0 without a database).
 */
export interface Summary {
  durationSeconds: number;
  offered: number;
  served: number;
  failed: number;
  failedByCause: FailuresByCause;
  /** Retry attempts over the run. */
  retries: number;
  /** Attempts whose client gave up before the answer, over the run. */
  timedOut: number;
  /** Attempts rejected at once by load shedding, over the run. */
  shed: number;
  /** Requests' worth of work done for clients that had given up, over the run. */
  wasted: number;
  /** Highest p99 latency of any moment of the run, seconds. */
  worstLatencyP99: number;
  /**
   * Requests still under way when the run ends (queued at a task, or waiting to retry): they are
   * neither served nor failed, so `offered = served + failed + inFlightAtEnd`.
   */
  inFlightAtEnd: number;
  availability: number;
  longestOutageSeconds: number;
  timeToRecoverSeconds: number | null;
  sessionsLost: number;
  sessionsLostInNormalRunning: number;
  writesLost: number;
  recoveryPointSeconds: number;
  databaseDowntimeSeconds: number;
}

/** What `simulate` returns. Plain data. */
export interface SimulationResult {
  /** The model with every default filled in. */
  model: ResolvedModel;
  /** Piecewise-constant stretches covering [0, durationSeconds). */
  segments: Segment[];
  /** The event log, in time order. */
  events: SimEvent[];
  summary: Summary;
  /**
   * Health-check phase of each zone's load balancer node, seconds in [0, interval): that node
   * checks every target at phase + k × interval. Drawn from the seed; zones without a node are absent.
   */
  healthCheckPhases: Record<ZoneName, number>;
}
