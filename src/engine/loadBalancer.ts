/**
 * The load balancer's routing. Each zone's node has its own pool: the targets it has in
 * service (every node checks every target on its own schedule, see `healthChecks.ts`).
 * Round robin: each target in a node's pool gets an equal share of that node's traffic.
 * The flow computation is a pure function of a snapshot, so selectors can call it again
 * for any moment.
 */
import type {NodeView} from './state';
import type {RequestClass} from './traffic';
import type {FailureCause, FailuresByCause} from './types';

/** A target as routing sees it. */
export interface FlowTarget {
  /** Index of its zone. */
  zone: number;
  /** How each zone's load balancer node sees it (index = zone). */
  view: readonly NodeView[];
  /** The task is alive and answers. */
  alive: boolean;
  /** Requests per second it can serve. */
  capacity: number;
}

/** Everything routing needs at one moment. */
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
  /** Offered requests per second. */
  rate: number;
  /** Client retries per failed request. */
  retries: number;
  classes: RequestClass[];
}

/** What routing produces. All numbers are per second. */
export interface FlowResult {
  offered: number;
  served: number;
  failed: number;
  failedByCause: FailuresByCause;
  /** Attempts including retries. */
  attempts: number;
  writesServed: number;
  /** Per target (same order as the input): attempts served. */
  targetServed: Float64Array;
  /** Per target: attempts failed. */
  targetFailed: Float64Array;
  /** Per zone: attempts sent to its targets. */
  zoneAttempts: Float64Array;
  /** Per zone: attempts failed at its targets. */
  zoneFailed: Float64Array;
}

/** An all-zero failure record. */
export function noFailures(): FailuresByCause {
  return {
    deadTarget: 0,
    overload: 0,
    timeout: 0,
    shed: 0,
    staleDns: 0,
    noHealthyTarget: 0,
    database: 0,
    dependency: 0,
    grayFailure: 0,
    partition: 0,
  };
}

/**
 * Share of one attempt that goes to each target (`pi`), that is lost crossing a partition
 * (`cutAt`) and that finds no target at all (`none`). DNS hands out every usable node whose
 * pool is not empty, each an equal share; a node's pool is the targets it has in service
 * among the routable ones (cross-zone on) or its own zone's (cross-zone off). When every
 * pool is empty the nodes fail open to the targets they marked unhealthy. A node still
 * sends to a target across a partition until it marks it: those requests are lost.
 */
export function routingShares(input: FlowInput): Routing {
  const {targets, zoneCount, nodeUsable, targetZoneRoutable, crossZone, partitionZone} = input;
  const n = targets.length;
  const pi = new Float64Array(n);
  const cutAt = new Float64Array(n);
  const usable: number[] = [];
  for (let z = 0; z < zoneCount; z++) if (nodeUsable[z]) usable.push(z);
  if (usable.length === 0) return {pi, none: 1, cutAt, cut: 0};
  // Pool sizes of every usable node, in service and (for failing open) marked unhealthy, in one pass.
  const inSize = new Float64Array(zoneCount);
  const unhealthySize = new Float64Array(zoneCount);
  for (let j = 0; j < n; j++) {
    const tg = targets[j]!;
    if (!targetZoneRoutable[tg.zone]) continue;
    const view = tg.view;
    if (crossZone) {
      for (let u = 0; u < usable.length; u++) {
        const v = view[usable[u]!];
        if (v === 'in') inSize[usable[u]!]!++;
        else if (v === 'unhealthy') unhealthySize[usable[u]!]!++;
      }
    } else if (nodeUsable[tg.zone]) {
      const v = view[tg.zone];
      if (v === 'in') inSize[tg.zone]!++;
      else if (v === 'unhealthy') unhealthySize[tg.zone]!++;
    }
  }
  let served = 0;
  for (const z of usable) if (inSize[z]! > 0) served++;
  const failOpen = served === 0;
  const wanted = failOpen ? 'unhealthy' : 'in';
  const size = failOpen ? unhealthySize : inSize;
  // DNS hands out the nodes with a pool (all usable nodes when failing open), each an equal share.
  const nodes = failOpen ? usable.length : served;
  let none = 0;
  if (failOpen) for (const z of usable) if (size[z] === 0) none += 1 / nodes;
  // Share of one attempt that node `z` sends to each target of its pool (0: no pool).
  const shareAt = new Float64Array(zoneCount);
  for (const z of usable) if (size[z]! > 0) shareAt[z] = 1 / nodes / size[z]!;
  let cut = 0;
  for (let j = 0; j < n; j++) {
    const tg = targets[j]!;
    if (!targetZoneRoutable[tg.zone]) continue;
    const view = tg.view;
    const from = crossZone ? 0 : tg.zone;
    const to = crossZone ? zoneCount : tg.zone + 1;
    for (let node = from; node < to; node++) {
      const share = shareAt[node]!;
      if (share === 0 || view[node] !== wanted) continue;
      if (partitionZone !== null && (node === partitionZone) !== (tg.zone === partitionZone)) {
        cutAt[j]! += share;
        cut += share;
      } else pi[j]! += share;
    }
  }
  return {pi, none, cutAt, cut};
}

/** Where one attempt goes: shares that reach each target, that are lost crossing a partition, or that find nothing. */
export interface Routing {
  /** Per target: share of attempts that reach it. */
  pi: Float64Array;
  /** Share of attempts that find no target. */
  none: number;
  /** Per target: share of attempts sent to it from across a partition (they fail). */
  cutAt: Float64Array;
  /** Sum of `cutAt`. */
  cut: number;
}

interface AttemptFailure {
  dead: number;
  over: number;
  gray: number;
  /** Per target: overload share of its attempts. */
  overAt: Float64Array;
  /** Per zone: share of all attempts that a live target there gets past capacity and gray failure. */
  reachedZone: Float64Array;
}

/** Failure shares at `attempts` per second; `scratch` (if given) is reused for the per-target and per-zone arrays. */
function attemptFailure(input: FlowInput, pi: Float64Array, attempts: number, scratch?: AttemptFailure): AttemptFailure {
  let dead = 0;
  let over = 0;
  let gray = 0;
  const overAt = scratch?.overAt.fill(0) ?? new Float64Array(pi.length);
  const reachedZone = scratch?.reachedZone.fill(0) ?? new Float64Array(input.zoneCount);
  for (let j = 0; j < pi.length; j++) {
    const p = pi[j]!;
    if (p === 0) continue;
    const tg = input.targets[j]!;
    if (!tg.alive) {
      dead += p;
      continue;
    }
    const load = p * attempts;
    const o = load > tg.capacity && load > 0 ? (load - tg.capacity) / load : 0;
    const g = input.grayShare[tg.zone] ?? 0;
    overAt[j] = o;
    over += p * o;
    gray += p * (1 - o) * g;
    reachedZone[tg.zone]! += p * (1 - o) * (1 - g);
  }
  return {dead, over, gray, overAt, reachedZone};
}

/** Share of attempts of class `c` that reach a live task which cannot reach what `c` needs across a partition. */
function blockedShare(c: RequestClass, f: AttemptFailure): number {
  if (c.blockedIn === null || c.persistentCause !== null) return 0;
  let share = 0;
  for (let z = 0; z < f.reachedZone.length; z++) if (c.blockedIn[z]) share += f.reachedZone[z]!;
  return share;
}

/** 1 + p + p² + … + p^n. */
function geometric(p: number, n: number): number {
  let sum = 1;
  let term = 1;
  for (let i = 0; i < n; i++) {
    term *= p;
    sum += term;
  }
  return sum;
}

/**
 * Routes one moment's traffic. Each attempt fails, in this order, if it finds no
 * target, is lost crossing a partition, lands on a dead target, exceeds the target's
 * capacity, hits a gray failure, or (for its class) needs something that is down for
 * everyone or out of reach of the task that serves it. A failed attempt is retried up to
 * `retries` times and re-routed like a fresh request; retries add to the load, which is
 * solved as a fixed point. The final failure of a request is booked to the cause of its
 * last attempt, so served + failed = offered exactly.
 */
export function computeFlows(input: FlowInput): FlowResult {
  const {rate, retries, classes} = input;
  const routing = routingShares(input);
  const {pi, none, cut} = routing;
  const transientFor = (c: RequestClass, f: AttemptFailure): number =>
    Math.min(1, none + cut + f.dead + f.over + f.gray + blockedShare(c, f));
  let attempts = rate;
  let f: AttemptFailure = attemptFailure(input, pi, attempts);
  if (retries > 0 && rate > 0) {
    for (let iter = 0; iter < 200; iter++) {
      let next = 0;
      for (const c of classes) next += rate * c.share * geometric(c.persistentCause === null ? transientFor(c, f) : 1, retries);
      const done = Math.abs(next - attempts) <= 1e-12 * Math.max(1, attempts);
      attempts = next;
      f = attemptFailure(input, pi, attempts, f);
      if (done) break;
    }
  }
  const failedByCause = noFailures();
  let failed = 0;
  let writesServed = 0;
  // Per zone: attempts (retries included) whose class fails at a live task there.
  const classFailedIn = new Float64Array(input.zoneCount);
  for (const c of classes) {
    const r = rate * c.share;
    if (r === 0) continue;
    const transient = transientFor(c, f);
    if (c.persistentCause !== null) {
      // Every attempt fails: the last one either misses a target or reaches the broken dependency.
      failedByCause.noHealthyTarget += r * none;
      failedByCause.partition += r * cut;
      failedByCause.deadTarget += r * f.dead;
      failedByCause.overload += r * f.over;
      failedByCause.grayFailure += r * f.gray;
      failedByCause[c.persistentCause as FailureCause] += Math.max(0, r * (1 - transient));
      failed += r;
      for (let z = 0; z < input.zoneCount; z++) classFailedIn[z]! += r * (retries + 1);
      continue;
    }
    const lost = r * transient ** (retries + 1);
    if (lost > 0 && transient > 0) {
      const k = lost / transient;
      failedByCause.noHealthyTarget += k * none;
      failedByCause.partition += k * (cut + blockedShare(c, f));
      failedByCause.deadTarget += k * f.dead;
      failedByCause.overload += k * f.over;
      failedByCause.grayFailure += k * f.gray;
    }
    failed += lost;
    if (c.isWrite) writesServed += r - lost;
    if (c.blockedIn !== null) {
      const classAttempts = r * geometric(transient, retries);
      for (let z = 0; z < input.zoneCount; z++) if (c.blockedIn[z]) classFailedIn[z]! += classAttempts;
    }
  }
  // Keep the per-cause split summing exactly to `failed`.
  let sum = 0;
  for (const key of Object.keys(failedByCause) as FailureCause[]) sum += failedByCause[key];
  if (sum > 0 && failed > 0) {
    const k = failed / sum;
    for (const key of Object.keys(failedByCause) as FailureCause[]) failedByCause[key] *= k;
  }
  const n = input.targets.length;
  const targetServed = new Float64Array(n);
  const targetFailed = new Float64Array(n);
  const zoneAttempts = new Float64Array(input.zoneCount);
  const zoneFailed = new Float64Array(input.zoneCount);
  for (let j = 0; j < n; j++) {
    const tg = input.targets[j]!;
    // Attempts sent from across a partition never arrive: failed, as the sending node records them.
    const lostOnTheWay = routing.cutAt[j]! * attempts;
    const p = pi[j]!;
    if (p === 0 && lostOnTheWay === 0) continue;
    const a = p * attempts;
    let bad: number;
    if (!tg.alive) bad = a;
    else {
      const o = f.overAt[j]!;
      const g = input.grayShare[tg.zone] ?? 0;
      const classShare = attempts > 0 ? Math.min(1, classFailedIn[tg.zone]! / attempts) : 0;
      bad = a * (o + (1 - o) * (g + (1 - g) * classShare));
    }
    targetFailed[j] = bad + lostOnTheWay;
    targetServed[j] = a - bad;
    zoneAttempts[tg.zone]! += a + lostOnTheWay;
    zoneFailed[tg.zone]! += bad + lostOnTheWay;
  }
  return {
    offered: rate,
    served: rate - failed,
    failed,
    failedByCause,
    attempts,
    writesServed,
    targetServed,
    targetFailed,
    zoneAttempts,
    zoneFailed,
  };
}
