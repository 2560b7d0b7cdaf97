/**
 * What becomes of one attempt, as shares: for each request class, the share failing by each
 * cause (in the order the module comment of `index.ts` gives), and the load each live target
 * takes from the attempts that need a task's capacity.
 */
import {noFailures, sumOfCauses} from '../causes';
import type {Routing} from '../loadBalancer';
import type {RequestClass} from '../traffic';
import type {FlowInput, Shares, TargetStates} from './types';
import {zeros} from '../zeros';

/** The failure shares of an attempt of class `c`, given each target's admission. */
export function classShares(input: FlowInput, routing: Routing, c: RequestClass, states: TargetStates, kept: number): Shares {
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

/** An attempt's whole failure share; within a rounding error of 1 it is 1 (every attempt fails). */
export function total(s: Shares): number {
  const sum = sumOfCauses(s);
  return sum >= 1 - 1e-12 ? 1 : sum;
}

/** Attempts per second of each class, all attempt numbers together. */
export function classMix(a: readonly number[][]): number[] {
  const mix = zeros(a.length);
  for (let ci = 0; ci < a.length; ci++) for (const x of a[ci]!) mix[ci]! += x;
  return mix;
}

/** A live target's load, per task: what it admits needs capacity; fast failures do not. */
export function targetLoad(input: FlowInput, routing: Routing, routed: number, mix: readonly number[], j: number): number {
  const tg = input.targets[j]!;
  let needs = 0;
  for (let ci = 0; ci < input.classes.length; ci++) {
    const c = input.classes[ci]!;
    const b = c.persistentCause !== null || (c.blockedIn !== null && c.blockedIn[tg.zone]);
    if (!b) needs += mix[ci]!;
  }
  return routed * routing.pi[j]! * (1 - (input.grayShare[tg.zone] ?? 0)) * needs;
}
