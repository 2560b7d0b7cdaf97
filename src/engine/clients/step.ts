/**
 * Time steps, only while the clients need them. Between events the flows are constant, and
 * most of a run needs nothing more: the cost grows with events, not with seconds. Three things
 * change with time on their own, and while any of them does, a `clients/step` item is planned:
 *
 * - a stale-DNS window is closing (the share of clients holding a lost node's address falls):
 *   a step at each boundary of its cells, a tenth of the window each;
 * - retries are waiting in the bins and the flows have not been the same for as long as the
 *   longest wait (until then the bins are not steady): a step each whole second;
 * - a task's queue changes regime (it empties, its head block empties, or a new request's wait
 *   crosses the timeout): a step at that exact moment, computed from the constant rates.
 *
 * When none applies (the system is steady, even if overloaded and steadily so) no step is
 * planned, and queues and bins are advanced in one go at the next event. A step whose flows
 * would come out the same (the retries due this second are those in force, and no task has a
 * queue) rebuilds nothing and only plans the next one.
 */
import {expireStale, nextStaleChange, staleShareAt, staleWindow} from './dns';
import {keptFlowInput, nextKeptChange, nodeConnectionsLost} from './keepAlive';
import {advanceQueue, emptyQueue, nextQueueChange, servers} from './queueing';
import {backoffWait, RetryBins} from './retries';
import {WAIT_CONNECT, WAIT_FAST, WAIT_TIMEOUT, type ClientPolicy, type FlowInput, type FlowResult} from '../flows';
import {nodeInDns, nodeRoutable, schedule, type ClientState, type Item, type Sim} from '../state';
import {requestClasses} from '../traffic';
import type {ResolvedModel} from '../types';
import {zeros} from '../zeros';

/** Request classes of a model: a fixed list for the whole run (their causes change, not their number). */
function classCount(model: ResolvedModel): number {
  return requestClasses(model, {dependencyDown: false, sessionStoreDown: false, dbWritable: true, dbReadable: true}).length;
}

/** The longest a retry can wait after the attempt it repeats started. */
function longestWait(model: ResolvedModel): number {
  const c = model.clients;
  return Math.max(c.requestTimeoutSeconds, c.connectTimeoutSeconds) + (c.backoff?.capSeconds ?? 0) + 1;
}

/** The clients' state at the start of a run. */
export function createClientState(model: ResolvedModel): ClientState {
  const retries = model.clients.retries;
  return {
    policy: policyOf(model),
    stale: [],
    staleWindow: staleWindow(model),
    dead: [],
    bins: retries > 0 ? new RetryBins(classCount(model) * retries, longestWait(model)) : null,
    advancedAt: 0,
    lostRate: 0,
    lostUntil: 0,
    flows: null,
    flowFirst: [],
    stepGen: 0,
    stepAt: Infinity,
    steadySince: 0,
    lastFlows: null,
    used: null,
  };
}

/** Zone `z` failed: if its load balancer node was in DNS, clients keep its address for a while. */
export function nodeLost(sim: Sim, z: number): void {
  // The zone is already marked down: count it with the nodes that were in DNS a moment ago.
  let nodes = 1;
  for (let k = 0; k < sim.model.zones.length; k++) if (k !== z && nodeInDns(sim, k)) nodes++;
  const wasInDns = nodeRoutable(sim, z);
  if (wasInDns) nodeConnectionsLost(sim, z, 1 / nodes);
  if (!wasInDns || sim.clients.staleWindow <= 0) return;
  sim.clients.stale.push({zone: z, since: sim.t, share: 1 / nodes});
}

/** Zone `z` is back: clients that kept its node's address reach it again. */
export function nodeBack(sim: Sim, z: number): void {
  const stale = sim.clients.stale;
  for (let i = stale.length - 1; i >= 0; i--) if (stale[i]!.zone === z) stale.splice(i, 1);
}

/** Cells a closing stale-DNS window is held constant over. */
const STALE_CELLS = 10;

/**
 * Length of the cells over which a closing stale-DNS window's share is held: a tenth of the
 * window, at least a second (retries wait in one-second bins). Each cell holds the share's mean
 * over it, so the window's total of attempts sent to the lost node is exact; only when within
 * the window they fail moves, by less than a cell.
 */
function staleCell(sim: Sim): number {
  return Math.max(1, sim.clients.staleWindow / STALE_CELLS);
}

/** How clients retry and tasks serve, from the model. */
function policyOf(model: ResolvedModel): ClientPolicy {
  const c = model.clients;
  return {
    retries: c.retries,
    instantRetries: c.backoff === null,
    budget: c.retryBudget,
    service: {
      serviceTimeSeconds: model.service.serviceTimeSeconds,
      timeoutSeconds: c.requestTimeoutSeconds,
      shedding: model.service.loadShedding,
    },
  };
}

/**
 * The clients' part of the flow input at the current instant. Queues of tasks that died are
 * emptied first: their requests fail for good (`deadTarget`) over the step that follows.
 */
export function clientFlowInput(sim: Sim): Pick<FlowInput, 'staleShare' | 'kept' | 'policy' | 'due' | 'lostRate'> {
  const c = sim.clients;
  const t = sim.t;
  let lost = 0;
  for (const task of sim.tasks) {
    if (task.status !== 'dead' || task.queue.total === 0) continue;
    for (const b of task.queue.blocks) if (b.good) lost += b.amount;
    task.queue = emptyQueue();
  }
  if (lost > 0) {
    const until = Math.floor(t) + 1;
    const carried = t < c.lostUntil ? c.lostRate * (c.lostUntil - t) : 0;
    c.lostUntil = until;
    c.lostRate = (carried + lost) / (until - t);
  }
  expireStale(c.stale, c.staleWindow, t);
  const bins = c.bins;
  let due: number[] | null = null;
  if (bins !== null && !bins.empty) {
    due = zeros(bins.slots);
    for (let s = 0; s < bins.slots; s++) due[s] = bins.rateAt(s, t);
  }
  const cell = staleCell(sim);
  const staleShare = staleShareAt(c.stale, c.staleWindow, cell, t);
  const lostRate = t < c.lostUntil ? c.lostRate : 0;
  let queued = false;
  for (const task of sim.tasks) if (task.status === 'running' && task.queue.total > 0) queued = true;
  c.used = {staleShare, due, lostRate, queued};
  // Kept-alive connections to what died come first: their clients leave the stale-DNS share while they fail.
  const kept = keptFlowInput(sim, staleShare, cell);
  return {staleShare: kept.staleShare, due, lostRate, kept: kept.kept, policy: c.policy};
}

/**
 * At a step: the flows in force would come out the same, because nothing they read has changed
 * (the stale share, the retries due this second, the requests failing with a dead task, the
 * dead connections) and no task had or has a queue, whose wait changes with time.
 */
function sameInputs(sim: Sim): boolean {
  const c = sim.clients;
  const f = c.flows;
  const used = c.used;
  if (f === null || used === null) return false;
  // Built while a task had a queue: it worked at capacity, which stops when the queue empties.
  if (used.queued) return false;
  const t = sim.t;
  if ((t < c.lostUntil ? c.lostRate : 0) !== used.lostRate) return false;
  // A kept-alive connections' gap has ended: their share leaves the flows.
  if (c.dead.some((d) => d.until <= t)) return false;
  if (staleShareAt(c.stale, c.staleWindow, staleCell(sim), t) !== used.staleShare) return false;
  for (let j = 0; j < c.flowFirst.length; j++) if (f.targetInflow[j] !== 0 || c.flowFirst[j]!.queue.total !== 0) return false;
  const bins = c.bins;
  const due = used.due;
  if (bins === null || bins.empty) return due === null;
  if (due === null) return false;
  for (let s = 0; s < due.length; s++) if (!near(bins.rateAt(s, t), due[s]!)) return false;
  return true;
}

/** Moves queues and waiting retries from the last advance to `t`, at the rates of the flows in force. */
export function advanceClients(sim: Sim, t: number): void {
  const c = sim.clients;
  const from = c.advancedAt;
  const f = c.flows;
  if (t <= from || f === null) return;
  const dt = t - from;
  const capacity = sim.model.service.capacityPerTask;
  for (const task of sim.tasks) {
    const j = task.flowTarget;
    if (j < 0 || task.status !== 'running') continue;
    const inflow = f.targetInflow[j]!;
    // Most tasks have no queue and none joining it: nothing to move.
    if (inflow === 0 && task.queue.total === 0) continue;
    advanceQueue(task.queue, inflow, f.targetInflowGood[j]!, capacity, dt);
  }
  if (t >= c.lostUntil) c.lostRate = 0;
  const bins = c.bins;
  if (bins !== null) {
    bins.consume(from, t);
    depositRetries(sim, bins, f.deposits, from, t);
  }
  c.advancedAt = t;
}

/**
 * Puts the retries the flows asked for over [from, t) into their bins. As when stepping second by
 * second, each second's failures go to seconds after it (a wait shorter than what is left of the
 * second is rounded up to the next), even when [from, t) crosses a whole second: a bin is then
 * complete before its second starts, whether or not the flows are rebuilt then. After a long
 * steady stretch (no steps: the flows did not change for longer than the longest wait) the bins
 * are rebuilt as that same stepping would have left them, so the retries in flight match what the
 * steady flows assumed all along.
 */
function depositRetries(sim: Sim, bins: RetryBins, deposits: readonly number[], from: number, t: number): void {
  const {clients} = sim.model;
  const R = clients.retries;
  const lazy = t - from > 1 + 1e-9;
  const now = Math.floor(t);
  if (lazy) bins.clear();
  const slots = deposits.length / 3;
  for (let slot = 0; slot < slots; slot++) {
    const k = (slot % R) + 1;
    let backoff: {fixed: number; spread: number} | null = null;
    for (let kind = WAIT_FAST; kind <= WAIT_CONNECT; kind++) {
      const r = deposits[slot * 3 + kind]!;
      if (r <= 0) continue;
      backoff ??= backoffWait(clients.backoff, k);
      const wait = kind === WAIT_TIMEOUT ? clients.requestTimeoutSeconds : kind === WAIT_CONNECT ? clients.connectTimeoutSeconds : 0;
      const fixed = wait + backoff.fixed;
      if (!lazy) {
        // Second by second, as steps would: a stretch with no step at the whole second it crosses
        // (steady flows) still puts each second's retries into the bins stepping would, so the
        // bins stay steady and the next second's bin is the rate the flows go on drawing.
        for (let a = from; a < t; ) {
          const b = Math.min(t, Math.floor(a) + 1);
          bins.deposit(slot, r, a, b, fixed, backoff.spread, Math.floor(a) + 1, -Infinity);
          a = b;
        }
        continue;
      }
      // Whole seconds of the steady stretch up to the one under way, then the part of it gone by.
      // Steady for longer than the longest wait: every second in reach failed at this rate.
      for (let u = now - bins.horizon; u < now; u++) bins.deposit(slot, r, u, u + 1, fixed, backoff.spread, u + 1, now);
      if (t > now) bins.deposit(slot, r, now, t, fixed, backoff.spread, now + 1, -Infinity);
    }
  }
}

/** Equal but for rounding: sums of the same retries made in a different order differ in their last bits. */
function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/** Two flows alike in their totals and in the retries they ask for, slot by slot and wait by wait. */
function sameOutcome(a: FlowResult, b: FlowResult | null): boolean {
  if (b === null || a.deposits.length !== b.deposits.length) return false;
  if (!near(a.attempts, b.attempts) || !near(a.served, b.served) || !near(a.failed, b.failed)) return false;
  if (!near(a.timedOut, b.timedOut) || !near(a.shed, b.shed) || !near(a.wasted, b.wasted)) return false;
  for (let i = 0; i < a.deposits.length; i++) if (!near(a.deposits[i]!, b.deposits[i]!)) return false;
  return true;
}

/** After the flows were rebuilt: plans the next `clients/step`, if anything changes on its own. */
export function planStep(sim: Sim): void {
  const c = sim.clients;
  const f = c.flows;
  if (f === null) return;
  const t = sim.t;
  // The retries asked for, slot by slot and wait by wait, too: a failure that changes cause (a dead
  // target's share failing on kept-alive connections instead) can keep every total and change the waits.
  if (!sameOutcome(f, c.lastFlows)) c.steadySince = t;
  c.lastFlows = f;
  const tick = Math.floor(t) + 1;
  let next = Infinity;
  next = Math.min(nextStaleChange(c.stale, c.staleWindow, staleCell(sim), t), nextKeptChange(sim));
  if (c.lostRate > 0) next = Math.min(next, c.lostUntil);
  // Retries waiting, or about to: until the flows have been steady for the longest wait, the bins are not.
  const retrying = c.bins !== null && (!c.bins.empty || f.deposits.some((x) => x > 0));
  if (retrying && t - c.steadySince < c.bins!.horizon) next = Math.min(next, tick);
  const {capacityPerTask, loadShedding, serviceTimeSeconds} = sim.model.service;
  const limit = sim.model.clients.requestTimeoutSeconds - servers(capacityPerTask, serviceTimeSeconds).seconds;
  // Tasks of one flow target have equal queues: the first speaks for all.
  for (let j = 0; j < c.flowFirst.length; j++) {
    const task = c.flowFirst[j];
    if (task === undefined || task.status !== 'running') continue;
    const dq = nextQueueChange(task.queue, f.targetInflow[j]!, f.targetInflowGood[j]!, capacityPerTask, limit, loadShedding);
    if (dq < Infinity) next = Math.min(next, t + dq);
  }
  // A boundary computed a rounding error before now would plan a step at this very moment, for ever.
  if (next <= t) next = t + 1e-6;
  if (next === c.stepAt) return;
  c.stepGen++;
  c.stepAt = next;
  if (next < sim.model.durationSeconds) schedule(sim, next, 'clients/step', {gen: c.stepGen});
}

/**
 * `clients/step`: the planned step is due (queues and bins were advanced to now). The flows are
 * rebuilt, unless they would come out the same: then only the next step is planned.
 */
export function ruleClientsStep(sim: Sim, item: Item): void {
  if (item.gen !== sim.clients.stepGen) return;
  sim.clients.stepAt = Infinity;
  if (sim.dirty || !sameInputs(sim)) sim.dirty = true;
  else planStep(sim);
}

/** Requests still under way at `t`: waiting in a queue to be answered in time, waiting to be retried, or failing with a dead task. */
export function inFlight(sim: Sim, t: number): number {
  const c = sim.clients;
  let n = c.bins?.inFlightAt(t) ?? 0;
  for (const task of sim.tasks) for (const b of task.queue.blocks) if (b.good) n += b.amount;
  if (t < c.lostUntil) n += c.lostRate * (c.lostUntil - t);
  return n;
}
