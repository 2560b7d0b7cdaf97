/**
 * The cost bound: how much work a run will take, worked out before it runs, so that a model
 * from a stranger's link or file cannot freeze a tab or fill its memory. Each field has its own
 * limits already; this bound is about their product. A run's cost is its segments, each
 * recording every task: so the estimate is meant to bound the segments (`changes`): the
 * traffic curve's steps and, per fault, what it sets off (detection at every node, replacements,
 * AZ rebalancing), and the clients' steps (stale-DNS windows, retries settling, retry storms).
 * `costBound.test.ts` checks it on random lab models: a run makes at most twice the changes
 * estimated (faults at once were found making 1.3 times), and the median estimate is within
 * 20 times the run's segments.
 */
import {staleWindow} from './clients/dns';
import {ModelError} from './errors';
import {DAILY_STEP_SECONDS, rateAt} from './traffic';
import {DEFAULT_ALARM_SHIFT} from './defaults';
import type {AlarmZonalShiftAction, ResolvedModel, ZoneName} from './types';

/**
 * Most work a model may ask for: (tasks + {@link SEGMENT_OVERHEAD_TASKS}) × estimated changes.
 * Meant so that an accepted model runs within about 2 s in the lab's worker on this project's
 * machine.
 *
 * Calibration (2 December 2026, the 2-core build machine shared with other builds, load average
 * 5 to 7, Node 20, `simulate` timed warm in one process): a 20-task, 3-day retry storm made
 * 113,620 segments in 4.4 s (38.7 µs a segment), and 600 tasks over a week of daily traffic with
 * 10 zone outages 6,877 segments in 3.9–5.2 s (654 µs a segment), so a segment costs about
 * 17.5 µs plus 1.06 µs a task: 16 tasks' worth of its own. 2.4 million is then about 2.5 s for a
 * run that makes as many segments as estimated; most runs make far fewer (see `costBound.test.ts`). At
 * a load average of 16 the same runs took 5 to 10 times as long. Measure again with
 * `npm run bench` and a timing of these two models when the engine's cost per segment changes.
 */
export const MAX_RUN_WORK = 2_400_000;

/**
 * A segment's cost that does not grow with the tasks (the flows, the zones' records, the retries'
 * bins), in tasks: measured 17.5 µs a segment against 1.06 µs a task and segment (see
 * {@link MAX_RUN_WORK}).
 */
const SEGMENT_OVERHEAD_TASKS = 16;

/** Changes any fault or action may set off besides its tasks: detection, failover, recovery. */
const CHANGES_PER_FAULT = 50;
/**
 * Changes per task a zone-wide fault or shift may set off: tasks replaced at different moments
 * become healthy at different moments (a zone's tasks usually share them: measured, a zone of
 * 100 tasks losing power gives about 24 segments without rebalancing).
 */
const CHANGES_PER_ZONE_TASK = 2;
/**
 * Changes per load balancer node a zone-wide fault or shift may set off: every node marks
 * the zone's targets, and takes them back, on its own health-check phase.
 */
const CHANGES_PER_NODE = 2;
/**
 * Changes one AZ rebalancing move sets off besides one per node (each node takes the new task
 * in on its own phase): measured, a move makes nodes + 0 to 0.2 segments, since its launch,
 * start and drain share moments with the moves before and after it.
 */
const CHANGES_PER_MOVE = 1;

/** Moments a disturbance may change tasks' queues (tasks alike change together). */
const QUEUE_CHANGES = 10;
/** Steps over a closing stale-DNS window without retries (`clients/step.ts`: ten cells and its end). */
const STALE_STEPS = 11;

function tasksIn(model: ResolvedModel, zone: ZoneName): number {
  return Object.hasOwn(model.service.tasksPerZone, zone) ? (model.service.tasksPerZone[zone] ?? 0) : 0;
}

/** What a run is expected to cost, and what the estimate is made of. */
export interface RunCost {
  /** Tasks the run tracks (at least one per zone, for the zones' own records). */
  tasks: number;
  /** Moments something is expected to change: the traffic curve's steps and what each fault sets off. */
  changes: number;
  /** `(tasks + SEGMENT_OVERHEAD_TASKS) × changes`, compared with {@link MAX_RUN_WORK}. */
  work: number;
}

/**
 * Steps the clients may add after one disturbance (a fault starting or ending, a traffic step
 * into overload): a few queue regime changes, and with retries a step a second until the flows
 * have been steady for as long as the longest wait (`clients/step.ts`), which happens twice: after
 * the change, and after the queue regime change it leads to.
 */
function disturbanceSteps(model: ResolvedModel): number {
  const c = model.clients;
  if (c.retries === 0) return QUEUE_CHANGES;
  // The retry bins' horizon (`clients/retries.ts`): the longest wait, whole seconds, plus 3.
  const horizon = Math.ceil(Math.max(c.requestTimeoutSeconds, c.connectTimeoutSeconds) + (c.backoff?.capSeconds ?? 0) + 1) + 3;
  return QUEUE_CHANGES + 2 * horizon;
}

/**
 * AZ rebalancing after a zone comes back (ECS with rebalancing on): it moves the zone's tasks
 * back one at a time, each a launch, a start, passing checks at every node, and a drain. A
 * move takes at least the start time and the checks after the first, so the moves are bounded
 * by the run's time left too. Zone outages and partitions (ECS replaces targets that fail
 * their checks) empty a zone; gray failures and shifts move no task.
 */
function rebalanceChanges(model: ResolvedModel, zoneTasks: number, endsAt: number): number {
  if (model.scheduler.kind !== 'ecs' || !model.scheduler.rebalance || endsAt >= model.durationSeconds) return 0;
  const hc = model.loadBalancer.healthCheck;
  const moveSeconds = Math.max(1, model.service.startSeconds + (hc.healthyThreshold - 1) * hc.intervalSeconds);
  const moves = Math.min(zoneTasks, Math.ceil((model.durationSeconds - endsAt) / moveSeconds) + 1);
  return moves * (model.loadBalancer.zones.length + CHANGES_PER_MOVE);
}

/** How long an alarm's zonal shift may hold a zone out after its error rate first breaches: evaluation and expiry. */
function alarmShiftSeconds(model: ResolvedModel): number {
  const a = model.actions.find((x): x is AlarmZonalShiftAction => x.kind === 'alarmZonalShift');
  if (a === undefined) return 0;
  const d = DEFAULT_ALARM_SHIFT;
  return (a.evaluationPeriods ?? d.evaluationPeriods) * (a.evaluationPeriodSeconds ?? d.evaluationPeriodSeconds) + (a.expiresAfterSeconds ?? d.expiresAfterSeconds);
}

/** A stretch of the run when a fault leaves less capacity, and the share of first attempts it fails (retried). */
interface ShortWindow {
  from: number;
  to: number;
  capacity: number;
  failing: number;
}

/**
 * Requests per second the tasks serve before a queue builds anywhere, with `lost` tasks gone
 * from zone `zone` (or none), and the load balancer nodes that take traffic. With cross-zone
 * load balancing on, the tasks are one pool; off, each node's share goes to its own zone's
 * tasks, so the emptiest zone fills first.
 */
function servingCapacity(model: ResolvedModel, zone: ZoneName | null, lost: number): number {
  const cap = model.service.capacityPerTask;
  if (model.loadBalancer.crossZone) return (model.service.desiredCount - lost) * cap;
  const serving = model.loadBalancer.zones.filter((z) => z !== zone || lost === 0 || tasksIn(model, z) > lost);
  // No zone serves: every attempt fails at once, and nothing queues.
  if (serving.length === 0) return Infinity;
  const least = Math.min(...serving.map((z) => tasksIn(model, z) - (z === zone ? lost : 0)));
  return least * cap * serving.length;
}

/**
 * The stretches of the run when a fault leaves less capacity, each until its tasks are noticed,
 * replaced and healthy again (`recover`): a zone lost or cut off, a gray failure (an alarm's
 * shift may take the zone out until it expires), a shift, a crashed task. With cross-zone load
 * balancing off and AZ rebalancing on, a zone that comes back gets its node's share at once but
 * its tasks one move at a time: it is short until the moves are done.
 */
function shortWindows(model: ResolvedModel): ShortWindow[] {
  const {startSeconds} = model.service;
  const hc = model.loadBalancer.healthCheck;
  const nodes = Math.max(1, model.loadBalancer.zones.length);
  const recover = model.scheduler.noticeSeconds + startSeconds + hc.healthyThreshold * hc.intervalSeconds;
  const moveSeconds = startSeconds + hc.healthyThreshold * hc.intervalSeconds;
  const rebalancing = model.scheduler.kind === 'ecs' && model.scheduler.rebalance && !model.loadBalancer.crossZone;
  const zoneLost = (zone: ZoneName): number => servingCapacity(model, zone, tasksIn(model, zone));
  // With cross-zone off, clients that resolved while the zone's node was out of DNS keep
  // sending to the others for as long as they keep the answer (with 'forever', to the end).
  const dnsTail = model.loadBalancer.crossZone ? 0 : Math.min(staleWindow(model), model.durationSeconds);
  const out: ShortWindow[] = [];
  const zoneWindow = (zone: ZoneName, at: number, until: number, failing: number, leavesDns = true): void => {
    out.push({from: at, to: until + recover + (leavesDns ? dnsTail : 0), capacity: zoneLost(zone), failing});
    if (rebalancing) {
      const back = tasksIn(model, zone) * moveSeconds + recover;
      out.push({from: until, to: until + back, capacity: servingCapacity(model, zone, tasksIn(model, zone) - 1), failing: 0});
    }
  };
  for (const f of model.faults) {
    if (f.kind === 'zoneOutage') zoneWindow(f.zone, f.at, f.at + f.duration, 1 / nodes);
    // A cut-off zone's node stays in DNS; its tasks, failing the other nodes' checks, may be replaced.
    else if (f.kind === 'zonePartition') zoneWindow(f.zone, f.at, f.at + f.duration, 1 / nodes, false);
    else if (f.kind === 'grayFailure') {
      // The zone's tasks keep serving (their failures come back as retries) unless an alarm's
      // shift takes the zone out, until the shift expires.
      const alarm = alarmShiftSeconds(model);
      if (alarm > 0) zoneWindow(f.zone, f.at, f.at + f.duration + alarm, f.errorShare / nodes);
      else out.push({from: f.at, to: f.at + f.duration, capacity: servingCapacity(model, null, 0), failing: f.errorShare / nodes});
    }
    else if (f.kind === 'taskCrash') {
      // A task id is its zone, a dash and a number (validated).
      const zone = f.task.slice(0, f.task.lastIndexOf('-'));
      out.push({from: f.at, to: f.at + recover, capacity: servingCapacity(model, zone, 1), failing: 1 / Math.max(1, model.service.desiredCount)});
    }
  }
  for (const a of model.actions) if (a.kind === 'zonalShift') zoneWindow(a.zone, a.at, a.at + a.duration, 0);
  return out;
}

/**
 * The clients' steps between faults, over the pieces of the run cut by the traffic curve's
 * steps and the edges of the faults' windows (`clients/step.ts`):
 *
 * - **A retry storm** may be under way: queues past the timeout, attempts timing out and
 *   retried, the retries keeping the tasks overloaded. The clients then step every second
 *   while the retries' bins are not steady, and under a storm whose load keeps changing they
 *   never are: one step a second. A storm may start where the first attempts, with the retries
 *   of those a fault fails, need more than the capacity there is, and it lasts while every
 *   request's attempts together would (the metastable state of Bronson et al., HotOS 2021),
 *   even after the fault.
 * - Otherwise **a traffic step** into overload changes the queues ({@link QUEUE_CHANGES}), and
 *   one taken once a fault has started, with failures perhaps still retried (a database lost
 *   for good, clients that never re-resolve), starts the retries' steps again.
 */
function pieceSteps(model: ResolvedModel): number {
  const c = model.clients;
  const end = model.durationSeconds;
  const windows = shortWindows(model);
  const daily = model.traffic.curve === 'daily';
  const edges = new Set<number>([0]);
  if (daily) for (let t = DAILY_STEP_SECONDS; t < end; t += DAILY_STEP_SECONDS) edges.add(t);
  for (const w of windows) {
    if (w.from < end) edges.add(w.from);
    if (w.to < end) edges.add(w.to);
  }
  const sorted = [...edges].sort((x, y) => x - y);
  const full = servingCapacity(model, null, 0);
  // Retries per first attempt at most: all of them, or what the budget allows.
  const extra = c.retryBudget === null ? c.retries : Math.min(c.retries, c.retryBudget);
  const firstFault = Math.min(end, ...model.faults.map((f) => f.at));
  const disturbance = disturbanceSteps(model);
  const nodes = Math.max(1, model.loadBalancer.zones.length);
  let storm = false;
  let steps = 0;
  for (let i = 0; i < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1] ?? end;
    const rate = rateAt(model.traffic, from);
    let capacity = full;
    let failing = 0;
    let concurrent = 0;
    for (const w of windows) {
      if (from < w.from || from >= w.to) continue;
      // No zone serves (Infinity): every attempt fails at once, and no queue can build.
      capacity = w.capacity === Infinity ? Infinity : Math.min(capacity, w.capacity);
      if (capacity === Infinity) break;
      failing += w.failing;
      concurrent++;
    }
    // Faults at once add up: each window takes out one zone's worth of the serving zones.
    if (concurrent > 1 && capacity < Infinity) capacity = nodes > concurrent ? (capacity * (nodes - concurrent)) / (nodes - 1) : Infinity;
    // The share a fault fails comes back as retries, routed like first attempts: that share of them fails again.
    const share = Math.min(1, failing);
    const starts = rate * (1 + extra * share * (1 - share)) > capacity;
    storm = extra > 0 && (starts || (storm && rate * (1 + extra) > capacity));
    if (storm) steps += Math.ceil(to - from);
    else if (from === 0 || (daily && from % DAILY_STEP_SECONDS === 0)) {
      if (rate > capacity) steps += QUEUE_CHANGES;
      if (extra > 0 && (from >= firstFault || rate > capacity)) steps += disturbance;
    }
  }
  return steps;
}

/**
 * Estimates the cost of running a validated model: an upper estimate of the segments a run
 * makes (see {@link MAX_RUN_WORK} for how close it comes).
 */
export function estimateRunCost(model: ResolvedModel): RunCost {
  const tasks = Math.max(model.service.desiredCount, model.zones.length);
  const busiestZone = Math.max(0, ...model.zones.map((zone) => tasksIn(model, zone)));
  const nodes = model.loadBalancer.zones.length;
  // A zone's tasks are noticed at one of the nodes' marks or the scheduler's own timer, so their
  // replacements start at most nodes + 1 moments and turn healthy at each node's phase: at most
  // (nodes + 1)² moments, however many tasks.
  const zoneWide = (zoneTasks: number): number =>
    CHANGES_PER_FAULT + Math.min(CHANGES_PER_ZONE_TASK * zoneTasks, (nodes + 1) ** 2) + CHANGES_PER_NODE * nodes;
  const disturbance = disturbanceSteps(model);
  // A lost node's stale-DNS window closes a tenth at a time; with retries, each tenth starts
  // the retries' steps again, a step a second over the whole window.
  const window = staleWindow(model);
  const c = model.clients;
  const staleSteps = window === Infinity ? 0 : c.retries > 0 ? Math.ceil(Math.min(window, model.durationSeconds)) : STALE_STEPS;
  // A fault's start and its end each disturb the clients.
  const clientSteps = (loseNode: boolean): number => 2 * disturbance + (loseNode ? staleSteps : 0);
  // Every step of the daily curve is a change; the clients' steps over the run come with them.
  let changes = 1 + pieceSteps(model);
  if (model.traffic.curve === 'daily') changes += Math.ceil(model.durationSeconds / DAILY_STEP_SECONDS) - 1;
  for (const fault of model.faults) {
    switch (fault.kind) {
      case 'zoneOutage':
      case 'zonePartition': {
        const zoneTasks = tasksIn(model, fault.zone);
        changes += zoneWide(zoneTasks) + clientSteps(fault.kind === 'zoneOutage') + rebalanceChanges(model, zoneTasks, fault.at + fault.duration);
        break;
      }
      case 'grayFailure':
        changes += zoneWide(tasksIn(model, fault.zone)) + clientSteps(false);
        break;
      case 'taskCrash':
      case 'primaryFailure':
      case 'replicationLagSpike':
        changes += CHANGES_PER_FAULT + clientSteps(false);
        break;
    }
  }
  for (const action of model.actions) {
    if (action.kind === 'zonalShift') changes += zoneWide(tasksIn(model, action.zone)) + clientSteps(false);
    // Automatic shifts move traffic off whichever zone looks impaired: count each as a shift of the busiest zone.
    else if (action.kind === 'zonalAutoshift' || action.kind === 'alarmZonalShift') changes += zoneWide(busiestZone) + clientSteps(false);
    else changes += CHANGES_PER_FAULT;
  }
  return {tasks, changes, work: (tasks + SEGMENT_OVERHEAD_TASKS) * changes};
}

/** Throws a {@link ModelError} naming the limit if a validated model would cost more than {@link MAX_RUN_WORK}. */
export function checkRunCost(model: ResolvedModel): void {
  const cost = estimateRunCost(model);
  if (cost.work <= MAX_RUN_WORK) return;
  const million = (n: number) => (n / 1e6).toFixed(1);
  throw new ModelError(
    'model',
    `too large to simulate here: (${cost.tasks} tasks + ${SEGMENT_OVERHEAD_TASKS} for each change's own work) × about ${cost.changes} changes (from the faults, the actions and the traffic curve) is ${million(cost.work)} million task-changes, more than the limit of ${million(MAX_RUN_WORK)} million; use fewer tasks, fewer zone faults or a shorter run with a daily curve.`,
  );
}
