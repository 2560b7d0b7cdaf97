/**
 * The model a reader writes: plain, serialisable data, so the UI can put it in a URL.
 * Every optional field has a default; see `defaults.ts` for the numbers and where they
 * come from.
 */
import type {ClientsSpec} from './clients';

/** A zone name, for example `"a"` or an AZ ID such as `"use1-az1"`. */
export type ZoneName = string;

/** A closed range of seconds; the engine draws a value in it with the seeded generator. */
export interface SecondsRange {
  /** Smallest value, in seconds. */
  min: number;
  /** Largest value, in seconds. */
  max: number;
}

/** Where a user's session state lives. */
export type SessionStore =
  /** In the memory of the task that served the login: lost when that task leaves service. */
  | 'task-memory'
  /** In an external store that runs in one zone (for example a single-node cache). */
  | 'single-zone'
  /** In an external multi-zone store (for example DynamoDB): never lost by a zone failure. */
  | 'multi-zone';

/** A dependency every task uses that runs in one zone only (a NAT gateway, a single-zone cache). */
export interface ZonalDependencySpec {
  /** The zone it runs in; it fails when this zone fails. */
  zone: ZoneName;
  /** A label for the event log, such as `"NAT gateway"`. Default `"zonal dependency"`. */
  name?: string;
  /** Share of requests (0–1) that need it. Default 1. */
  share?: number;
}

/** The service: its tasks, their capacity and where their state lives. */
export interface ServiceSpec {
  /** Number of tasks, spread evenly over the zones like an ECS service. Default: one per zone. */
  desiredCount?: number;
  /** Explicit tasks per zone, e.g. `{ a: 2, b: 1 }`; overrides `desiredCount` when set. */
  tasksPerZone?: Record<ZoneName, number>;
  /** Requests per second one task can serve; the excess fails as overload. Default 100 (illustrative). */
  capacityPerTask?: number;
  /** Seconds from launch until a new task is ready (placement, image pull, app start). Default 60 (an estimate). */
  startSeconds?: number;
  /** Where session state lives. Default `'multi-zone'` (stateless tasks). */
  sessionStore?: SessionStore;
  /** Zone of the session store when `sessionStore` is `'single-zone'`. Default: the first zone. */
  sessionStoreZone?: ZoneName;
  /** Sticky sessions (ALB `AWSALB` cookie). Default false. */
  sticky?: boolean;
  /** An optional single-zone dependency that fails with its zone. Default none. */
  zonalDependency?: ZonalDependencySpec | null;
  /**
   * Seconds one request's work takes on an idle task. With `capacityPerTask` it sets how many
   * requests a task works on at once (capacity × service time, at least 1), which the queueing
   * approximation needs. Default 0.05 (an estimate).
   */
  serviceTimeSeconds?: number;
  /**
   * Load shedding: a task rejects at once (a fast error) a request it could not answer before the
   * client's request timeout, instead of queueing it. Default false.
   */
  loadShedding?: boolean;
}

/** The ECS-like scheduler that replaces stopped tasks. */
export interface SchedulerSpec {
  /**
   * `'ecs'` (default): stopped tasks are replaced in a healthy zone, keeping the spread.
   * `'none'`: a fixed fleet (EC2 instances without Auto Scaling): nothing is replaced, and
   * instances in a failed zone restart when the zone returns.
   */
  kind?: 'ecs' | 'none';
  /**
   * Seconds after a task stops before the scheduler notices it without help from the load
   * balancer. The scheduler also acts as soon as the load balancer marks the target unhealthy
   * (ECS replaces tasks that fail target-group health checks). Default 90 (ECS container
   * health check defaults: interval 30 s × 3 retries).
   */
  noticeSeconds?: number;
  /**
   * AZ rebalancing: when a zone returns, start tasks there and stop tasks in the fullest zone.
   * Default true (ECS default for new services since 30 June 2025).
   */
  rebalance?: boolean;
}

/** Target-group health check settings. */
export interface HealthCheckSpec {
  /** Seconds between checks. Default 30 (ALB default). */
  intervalSeconds?: number;
  /** Seconds before a check with no answer fails. Default 5 (ALB default). */
  timeoutSeconds?: number;
  /** Passing checks in a row for a target marked unhealthy to return. Default 5 (ALB default). */
  healthyThreshold?: number;
  /** Failed checks in a row before a target is marked unhealthy. Default 2 (ALB default). */
  unhealthyThreshold?: number;
}

/** The load balancer in front of the tasks. */
export interface LoadBalancerSpec {
  /**
   * `'application'` (ALB, default) or `'network'` (NLB). In the model they route and check
   * health alike; they differ in the cross-zone default (on for ALB, off for NLB) and in cost:
   * an NLB's cross-zone traffic is billed as inter-AZ transfer, an ALB's is not.
   */
  type?: 'application' | 'network';
  /** Zones the load balancer is enabled in. Default: all the model's zones. */
  zones?: ZoneName[];
  /** Cross-zone load balancing. Default true for an ALB (always on at its level), false for an NLB. */
  crossZone?: boolean;
  /** Health check settings. */
  healthCheck?: HealthCheckSpec;
  /** Seconds a deregistered target drains before it stops. Default 300 (ALB default). */
  deregistrationDelaySeconds?: number;
  /**
   * Time to live of the load balancer's DNS records, seconds: how long a resolver may hand out
   * an answer after a node left DNS. Default 60 (ELB's records).
   */
  dnsTtlSeconds?: number;
}

/** Offered traffic. */
export interface TrafficSpec {
  /** Offered requests per second (the peak when `curve` is `'daily'`). Default 100 (illustrative). */
  requestsPerSecond?: number;
  /** `'constant'` (default) or `'daily'`: a day-shaped curve, constant for each 15 minutes. */
  curve?: 'constant' | 'daily';
  /** Lowest rate of the daily curve. Default 30 % of the peak. */
  troughRequestsPerSecond?: number;
  /** Hour of the simulated day (t = 0 is midnight) when the daily curve peaks. Default 14. */
  peakHour?: number;
  /** Share of requests (0–1) that write to the database. Default 0.1 (illustrative). */
  writeShare?: number;
  /** Whether reads need the database too (otherwise only writes do). Default false. */
  readsUseDatabase?: boolean;
  /**
   * @deprecated Moved to `clients.retries`; `upgradeModel` moves it there (setting both is an error).
   */
  retries?: number;
  /** Active user sessions, spread over the tasks. Default 10 × `requestsPerSecond`. */
  activeSessions?: number;
  /**
   * Average length of a session, seconds (60 s to 7 days): sessions end and new users arrive,
   * so a task that entered service recently fills with sessions over time. Default 1800 (illustrative).
   */
  sessionSeconds?: number;
}

/** A single-zone database instance. */
export interface SingleAzDatabaseSpec {
  kind: 'single-az';
  /** Zone of the instance. */
  zone: ZoneName;
}

/** RDS Multi-AZ DB instance: one synchronous standby that serves no reads. */
export interface MultiAzInstanceSpec {
  kind: 'multi-az-instance';
  /** Zone of the primary. */
  primaryZone: ZoneName;
  /** Zone of the standby. */
  standbyZone: ZoneName;
  /** Failover time. Default 60–120 s (AWS: typically 60–120 s). */
  failoverSeconds?: SecondsRange;
}

/**
 * RDS Multi-AZ DB cluster: a writer and two readable standbys, semi-synchronous. A commit
 * needs one standby's acknowledgement; with neither reachable, writes stop (AWS documents
 * no timeout after which the writer commits without one).
 */
export interface MultiAzClusterSpec {
  kind: 'multi-az-cluster';
  /** Zone of the writer. */
  writerZone: ZoneName;
  /** Zones of the two readable standbys. */
  readerZones: ZoneName[];
  /** Failover time. Default 20–35 s (AWS: typically under 35 s). */
  failoverSeconds?: SecondsRange;
}

/** Aurora: shared storage of six copies over three zones, plus optional replicas. */
export interface AuroraSpec {
  kind: 'aurora';
  /** Zone of the writer instance. */
  writerZone: ZoneName;
  /** Zones of the replicas, in promotion order. Default none. */
  replicaZones?: ZoneName[];
  /** The three storage zones (two copies each). Default: the model's first three zones. */
  storageZones?: ZoneName[];
  /**
   * Failover to a replica. Default: 20–120 s, three draws in four under 60 s (AWS: typically
   * under 120 s, often under 60 s; the shape is the model's assumption). A range given here
   * is drawn uniformly.
   */
  failoverSeconds?: SecondsRange;
  /** Time to create a new writer when there is no replica. Default 600 s (AWS: under 10 min). */
  recreateSeconds?: number;
}

/** A primary with an asynchronous read replica, promoted by hand or by automation. */
export interface AsyncReplicaSpec {
  kind: 'async-replica';
  /** Zone of the primary. */
  primaryZone: ZoneName;
  /** Zone of the replica. */
  replicaZone: ZoneName;
  /** Replica lag in seconds. Default 5 (illustrative; watch `ReplicaLag`). */
  lagSeconds?: number;
  /** Promote automatically this many seconds after the primary is lost; `null` (default) = by hand only. */
  autoPromoteAfterSeconds?: number | null;
  /** Seconds a promotion takes. Default 120 ("minutes", an estimate). */
  promotionSeconds?: number;
}

/** Self-managed replication (PostgreSQL/Patroni or MySQL style). */
export interface SelfManagedSpec {
  kind: 'self-managed';
  /** Zone of the primary. */
  primaryZone: ZoneName;
  /** Zones of the replicas, in priority order. */
  replicaZones: ZoneName[];
  /**
   * `'sync'`: a commit waits for one standby (PostgreSQL `FIRST 1`); writes block when none is reachable.
   * `'quorum'`: a commit waits for `quorum` standbys (`ANY k`).
   * `'semi-sync'`: MySQL semi-sync; after `semiSyncTimeoutSeconds` with no replica it falls back to async.
   * `'async'`: commits do not wait; replicas lag by `lagSeconds`.
   */
  replication: 'sync' | 'semi-sync' | 'async' | 'quorum';
  /** Standbys a commit waits for in `'quorum'` mode. Default 1. */
  quorum?: number;
  /** Replica lag in `'async'` mode. Default 5 (illustrative). */
  lagSeconds?: number;
  /** Patroni `ttl`. Default 30. */
  ttlSeconds?: number;
  /** Patroni `loop_wait`. Default 10. */
  loopWaitSeconds?: number;
  /** MySQL `rpl_semi_sync_source_timeout` in seconds. Default 10. */
  semiSyncTimeoutSeconds?: number;
  /** Patroni `primary_start_timeout`: how long a crashed PostgreSQL is restarted in place before failover. Default 300. */
  primaryStartTimeoutSeconds?: number;
  /** Patroni `maximum_lag_on_failover`: a standby further behind, in bytes of WAL, is not promoted automatically. Default 1,048,576 (1 MB). */
  maximumLagOnFailoverBytes?: number;
  /** Average bytes of WAL one write adds, to express a standby's lag in bytes. Default 1,000 (illustrative). */
  walBytesPerWrite?: number;
}

/** The database behind the service, or `{ kind: 'none' }` (default). */
export type DatabaseSpec =
  | { kind: 'none' }
  | SingleAzDatabaseSpec
  | MultiAzInstanceSpec
  | MultiAzClusterSpec
  | AuroraSpec
  | AsyncReplicaSpec
  | SelfManagedSpec;

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

/** The model a reader writes. Only `zones` is required. */
export interface Model {
  /** 1 to 6 zone names. */
  zones: ZoneName[];
  service?: ServiceSpec;
  scheduler?: SchedulerSpec;
  loadBalancer?: LoadBalancerSpec;
  database?: DatabaseSpec;
  traffic?: TrafficSpec;
  /** The clients: DNS caching, timeouts and retries. */
  clients?: ClientsSpec;
  /** Faults, any number, in any order. */
  faults?: Fault[];
  /**
   * Operator actions on the same timeline. An old `{kind: 'autoZonalShift'}` is still read: it
   * becomes an `alarmZonalShift` (see `upgradeModel`).
   */
  actions?: OperatorAction[];
  /** Simulated seconds. Default 3600. */
  durationSeconds?: number;
  /** Seed of the random generator (health-check phases, failover times). Default 1. */
  seed?: number;
}
