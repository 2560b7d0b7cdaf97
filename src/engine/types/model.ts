/**
 * The model a reader writes: plain, serialisable data, so the UI can put it in a URL.
 * Every optional field has a default; see `defaults.ts` for the numbers and where they
 * come from. The database (`database.ts`) and the faults and actions (`faults.ts`) have files
 * of their own.
 */
import type {ClientsSpec} from './clients';
import type {ZoneName} from './common';
import type {DatabaseSpec} from './database';
import type {Fault, OperatorAction} from './faults';

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
