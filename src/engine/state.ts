/**
 * Internal simulation state and the small utilities every rule uses. Not part
 * of the public API. The state is mutated in place by the rules while one
 * `simulate` call runs (that is what keeps a run in the low milliseconds); it
 * never escapes: `simulate` is still a pure function of the model.
 */
import type {StaleNode} from './clients/dns';
import type {TaskQueue} from './clients/queueing';
import type {RetryBins} from './clients/retries';
import type {ClientPolicy, FlowResult} from './flows/types';
import type {NodeView} from './loadBalancer';
import {EventQueue, type Timed} from './queue';
import {nextFloat, nextInt, type RngState} from './rng';
import type {DbSegment, ResolvedModel, SimEvent, TargetLbState, TargetSegment, ZoneSegment} from './types';

/** A task as the engine tracks it. */
export interface TaskRec {
  id: string;
  /** Index of its zone. */
  zone: number;
  /** `starting` until ready, `running` while alive, `dead` once stopped. */
  status: 'starting' | 'running' | 'dead';
  /** The load balancer's view. */
  lb: Exclude<TargetLbState, 'unused'>;
  /** Bumped when the task dies or restarts: cancels its pending `task/ready`. */
  lifeGen: number;
  /** How each zone's load balancer node sees it (index = zone): see `NodeView`. */
  view: NodeView[];
  /** Per node: bumped when a new health-check sequence starts there, cancelling pending results. */
  nodeGen: number[];
  /** Per node: start of the failing check that will mark it unhealthy, or Infinity when none is pending. */
  failCheckStart: number[];
  /** Sticky users whose session lives in this task's memory (`task-memory` store only). */
  sessions: number;
  /** Stopped and removed by the scheduler (or drained): no longer shown. */
  removed: boolean;
  /** The scheduler has already handled its stop. */
  noticed: boolean;
  /** Killed by a zone outage (a fixed fleet restarts these when the zone returns). */
  killedByZone: boolean;
  /** Launched by AZ rebalancing: when it enters service a task in the fullest zone drains. */
  rebalance: boolean;
  /** When it last entered service (−1 for the tasks in service at the start). */
  healthySince: number;
  /** Requests waiting at the task (see `clients/queueing.ts`). */
  queue: TaskQueue;
  /** Index of its flow target in the flows last built, or −1 (set by `buildSegment`). */
  flowTarget: number;
  /** Its line in the last segment built, reused while it does not change; null before the first. */
  shown: TargetSegment | null;
}

/** Kept-alive connections to something that died, failing on their next request over one gap (`clients/keepAlive.ts`). */
export interface DeadConnections {
  /** The lost node's zone, for a node; -1 for a target. */
  zone: number;
  /** The dead target, for a target (NLB); null for a node. */
  task: TaskRec | null;
  /** When it died. */
  since: number;
  /** When the last of its clients has sent its next request: since + one gap. */
  until: number;
  /** Share of attempts sent over these connections. */
  share: number;
}

/** The clients' state between events: stale DNS answers, retries waiting, the flows in force. */
export interface ClientState {
  /** How clients retry and tasks serve: the model's, for the whole run. */
  policy: ClientPolicy;
  /** Lost load balancer nodes whose address clients still hold. */
  stale: StaleNode[];
  /** Seconds over which stale answers expire (TTL + cache; Infinity for a cache kept forever). */
  staleWindow: number;
  /** Kept-alive connections to nodes and targets that died, until each has failed its next request. */
  dead: DeadConnections[];
  /** Retries waiting to be made; null when clients do not retry. */
  bins: RetryBins | null;
  /** Time up to which queues and bins have been advanced. */
  advancedAt: number;
  /** Requests queued at tasks that died, failing over the current step. */
  lostRate: number;
  /** The step the lost requests are booked over ends here. */
  lostUntil: number;
  /**
   * The flows in force, and the first task of each of their targets (tasks alike share one, and
   * have equal queues: the first speaks for all; each task's own is its `flowTarget`).
   */
  flows: FlowResult | null;
  flowFirst: TaskRec[];
  /** Bumped when a new `clients/step` is planned: cancels the older one. */
  stepGen: number;
  /** Time of the planned step, or Infinity. */
  stepAt: number;
  /** Since when the flows have not changed (for retries waiting to count as steady). */
  steadySince: number;
  /** The flows when last planned from, to tell whether their totals and retries changed. */
  lastFlows: FlowResult | null;
  /** What the flows in force read from the clients: to tell at a step whether they would change. */
  used: {staleShare: number; due: number[] | null; lostRate: number; queued: boolean} | null;
}


/**
 * A network partition and its aftermath. Load balancer nodes on each side check every
 * target; the targets across the cut fail those checks, so each node marks them unhealthy
 * on its own schedule, and after the cut heals needs passing checks to take them back.
 */
export interface PartitionState {
  /** Index of the zone cut off. */
  zone: number;
  /** When the cut started. */
  at: number;
  /** When the cut heals (Infinity until it does). */
  healAt: number;
  /** Nodes that have marked the targets across the cut so far. */
  marked: number;
  /** Bumped for every new partition: cancels the old one's pending items. */
  gen: number;
}

/** A database node. */
export interface DbNode {
  /** Index of its zone in the model. */
  zone: number;
  /** The instance itself has failed (its zone may still be up). */
  instanceFailed: boolean;
  /** Time up to which it holds every acknowledged write while cut off; `null` while it keeps up. */
  frozen: number | null;
  /** Fenced by an operator who promoted a replica across a partition; rejoins when the cut heals. */
  fenced: boolean;
  /** The database process has crashed on a node that is still up (self-managed). */
  processDown: boolean;
}

/** Database state. */
export interface DbState {
  nodes: DbNode[];
  primary: number | null;
  /** The node that was primary when the primary was lost. */
  lastPrimary: number;
  /** When the primary was lost (null while there is one). */
  lostAt: number | null;
  /** A failover or promotion is under way until this time. */
  failoverUntil: number | null;
  failoverGen: number;
  /** An automatic failover found no candidate and waits for one. */
  waiting: boolean;
  /** Semi-sync: commits are stalled waiting for an ack. */
  semiSyncStalled: boolean;
  /** Semi-sync: fell back to asynchronous commits after the timeout. */
  semiSyncFallback: boolean;
  semiSyncGen: number;
  /** Active lag spikes, seconds. */
  lagSpikes: number[];
  /** Aurora: a writer is being created. */
  recreating: boolean;
  /** Patroni is restarting a crashed PostgreSQL in place and keeps the leader key. */
  restarting: boolean;
  /** Bumped when a restart ends: cancels its pending `db/restartGaveUp`. */
  restartGen: number;
  /** The promotion under way was asked for by an operator, who accepts the loss (no lag guard). */
  operatorPromotion: boolean;
  /** Patroni's lag guard has refused the replicas for the current loss (logged once). */
  lagRefused: boolean;
  writable: boolean;
  readable: boolean;
}

/** Names of the rules; each queued item names the rule that handles it. */
export type RuleName =
  | 'zone/failed'
  | 'zone/recovered'
  | 'task/crashed'
  | 'task/ready'
  | 'lb/targetMarkedUnhealthy'
  | 'lb/targetHealthy'
  | 'scheduler/taskStopNoticed'
  | 'scheduler/drainFinished'
  | 'zone/grayFailureStarted'
  | 'zone/grayFailureEnded'
  | 'shift/started'
  | 'shift/ended'
  | 'autoshift/started'
  | 'alarm/fired'
  | 'db/primaryFailed'
  | 'db/instanceRepaired'
  | 'db/failoverCompleted'
  | 'db/semiSyncFellBack'
  | 'db/lagSpikeStarted'
  | 'db/lagSpikeEnded'
  | 'db/promotionRequested'
  | 'db/writerCreated'
  | 'traffic/rateChanged'
  | 'partition/started'
  | 'partition/marked'
  | 'partition/healed'
  | 'partition/restored'
  | 'db/leaderLockLost'
  | 'db/processRestarted'
  | 'db/restartGaveUp'
  | 'clients/step';

/** A queued item. */
export interface Item extends Timed {
  rule: RuleName;
  task?: TaskRec;
  gen?: number;
  zone?: number;
  value?: number;
  text?: string;
}

/** The whole mutable state of one run. */
export interface Sim {
  model: ResolvedModel;
  t: number;
  rng: RngState;
  /** Every drawn duration takes the top of its range (its maximum) instead of a seeded draw. */
  worstDraws: boolean;
  queue: EventQueue<Item>;
  seq: number;
  events: SimEvent[];
  /** Something that changes routing or the segment changed in this batch. */
  dirty: boolean;
  tasks: TaskRec[];
  /** Next task number per zone. */
  nextSeq: number[];
  /** Replacements waiting for a zone to place them in. */
  pendingLaunches: number;
  rebalanceInFlight: boolean;
  /** Health-check phase of each zone's load balancer node, seconds in [0, interval). */
  phases: number[];
  /** Indexes of the zones the load balancer has a node in. */
  nodes: number[];
  /** Per zone: the load balancer has a node there. */
  hasNode: boolean[];
  /** Overlapping outages per zone (0 = up). */
  zoneDown: number[];
  /** Active gray-failure shares per zone. */
  gray: number[][];
  /** The current network partition, kept until the load balancer has taken every target back. */
  partition: PartitionState | null;
  partitionGen: number;
  shiftedZone: number | null;
  shiftSource: 'operator' | 'autoshift' | 'alarm' | null;
  shiftGen: number;
  /** Per zone: when its error rate started breaching the alarm's threshold, or `null`. */
  alarmBreachSince: (number | null)[];
  /** Per zone: bumped when a breach ends, cancelling the pending `alarm/fired`. */
  alarmGen: number[];
  db: DbState | null;
  rate: number;
  sessionsLost: number;
  /** Sessions of users who lost theirs while no target was in service: they sign in on the next one. */
  unplacedSessions: number;
  /** When the sessions were last aged (sessions end and new users arrive: see `ageSessions`). */
  sessionsAgedAt: number;
  /** Sessions already lost at `sessionLossT` (a single instant never loses more than all sessions). */
  sessionLossT: number;
  sessionLossAtT: number;
  writesLost: number;
  recoveryPoint: number;
  /** Cumulative acknowledged writes at the start of each closed segment, and their rates. */
  writeMarks: {from: number; cum: number; rate: number}[];
  clients: ClientState;
  /** The zones' records in the last segment built, reused while they do not change (see `buildSegment`). */
  shownZones: ZoneSegment[];
  /** The tasks' lines in the last segment built, reused while none changes (see `buildSegment`). */
  shownTargets: TargetSegment[];
  /** The database's record in the last segment built, reused while it does not change. */
  shownDb: DbSegment | null;
}

/** Schedules `rule` at time `t`. */
export function schedule(sim: Sim, t: number, rule: RuleName, fields: Omit<Item, 't' | 'seq' | 'rule'> = {}): void {
  // Every field named, so that every item has one shape (spreading each caller's fields made many).
  const {task, gen, zone, value, text} = fields;
  sim.queue.push({t, seq: sim.seq++, rule, task, gen, zone, value, text});
}

/** Formats seconds for the event log: whole seconds, or one decimal. */
export function fmt(t: number): string {
  const r = Math.round(t * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

const TIME_PREFIX = (t: number) => `t=${fmt(t)} s `;

/** Appends a line to the event log; the message starts with `t=… s`. */
export function log(sim: Sim, type: string, text: string, extra: {zone?: number; task?: string} = {}): void {
  const ev: SimEvent = {t: sim.t, type, message: `${TIME_PREFIX(sim.t)}${text}`};
  if (extra.zone !== undefined) ev.zone = sim.model.zones[extra.zone]!;
  if (extra.task !== undefined) ev.task = extra.task;
  sim.events.push(ev);
}

/** An event's sentence without the time it starts with. */
export function eventText(event: SimEvent): string {
  const prefix = TIME_PREFIX(event.t);
  return event.message.startsWith(prefix) ? event.message.slice(prefix.length) : event.message;
}

/**
 * Draws an integer in [min, max] (rounded to whole seconds) from the run's generator, or
 * the maximum when the run asks for worst-case draws.
 */
export function drawSeconds(sim: Sim, min: number, max: number): number {
  const lo = Math.ceil(min);
  const hi = Math.max(lo, Math.floor(max));
  if (sim.worstDraws) return hi;
  const [v, next] = nextInt(sim.rng, lo, hi);
  sim.rng = next;
  return v;
}

/**
 * Draws a duration from [min, max] with a tail: with probability `tailShare` from above
 * `typicalMax`, otherwise from [min, typicalMax]. The maximum when the run asks for
 * worst-case draws.
 */
export function drawShaped(sim: Sim, min: number, max: number, typicalMax: number, tailShare: number): number {
  if (tailShare <= 0 || typicalMax >= max) return drawSeconds(sim, min, max);
  if (sim.worstDraws) return drawSeconds(sim, min, max);
  const [u, next] = nextFloat(sim.rng);
  sim.rng = next;
  return u < tailShare ? drawSeconds(sim, typicalMax + 1, max) : drawSeconds(sim, min, typicalMax);
}

/** Zone is up (no outage in progress). */
export function zoneUp(sim: Sim, z: number): boolean {
  return z < 0 || sim.zoneDown[z] === 0;
}


/** The load balancer has a node in zone `z` that takes new traffic: enabled there and not shifted away. */
export function nodeRoutable(sim: Sim, z: number): boolean {
  return sim.hasNode[z] === true && sim.shiftedZone !== z;
}

/** The zone's node is in DNS and answers: routable and its zone up. */
export function nodeInDns(sim: Sim, z: number): boolean {
  return nodeRoutable(sim, z) && sim.zoneDown[z] === 0;
}
/** The partition cutting a zone off right now, or `null` (none, or it has healed). */
export function activePartition(sim: Sim): PartitionState | null {
  const p = sim.partition;
  return p !== null && sim.t < p.healAt ? p : null;
}

/** Zones `a` and `b` can reach each other: no partition, or both on the same side of it. */
export function connected(sim: Sim, a: number, b: number): boolean {
  const p = activePartition(sim);
  return p === null || (a === p.zone) === (b === p.zone);
}

/** Name of zone index `z`. */
export function zoneName(sim: Sim, z: number): string {
  return sim.model.zones[z] ?? `zone ${z}`;
}

/** Counts sessions lost at the current instant, never more than all sessions in one instant. */
export function loseSessions(sim: Sim, amount: number, why: string): void {
  const all = sim.model.traffic.activeSessions;
  if (amount <= 0 || all <= 0) return;
  if (sim.sessionLossT !== sim.t) {
    sim.sessionLossT = sim.t;
    sim.sessionLossAtT = 0;
  }
  const lost = Math.min(amount, all - sim.sessionLossAtT);
  if (lost <= 0) return;
  sim.sessionLossAtT += lost;
  sim.sessionsLost += lost;
  log(sim, 'sessions/lost', `${fmtCount(lost)} sessions lost: ${why}`);
}

/** Formats a count for messages: whole numbers, or one decimal. */
export function fmtCount(x: number): string {
  return fmt(x);
}
