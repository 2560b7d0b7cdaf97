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
 *
 * Here: the fixed point of the attempts. The failure shares of one attempt are `shares.ts`; what
 * the settled attempts become (failures for good, retries for later, goodput, latency) is
 * `outcomes.ts`; the shapes in and out are `types.ts`.
 */
import {keptShare} from '../clients/keepAlive';
import {admit, type Admission} from '../clients/queueing';
import {routingShares} from '../loadBalancer';
import {outcomes} from './outcomes';
import {zeros} from '../zeros';
import {classMix, classShares, targetLoad, total} from './shares';
import type {FlowInput, FlowResult, Shares, TargetStates} from './types';

export {WAIT_CONNECT, WAIT_FAST, WAIT_TIMEOUT, type ClientPolicy, type FlowInput, type FlowResult, type FlowTarget, type KeptInput} from './types';

/** Passes of the retries' fixed point at most (see `computeFlows`). */
const MAX_ITERATIONS = 100;

/** Retries of class `ci`'s k-th attempt (k ≥ 1) arriving now from earlier failures, per second. */
function due(input: FlowInput, ci: number, k: number): number {
  return input.due === null ? 0 : input.due[ci * input.policy.retries + k - 1]!;
}

/** Routes one moment's traffic; see the module comment for the order of failures. */
export function computeFlows(input: FlowInput): FlowResult {
  const {rate, classes, policy, targets} = input;
  const R = policy.retries;
  const n = targets.length;
  const routing = routingShares(input);
  const kept = keptShare(input.kept, input.staleShare, routing);
  const routed = 1 - input.staleShare - kept;
  const states: TargetStates = {adm: new Array<Admission | null>(n).fill(null), load: zeros(n)};
  // Attempts per second per class and attempt number (0 = first).
  // Without retries at once, the retries made now are only those due: the attempts are known
  // before any share is, and one pass settles them.
  const a = classes.map((c, ci) => {
    const row = zeros(R + 1);
    row[0] = rate * c.share;
    if (!policy.instantRetries) for (let k = 1; k <= R; k++) row[k] = due(input, ci, k);
    return row;
  });
  let shares: Shares[] = [];
  let ratio = 1;
  let attempts = 0;
  let lastChange = 0;
  // The attempts before each pass, for the jump ahead: only retries at once take several passes.
  const before = policy.instantRetries ? a.map((row) => zeros(row.length)) : [];
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    if (policy.instantRetries) for (let ci = 0; ci < classes.length; ci++) for (let k = 0; k <= R; k++) before[ci]![k] = a[ci]![k]!;
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
      for (let k = 1; k <= R; k++) row[k] = due(input, ci, k) + row[k - 1]! * Math.max(0, fast) * ratio;
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
