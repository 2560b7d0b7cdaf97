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
import type {FailureCause, FailuresByCause} from './types';
import type {RequestClass} from './traffic';

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
  return {deadTarget: 0, overload: 0, noHealthyTarget: 0, database: 0, dependency: 0, grayFailure: 0};
}

/**
 * Share of one attempt that goes to each target (`pi`) and the share that finds no
 * target at all (`none`). See the reference page for the rules: cross-zone on pools
 * every routable target; cross-zone off gives each usable node with a healthy target an
 * equal DNS share and the node uses only its own zone. With no healthy target the load
 * balancer fails open to the registered unhealthy ones.
 */
export function routingShares(input: FlowInput): {pi: Float64Array; none: number} {
  const {targets, zoneCount, nodeUsable, targetZoneRoutable} = input;
  const n = targets.length;
  const pi = new Float64Array(n);
  const anyNode = nodeUsable.some(Boolean);
  if (!anyNode) return {pi, none: 1};
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
    if (count === 0) return {pi, none: 1};
    for (let j = 0; j < n; j++) {
      const tg = targets[j]!;
      if (!targetZoneRoutable[tg.zone]) continue;
      if (failOpen ? tg.markedUnhealthy : tg.inService) pi[j] = 1 / count;
    }
    return {pi, none: 0};
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
  return {pi, none};
}

interface AttemptFailure {
  dead: number;
  over: number;
  gray: number;
  /** Per target: overload share of its attempts. */
  overAt: Float64Array;
}

function attemptFailure(input: FlowInput, pi: Float64Array, attempts: number): AttemptFailure {
  let dead = 0;
  let over = 0;
  let gray = 0;
  const overAt = new Float64Array(pi.length);
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
    overAt[j] = o;
    over += p * o;
    gray += p * (1 - o) * (input.grayShare[tg.zone] ?? 0);
  }
  return {dead, over, gray, overAt};
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
 * target, lands on a dead target, exceeds the target's capacity, hits a gray failure,
 * or (for its class) needs something that is down for everyone. A failed attempt is
 * retried up to `retries` times and re-routed like a fresh request; retries add to the
 * load, which is solved as a fixed point. The final failure of a request is booked to
 * the cause of its last attempt, so served + failed = offered exactly.
 */
export function computeFlows(input: FlowInput): FlowResult {
  const {rate, retries, classes} = input;
  const {pi, none} = routingShares(input);
  let attempts = rate;
  let f: AttemptFailure = attemptFailure(input, pi, attempts);
  if (retries > 0 && rate > 0) {
    for (let iter = 0; iter < 200; iter++) {
      const t = Math.min(1, none + f.dead + f.over + f.gray);
      let next = 0;
      for (const c of classes) next += rate * c.share * geometric(c.persistentCause === null ? t : 1, retries);
      const done = Math.abs(next - attempts) <= 1e-12 * Math.max(1, attempts);
      attempts = next;
      f = attemptFailure(input, pi, attempts);
      if (done) break;
    }
  }
  const transient = Math.min(1, none + f.dead + f.over + f.gray);
  const failedByCause = noFailures();
  let failed = 0;
  let writesServed = 0;
  let persistentAttempts = 0;
  for (const c of classes) {
    const r = rate * c.share;
    if (r === 0) continue;
    if (c.persistentCause !== null) {
      // Every attempt fails: the last one either misses a target or reaches the broken dependency.
      failedByCause.noHealthyTarget += r * none;
      failedByCause.deadTarget += r * f.dead;
      failedByCause.overload += r * f.over;
      failedByCause.grayFailure += r * f.gray;
      failedByCause[c.persistentCause as FailureCause] += Math.max(0, r * (1 - transient));
      failed += r;
      persistentAttempts += r * (retries + 1);
      continue;
    }
    const lost = r * transient ** (retries + 1);
    if (lost > 0 && transient > 0) {
      failedByCause.noHealthyTarget += (lost * none) / transient;
      failedByCause.deadTarget += (lost * f.dead) / transient;
      failedByCause.overload += (lost * f.over) / transient;
      failedByCause.grayFailure += (lost * f.gray) / transient;
    }
    failed += lost;
    if (c.isWrite) writesServed += r - lost;
  }
  // Keep the per-cause split summing exactly to `failed`.
  const sum =
    failedByCause.noHealthyTarget +
    failedByCause.deadTarget +
    failedByCause.overload +
    failedByCause.grayFailure +
    failedByCause.database +
    failedByCause.dependency;
  if (sum > 0 && failed > 0) {
    const k = failed / sum;
    for (const key of Object.keys(failedByCause) as FailureCause[]) failedByCause[key] *= k;
  }
  const persistentShare = attempts > 0 ? Math.min(1, persistentAttempts / attempts) : 0;
  const n = input.targets.length;
  const targetServed = new Float64Array(n);
  const targetFailed = new Float64Array(n);
  const zoneAttempts = new Float64Array(input.zoneCount);
  const zoneFailed = new Float64Array(input.zoneCount);
  for (let j = 0; j < n; j++) {
    const p = pi[j]!;
    if (p === 0) continue;
    const tg = input.targets[j]!;
    const a = p * attempts;
    let bad: number;
    if (!tg.alive) bad = a;
    else {
      const o = f.overAt[j]!;
      const g = input.grayShare[tg.zone] ?? 0;
      bad = a * (o + (1 - o) * (g + (1 - g) * persistentShare));
    }
    targetFailed[j] = bad;
    targetServed[j] = a - bad;
    zoneAttempts[tg.zone]! += a;
    zoneFailed[tg.zone]! += bad;
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
