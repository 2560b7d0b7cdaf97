/**
 * Booking one moment's settled attempts: which requests fail for good and why, which retries
 * wait for later (by slot and wait kind), and per target and zone what is served in time,
 * wasted, queued and how long a new request waits; latency percentiles from the admissions.
 */
import {latencyQuantiles, waitProbability, type Admission} from '../clients/queueing';
import {addFailures, noFailures} from '../causes';
import type {Routing} from '../loadBalancer';
import {total} from './shares';
import {zeros} from '../zeros';
import {WAIT_CONNECT, WAIT_FAST, WAIT_TIMEOUT, type FlowInput, type FlowResult, type Shares, type TargetStates} from './types';

/** Books what the settled attempts become: failures, retries to make later, goodput and latency. */
export function outcomes(
  input: FlowInput,
  routing: Routing,
  states: TargetStates,
  a: number[][],
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
  const deposits = zeros(classes.length * Math.max(R, 1) * 3);
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
      addFailures(failedByCause, s, lost, f);
      failed += lost;
    }
  }
  const targetServed = zeros(n);
  const targetFailed = zeros(n);
  const targetInflow = zeros(n);
  const targetInflowGood = new Array<boolean>(n).fill(false);
  const zoneAttempts = zeros(input.zoneCount);
  const zoneFailed = zeros(input.zoneCount);
  const zoneQueueSeconds = zeros(input.zoneCount);
  const zoneLoad = zeros(input.zoneCount);
  let served = 0;
  let wasted = 0;
  let capacity = 0;
  const routedShare = 1 - input.staleShare - kept;
  const routedAttempts = attempts * routedShare;
  const forLatency: {a: Admission; weight: number}[] = [];
  // Tasks with the same load have the same stationary wait: it is worked out once per run of equal admissions.
  let lastAdmission: Admission | null = null;
  let lastWait = 0;
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
        targetInflowGood[j] = adm.timedOut === 0;
        // While anything waits the task works at capacity, on the head of its queue.
        const busy = tg.queued > 0 || admitted >= tg.capacity;
        const work = busy ? tg.capacity : admitted;
        const headGood = tg.queued > 0 ? tg.headGood : adm.timedOut === 0;
        if (headGood) good = work;
        else wasted += work * m;
      }
      if (good > 0) forLatency.push({a: adm, weight: good * m});
      if (!adm.fluid && !sameLoad(adm, lastAdmission)) {
        lastAdmission = adm;
        lastWait = meanStationaryWait(adm);
      }
      zoneQueueSeconds[tg.zone]! += load * m * (adm.fluid ? adm.wait : lastWait);
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

/** Two admissions at the same utilisation, servers and service time (`b` may be none yet). */
function sameLoad(a: Admission, b: Admission | null): boolean {
  return b !== null && b.rho === a.rho && b.c === a.c && b.seconds === a.seconds;
}

/** Mean wait in the stationary queue: P(wait) / ((c / s)(1 − ρ)). */
function meanStationaryWait(a: Admission): number {
  if (a.rho <= 0) return 0;
  return waitProbability(a.rho, a.c) / ((a.c / a.seconds) * (1 - a.rho));
}
