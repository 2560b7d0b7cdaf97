/**
 * The shapes the flows work with: what they read at one moment (`FlowInput`), what they produce
 * (`FlowResult`), and the working figures passed between the fixed point (`index.ts`), the
 * failure shares (`shares.ts`) and the booking of outcomes (`outcomes.ts`). Types only, and the
 * wait kinds, so that the simulation state can name the flows without importing their code.
 */
import type {ServicePolicy, Admission} from '../clients/queueing';
import type {RoutedTarget} from '../loadBalancer';
import type {RequestClass} from '../traffic';
import type {FailureCause, FailuresByCause} from '../types';

/** A target as the flows see it: routing's view plus its queue. */
export interface FlowTarget extends RoutedTarget {
  /** Requests waiting in its queue. */
  queued: number;
  /** The request at the head of its queue will be answered in time (false: its client gave up). */
  headGood: boolean;
}

/** How clients retry, and how tasks serve. */
export interface ClientPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Retries of fast failures happen at once (no backoff). */
  instantRetries: boolean;
  /** Retries allowed as a share of first attempts, or null. */
  budget: number | null;
  service: ServicePolicy;
}

/** Everything the flows need at one moment. */
export interface FlowInput {
  targets: FlowTarget[];
  zoneCount: number;
  /** Per zone: the load balancer has a live node there that clients can reach (enabled, zone up, not shifted). */
  nodeUsable: boolean[];
  /** Per zone: targets there may receive traffic (load balancer enabled there and no zonal shift). */
  targetZoneRoutable: boolean[];
  crossZone: boolean;
  /** The zone a network partition cuts off from the others right now, or `null`. */
  partitionZone: number | null;
  /** Per zone: share of requests served there that fail (gray failure). */
  grayShare: number[];
  /** Offered requests per second (first attempts). */
  rate: number;
  classes: RequestClass[];
  /** Share of attempts sent to lost nodes whose address clients still hold (see `clients/dns.ts`). */
  staleShare: number;
  policy: ClientPolicy;
  /** Retries per second arriving now from earlier failures, per slot `class × retries + (k − 1)`; null for none. */
  due: number[] | null;
  /** Requests per second failing for good because the task they were queued at died. */
  lostRate: number;
  /** Kept-alive connections to nodes or targets that died (see `clients/keepAlive.ts`); null for none. */
  kept: KeptInput | null;
}

/** What the flows need at one moment: shares of attempts on dead connections. */
export interface KeptInput {
  /** Share on connections to dead nodes, and to dead targets that no longer take new traffic. */
  share: number;
  /**
   * Per dead target routing still sends to: its flow target and the share pinned to it while it
   * died; the flows add what routing does not already send it (null when there is none). One
   * entry a task, since a flow target may stand for several alike tasks.
   */
  pinned: {target: number; share: number}[] | null;
}

/** Kinds of wait before a retry, by what failed: at once, after the request timeout, after the connect timeout. */
export const WAIT_FAST = 0;
/** See {@link WAIT_FAST}. */
export const WAIT_TIMEOUT = 1;
/** See {@link WAIT_FAST}. */
export const WAIT_CONNECT = 2;

/** What the flows produce. All numbers are per second. */
export interface FlowResult {
  offered: number;
  /** Answered in time (goodput), by the tasks, at this moment. */
  served: number;
  /** Requests failing for good. */
  failed: number;
  failedByCause: FailuresByCause;
  /** Attempts, first and retries. */
  attempts: number;
  retries: number;
  /** Requests per second the live tasks that get traffic (or finish a queue) can serve. */
  capacity: number;
  timedOut: number;
  shed: number;
  wasted: number;
  writesServed: number;
  latencyP50: number;
  latencyP99: number;
  /** Per target: attempts answered in time (by one of its tasks, as every per-target figure here). */
  targetServed: number[];
  /** Per target: attempts that failed there. */
  targetFailed: number[];
  /** Per target: share of routed attempts sent to it; times `routedShare`, its share of all attempts. */
  targetPi: number[];
  /** Share of attempts routed (not lost to stale DNS or dead connections first). */
  routedShare: number;
  /** Per target: requests per second joining its queue (the fluid regime), and whether they will be answered in time. */
  targetInflow: number[];
  targetInflowGood: boolean[];
  /** Per zone: attempts sent to its targets, and those that failed there. */
  zoneAttempts: number[];
  zoneFailed: number[];
  /** Per zone: seconds a new request waits in its tasks' queues (weighted by arrivals). */
  zoneQueueSeconds: number[];
  /** Retries per second to make later, per slot × wait kind: `(slot × 3 + kind)`. */
  deposits: number[];
}

/** Failure shares of one attempt of one class, by cause. */
export type Shares = Record<FailureCause, number>;

/** Each target's admission at the current iteration (null: no traffic and no queue), and its arrivals per second that need the task's capacity. */
export interface TargetStates {
  adm: (Admission | null)[];
  load: number[];
}
