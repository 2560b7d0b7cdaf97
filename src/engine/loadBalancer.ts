/**
 * The load balancer: health-check timing and request routing.
 *
 * Health checks are not simulated one by one. Every target is checked on one
 * schedule (`phase + k × interval`), so the time of the k-th check after any
 * change is plain arithmetic; that is what keeps a 7-day run as cheap as a
 * 1-hour one.
 *
 * Routing is round robin: each target the load balancer believes healthy gets
 * an equal share of its node's traffic. The flow computation is a pure
 * function of a snapshot, so selectors can call it again for any moment.
 */
import type {FarView} from './partition';
import type {RequestClass} from './traffic';
import type {FailureCause, FailuresByCause} from './types';

/** Start time of the first check at or after `t` on the schedule `phase + k × interval`. */
export function nextCheckAtOrAfter(t: number, phase: number, interval: number): number {
  const k = Math.ceil((t - phase) / interval - 1e-9);
  return phase + Math.max(0, k) * interval;
}

/** A target as routing sees it. */
export interface FlowTarget {
  /** Index of its zone. */
  zone: number;
  /** The load balancer believes it healthy (in service). */
  inService: boolean;
  /** Registered but marked unhealthy: used only when failing open. */
  markedUnhealthy: boolean;
  /** The task is alive and answers. */
  alive: boolean;
  /** Requests per second it can serve. */
  capacity: number;
  /** How load balancer nodes across a network partition see it (`'normal'` without one). */
  far: FarView;
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
  /** The zone a network partition cuts off from the others, or `null`. */
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
  return {deadTarget: 0, overload: 0, noHealthyTarget: 0, database: 0, dependency: 0, grayFailure: 0, partition: 0};
}

/**
 * Share of one attempt that goes to each target (`pi`) and the share that finds no
 * target at all (`none`). See the reference page for the rules: cross-zone on pools
 * every routable target; cross-zone off gives each usable node with a healthy target an
 * equal DNS share and the node uses only its own zone. With no healthy target the load
 * balancer fails open to the registered unhealthy ones.
 */
export function routingShares(input: FlowInput): Routing {
  const {targets, zoneCount, nodeUsable, targetZoneRoutable} = input;
  const n = targets.length;
  const pi = new Float64Array(n);
  const cutAt = new Float64Array(n);
  const anyNode = nodeUsable.some(Boolean);
  if (!anyNode) return {pi, none: 1, cutAt, cut: 0};
  if (input.crossZone && input.partitionZone !== null) return partitionedShares(input);
  if (input.crossZone) {
    let healthy = 0;
    let unhealthy = 0;
    for (const tg of targets) {
      if (!targetZoneRoutable[tg.zone]) continue;
      if (tg.inService) healthy++;
      else if (tg.markedUnhealthy) unhealthy++;
    }
    const failOpen = healthy === 0;
    const count = failOpen ? unhealthy : healthy;
    if (count === 0) return {pi, none: 1, cutAt, cut: 0};
    for (let j = 0; j < n; j++) {
      const tg = targets[j]!;
      if (!targetZoneRoutable[tg.zone]) continue;
      if (failOpen ? tg.markedUnhealthy : tg.inService) pi[j] = 1 / count;
    }
    return {pi, none: 0, cutAt, cut: 0};
  }
  // Cross-zone off: one node per zone, each with its own targets.
  const healthyIn = new Array<number>(zoneCount).fill(0);
  const unhealthyIn = new Array<number>(zoneCount).fill(0);
  for (const tg of targets) {
    if (!nodeUsable[tg.zone]) continue;
    if (tg.inService) healthyIn[tg.zone]!++;
    else if (tg.markedUnhealthy) unhealthyIn[tg.zone]!++;
  }
  const nodesWithHealthy = healthyIn.filter((c, z) => c > 0 && nodeUsable[z]).length;
  // DNS only hands out nodes whose zone has a healthy target; if none has, it hands out all.
  const failOpen = nodesWithHealthy === 0;
  const nodes = failOpen ? nodeUsable.filter(Boolean).length : nodesWithHealthy;
  let none = 0;
  for (let z = 0; z < zoneCount; z++) {
    if (!nodeUsable[z]) continue;
    if (!failOpen && healthyIn[z]! === 0) continue;
    const pool = failOpen ? unhealthyIn[z]! : healthyIn[z]!;
    if (pool === 0) none += 1 / nodes;
  }
  for (let j = 0; j < n; j++) {
    const tg = targets[j]!;
    if (!nodeUsable[tg.zone]) continue;
    const pool = failOpen ? unhealthyIn[tg.zone]! : healthyIn[tg.zone]!;
    if (pool === 0) continue;
    if (failOpen ? tg.markedUnhealthy : tg.inService) pi[j] = 1 / nodes / pool;
  }
  return {pi, none, cutAt, cut: 0};
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

/**
 * Cross-zone routing during a network partition: the nodes on each side have their own
 * view. A node's pool is the in-service targets on its side plus those across the cut it
 * has not marked unhealthy yet (requests to those are lost). DNS hands out only nodes
 * whose pool is not empty; if every pool is empty the nodes fail open to the registered
 * unhealthy targets, and again only the ones on their side can answer.
 */
function partitionedShares(input: FlowInput): Routing {
  const {targets, zoneCount, nodeUsable, targetZoneRoutable} = input;
  const cutZone = input.partitionZone!;
  const n = targets.length;
  const pi = new Float64Array(n);
  const cutAt = new Float64Array(n);
  const sameSide = (a: number, b: number): boolean => (a === cutZone) === (b === cutZone);
  const inPool = (node: number, tg: FlowTarget, failOpen: boolean): boolean => {
    if (!targetZoneRoutable[tg.zone]) return false;
    if (failOpen) return tg.markedUnhealthy;
    return tg.inService && (sameSide(node, tg.zone) || tg.far !== 'excluded');
  };
  const poolSize = (node: number, failOpen: boolean): number => {
    let size = 0;
    for (const tg of targets) if (inPool(node, tg, failOpen)) size++;
    return size;
  };
  const usable = [...Array(zoneCount).keys()].filter((z) => nodeUsable[z]);
  const pools = (failOpen: boolean) => usable.map((node) => ({node, size: poolSize(node, failOpen)}));
  let failOpen = false;
  let nodes = pools(false).filter((pool) => pool.size > 0);
  if (nodes.length === 0) {
    failOpen = true;
    nodes = pools(true);
  }
  let none = 0;
  let cut = 0;
  for (const {node, size} of nodes) {
    if (size === 0) {
      none += 1 / nodes.length;
      continue;
    }
    const share = 1 / nodes.length / size;
    for (let j = 0; j < n; j++) {
      const tg = targets[j]!;
      if (!inPool(node, tg, failOpen)) continue;
      if (sameSide(node, tg.zone) || tg.far === 'normal') pi[j]! += share;
      else {
        cutAt[j]! += share;
        cut += share;
      }
    }
  }
  return {pi, none, cutAt, cut};
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

function attemptFailure(input: FlowInput, pi: Float64Array, attempts: number): AttemptFailure {
  let dead = 0;
  let over = 0;
  let gray = 0;
  const overAt = new Float64Array(pi.length);
  const reachedZone = new Float64Array(input.zoneCount);
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
      f = attemptFailure(input, pi, attempts);
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
