/**
 * One moment's traffic: clients' attempts, where they go, how each ends, and the retries they
 * cause. Routing is the load balancer's (`routingShares`); what happens at a task is queueing
 * (`clients/queueing.ts`); retries that wait are binned (`clients/retries.ts`) and come back in
 * here as `due`. A pure function of a snapshot, so selectors can call it again for any moment.
 *
 * An attempt of one request class fails, in this order: sent to a lost node still in the
 * client's DNS cache (`staleDns`), sent on a kept-alive connection to a node or target that died
 * (`staleConnection`, `clients/keepAlive.ts`), no target (`noHealthyTarget`), lost crossing a partition, a
 * dead target, a gray failure, something the class needs is down or out of reach (`database`,
 * `dependency`, `partition`), rejected by load shedding (`shed`), or answered after the client
 * gave up (`timeout`). Failing at once takes no task capacity; only attempts a live task admits
 * queue for its capacity. A failed attempt is retried up to `retries` times: at once when it
 * failed fast and there is no backoff (solved here as a fixed point, since retries add load),
 * otherwise later, through the bins. A request fails for good when its last attempt fails or
 * the retry budget refuses its retry, booked to the cause of its last attempt.
 */
import {keptShare, type KeptInput} from './clients/keepAlive';
import {admit, latencyQuantiles, waitProbability, type Admission, type ServicePolicy} from './clients/queueing';
import {noFailures, routingShares, type RoutedTarget, type Routing} from './loadBalancer';
import type {RequestClass} from './traffic';
import type {FailureCause, FailuresByCause} from './types';

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
  due: Float64Array | null;
  /** Requests per second failing for good because the task they were queued at died. */
  lostRate: number;
  /** Kept-alive connections to nodes or targets that died (see `clients/keepAlive.ts`); null for none. */
  kept: KeptInput | null;
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
  targetServed: Float64Array;
  /** Per target: attempts that failed there. */
  targetFailed: Float64Array;
  /** Per target: share of routed attempts sent to it; times `routedShare`, its share of all attempts. */
  targetPi: Float64Array;
  /** Share of attempts routed (not lost to stale DNS or dead connections first). */
  routedShare: number;
  /** Per target: requests per second joining its queue (the fluid regime), and whether they will be answered in time. */
  targetInflow: Float64Array;
  targetInflowGood: Uint8Array;
  /** Per zone: attempts sent to its targets, and those that failed there. */
  zoneAttempts: Float64Array;
  zoneFailed: Float64Array;
  /** Per zone: seconds a new request waits in its tasks' queues (weighted by arrivals). */
  zoneQueueSeconds: Float64Array;
  /** Retries per second to make later, per slot × wait kind: `(slot × 3 + kind)`. */
  deposits: Float64Array;
}

/** Failure shares of one attempt of one class, by cause. */
type Shares = Record<FailureCause, number>;

/** Each target's admission at the current iteration (null: no traffic and no queue), and its arrivals per second that need the task's capacity. */
interface TargetStates {
  adm: (Admission | null)[];
  load: Float64Array;
}

/** The failure shares of an attempt of class `c`, given each target's admission. */
function classShares(input: FlowInput, routing: Routing, c: RequestClass, states: TargetStates, kept: number): Shares {
  const s = noFailures();
  const routed = 1 - input.staleShare - kept;
  s.staleDns = input.staleShare;
  s.staleConnection = kept;
  s.noHealthyTarget = routed * routing.none;
  s.partition = routed * routing.cut;
  for (let j = 0; j < input.targets.length; j++) {
    const p = routing.pi[j]!;
    if (p === 0) continue;
    const tg = input.targets[j]!;
    const share = routed * p * (tg.count ?? 1);
    if (!tg.alive) {
      s.deadTarget += share;
      continue;
    }
    const g = input.grayShare[tg.zone] ?? 0;
    s.grayFailure += share * g;
    const b = c.persistentCause !== null || (c.blockedIn !== null && c.blockedIn[tg.zone]) ? 1 : 0;
    if (b > 0) s[c.persistentCause ?? 'partition'] += share * (1 - g);
    const a = states.adm[j]!;
    const admitted = share * (1 - g) * (1 - b);
    s.shed += admitted * a.shed;
    s.timeout += admitted * a.timedOut;
  }
  return s;
}

/** The failure causes, in a fixed order (no `for … in` in the hot loops). */
const CAUSES = Object.keys(noFailures()) as FailureCause[];

/** An attempt's whole failure share; within a rounding error of 1 it is 1 (every attempt fails). */
function total(s: Shares): number {
  let sum = 0;
  for (const k of CAUSES) sum += s[k];
  return sum >= 1 - 1e-12 ? 1 : sum;
}

/** Passes of the retries' fixed point at most (see `computeFlows`). */
const MAX_ITERATIONS = 100;

/** Attempts per second of each class, all attempt numbers together. */
function classMix(a: readonly Float64Array[]): Float64Array {
  const mix = new Float64Array(a.length);
  for (let ci = 0; ci < a.length; ci++) for (const x of a[ci]!) mix[ci]! += x;
  return mix;
}

/** A live target's load, per task: what it admits needs capacity; fast failures do not. */
function targetLoad(input: FlowInput, routing: Routing, routed: number, mix: Float64Array, j: number): number {
  const tg = input.targets[j]!;
  let needs = 0;
  for (let ci = 0; ci < input.classes.length; ci++) {
    const c = input.classes[ci]!;
    const b = c.persistentCause !== null || (c.blockedIn !== null && c.blockedIn[tg.zone]);
    if (!b) needs += mix[ci]!;
  }
  return routed * routing.pi[j]! * (1 - (input.grayShare[tg.zone] ?? 0)) * needs;
}

/** Routes one moment's traffic; see the module comment for the order of failures. */
export function computeFlows(input: FlowInput): FlowResult {
  const {rate, classes, policy, targets} = input;
  const R = policy.retries;
  const n = targets.length;
  const routing = routingShares(input);
  const kept = keptShare(input.kept, input.staleShare, routing);
  const routed = 1 - input.staleShare - kept;
  const states: TargetStates = {adm: new Array<Admission | null>(n).fill(null), load: new Float64Array(n)};
  // Attempts per second per class and attempt number (0 = first).
  const due = (ci: number, k: number): number => (input.due === null ? 0 : input.due[ci * R + k - 1]!);
  // Without retries at once, the retries made now are only those due: the attempts are known
  // before any share is, and one pass settles them.
  const a = classes.map((c, ci) => {
    const row = new Float64Array(R + 1);
    row[0] = rate * c.share;
    if (!policy.instantRetries) for (let k = 1; k <= R; k++) row[k] = due(ci, k);
    return row;
  });
  let shares: Shares[] = [];
  let ratio = 1;
  let attempts = 0;
  let lastChange = 0;
  const before = a.map((row) => new Float64Array(row.length));
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    for (let ci = 0; ci < classes.length; ci++) before[ci]!.set(a[ci]!);
    const mix = classMix(a);
    let A = 0;
    for (let ci = 0; ci < classes.length; ci++) A += mix[ci]!;
    for (let j = 0; j < n; j++) {
      const tg = targets[j]!;
      if (!tg.alive || routing.pi[j]! === 0) {
        // No traffic: only a queue left over needs its admission (the task finishes it).
        if (iter === 0) states.adm[j] = tg.alive && tg.queued > 0 ? admit(0, tg.capacity, tg.queued, policy.service) : null;
        continue;
      }
      const load = targetLoad(input, routing, routed, mix, j);
      states.adm[j] = admit(load, tg.capacity, tg.queued, policy.service);
      states.load[j] = load;
    }
    shares = classes.map((c) => classShares(input, routing, c, states, kept));
    // The budget: retries wanted now against budget × first attempts.
    let wanted = 0;
    for (let ci = 0; ci < classes.length; ci++) {
      const f = total(shares[ci]!);
      for (let k = 0; k < R; k++) wanted += a[ci]![k]! * f;
    }
    ratio = policy.budget === null || wanted <= 0 ? 1 : Math.min(1, (policy.budget * rate) / wanted);
    let next = 0;
    for (let ci = 0; ci < classes.length; ci++) {
      const s = shares[ci]!;
      const fast = policy.instantRetries ? total(s) - s.timeout - s.staleDns - s.staleConnection : 0;
      const row = a[ci]!;
      for (let k = 1; k <= R; k++) row[k] = due(ci, k) + row[k - 1]! * Math.max(0, fast) * ratio;
      for (let k = 0; k <= R; k++) next += row[k]!;
    }
    const done = Math.abs(next - A) <= 1e-12 * Math.max(1, A);
    attempts = next;
    if (done || !policy.instantRetries) break;
    // Near a tipping point each pass closes only a little of the gap, by about the same ratio q:
    // every third pass jumps ahead by the rest of that geometric series (Aitken's Δ²), on the
    // loads only (the next pass works the attempts out again from the admissions).
    const change = next - A;
    const q = lastChange !== 0 ? change / lastChange : 0;
    lastChange = change;
    if (iter % 3 === 2 && iter < MAX_ITERATIONS - 2 && q > 0 && q < 0.999) {
      const ahead = q / (1 - q);
      for (let ci = 0; ci < classes.length; ci++) {
        const row = a[ci]!;
        const was = before[ci]!;
        for (let k = 1; k <= R; k++) row[k] = Math.max(0, row[k]! + ahead * (row[k]! - was[k]!));
      }
      lastChange = 0;
    }
  }
  // The attempts were last worked out from admissions at the loads before them. If the loop
  // stopped short of the fixed point (retries near a tipping point converge slowly), the two
  // differ: each target then takes the load of the attempts booked, at the admission's shares, so
  // that every attempt booked as admitted is one a task queues or serves, and none is lost.
  const mix = classMix(a);
  for (let j = 0; j < n; j++) {
    if (targets[j]!.alive && routing.pi[j]! !== 0) states.load[j] = targetLoad(input, routing, routed, mix, j);
  }
  return outcomes(input, routing, states, a, shares, ratio, attempts, kept);
}

/** Books what the settled attempts become: failures, retries to make later, goodput and latency. */
function outcomes(
  input: FlowInput,
  routing: Routing,
  states: TargetStates,
  a: Float64Array[],
  shares: Shares[],
  ratio: number,
  attempts: number,
  kept: number,
): FlowResult {
  const {rate, classes, policy, targets} = input;
  const R = policy.retries;
  const n = targets.length;
  const failedByCause = noFailures();
  failedByCause.deadTarget += input.lostRate;
  let failed = input.lostRate;
  let timedOut = 0;
  let shed = 0;
  let writesServed = 0;
  const deposits = new Float64Array(classes.length * Math.max(R, 1) * 3);
  for (let ci = 0; ci < classes.length; ci++) {
    const s = shares[ci]!;
    const f = total(s);
    const row = a[ci]!;
    let all = 0;
    let lost = 0;
    for (let k = 0; k <= R; k++) {
      all += row[k]!;
      const failing = row[k]! * f;
      // The last attempt's failures, and those the budget refuses a retry, end the request.
      lost += k === R ? failing : failing * (1 - ratio);
      if (k < R && f > 0) {
        const retried = row[k]! * ratio;
        const slot = (ci * R + k) * 3;
        if (!policy.instantRetries) deposits[slot + WAIT_FAST]! += retried * (f - s.timeout - s.staleDns - s.staleConnection);
        deposits[slot + WAIT_TIMEOUT]! += retried * (s.timeout + s.staleConnection);
        deposits[slot + WAIT_CONNECT]! += retried * s.staleDns;
      }
    }
    timedOut += all * s.timeout;
    shed += all * s.shed;
    if (classes[ci]!.isWrite) writesServed += all * (1 - f);
    if (lost > 0 && f > 0) {
      for (const key of CAUSES) failedByCause[key] += (lost * s[key]) / f;
      failed += lost;
    }
  }
  const targetServed = new Float64Array(n);
  const targetFailed = new Float64Array(n);
  const targetInflow = new Float64Array(n);
  const targetInflowGood = new Uint8Array(n);
  const zoneAttempts = new Float64Array(input.zoneCount);
  const zoneFailed = new Float64Array(input.zoneCount);
  const zoneQueueSeconds = new Float64Array(input.zoneCount);
  const zoneLoad = new Float64Array(input.zoneCount);
  let served = 0;
  let wasted = 0;
  let capacity = 0;
  const routedShare = 1 - input.staleShare - kept;
  const routedAttempts = attempts * routedShare;
  const forLatency: {a: Admission; weight: number}[] = [];
  // Tasks with the same load have the same stationary wait: compute it once per run of equal admissions.
  let lastAdmission: Admission | null = null;
  let lastWait = 0;
  const stationaryWait = (a: Admission): number => {
    if (lastAdmission === null || lastAdmission.rho !== a.rho || lastAdmission.c !== a.c || lastAdmission.seconds !== a.seconds) {
      lastAdmission = a;
      lastWait = meanStationaryWait(a);
    }
    return lastWait;
  };
  for (let j = 0; j < n; j++) {
    const tg = targets[j]!;
    const sent = routedAttempts * routing.pi[j]!;
    const lostOnTheWay = routedAttempts * routing.cutAt[j]!;
    const adm = states.adm[j]!;
    const load = states.load[j]!;
    const m = tg.count ?? 1;
    let good = 0;
    if (tg.alive && (routing.pi[j]! > 0 || tg.queued > 0)) capacity += tg.capacity * m;
    if (tg.alive && adm !== null) {
      if (!adm.fluid) {
        good = load * (1 - adm.shed - adm.timedOut);
        wasted += load * adm.timedOut * m;
      } else {
        const admitted = load * (1 - adm.shed);
        targetInflow[j] = admitted;
        targetInflowGood[j] = adm.timedOut === 0 ? 1 : 0;
        // While anything waits the task works at capacity, on the head of its queue.
        const busy = tg.queued > 0 || admitted >= tg.capacity;
        const work = busy ? tg.capacity : admitted;
        const headGood = tg.queued > 0 ? tg.headGood : adm.timedOut === 0;
        if (headGood) good = work;
        else wasted += work * m;
      }
      if (good > 0) forLatency.push({a: adm, weight: good * m});
      zoneQueueSeconds[tg.zone]! += load * m * (adm.fluid ? adm.wait : stationaryWait(adm));
      zoneLoad[tg.zone]! += load * m;
    }
    served += good * m;
    targetServed[j] = good;
    // Attempts that failed at this target: all of them if it is dead, else all but those admitted in time.
    const ok = tg.alive && adm !== null ? load * (1 - adm.shed - adm.timedOut) : 0;
    targetFailed[j] = Math.max(0, sent - ok) + lostOnTheWay;
    zoneAttempts[tg.zone]! += (sent + lostOnTheWay) * m;
    zoneFailed[tg.zone]! += targetFailed[j]! * m;
  }
  for (let z = 0; z < input.zoneCount; z++) if (zoneLoad[z]! > 0) zoneQueueSeconds[z]! /= zoneLoad[z]!;
  // Nothing queued, nothing to retry later: every request ends now, served or failed, and
  // offered − failed says so exactly (the per-task sum can differ in the last bit). A queue left
  // over with nothing joining it is still being served, from requests offered earlier.
  const idle = targetInflow.every((x) => x === 0) && targets.every((tg) => !tg.alive || tg.queued <= 0);
  if (idle && deposits.every((x) => x === 0) && input.due === null && input.lostRate === 0) {
    served = rate - failed;
  }
  // Every task has the same capacity and service time, so the same wait limit.
  const limitOf = policy.service.timeoutSeconds - (forLatency[0]?.a.seconds ?? 0);
  const [latencyP50, latencyP99] = latencyQuantiles(forLatency, limitOf, [0.5, 0.99]) as [number, number];
  return {
    offered: rate,
    served,
    failed,
    failedByCause,
    attempts,
    retries: attempts - rate,
    capacity,
    timedOut,
    shed,
    wasted,
    writesServed,
    latencyP50,
    latencyP99,
    targetServed,
    targetFailed,
    targetPi: routing.pi,
    routedShare,
    targetInflow,
    targetInflowGood,
    zoneAttempts,
    zoneFailed,
    zoneQueueSeconds,
    deposits,
  };
}

/** Mean wait in the stationary queue: P(wait) / ((c / s)(1 − ρ)). */
function meanStationaryWait(a: Admission): number {
  if (a.rho <= 0) return 0;
  return waitProbability(a.rho, a.c) / ((a.c / a.seconds) * (1 - a.rho));
}
