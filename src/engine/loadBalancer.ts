/**
 * The load balancer's routing. Each zone's node has its own pool: the targets it has in
 * service (every node checks every target on its own schedule, see `healthChecks.ts`).
 * Round robin: each target in a node's pool gets an equal share of that node's traffic.
 * What happens to the attempts routed is the flows' (`flows/`).
 */
import type {FailuresByCause} from './types';
import {zeros} from './zeros';

/**
 * How one load balancer node sees a target: `'out'` until it passes a first check there,
 * `'in'` while in that node's pool, `'unhealthy'` once that node has marked it (used only
 * when the node fails open).
 */
export type NodeView = 'out' | 'in' | 'unhealthy';

/** A target as routing sees it. */
export interface RoutedTarget {
  /** Index of its zone. */
  zone: number;
  /** How each zone's load balancer node sees it (index = zone). */
  view: readonly NodeView[];
  /** The task is alive and answers. */
  alive: boolean;
  /** Requests per second it can serve. */
  capacity: number;
  /**
   * Tasks alike that this target stands for (default 1): same zone, same view from every node,
   * same state and queue, so routing and the flows treat them identically. Per-target results
   * are for one of them.
   */
  count?: number;
}

/** Everything routing needs at one moment. */
export interface RoutingInput {
  targets: readonly RoutedTarget[];
  zoneCount: number;
  /** Per zone: the load balancer has a live node there that clients can reach (enabled, zone up, not shifted). */
  nodeUsable: boolean[];
  /** Per zone: targets there may receive traffic (load balancer enabled there and no zonal shift). */
  targetZoneRoutable: boolean[];
  crossZone: boolean;
  /** The zone a network partition cuts off from the others right now, or `null`. */
  partitionZone: number | null;
}

/**
 * Share of one attempt that goes to each target (`pi`), that is lost crossing a partition
 * (`cutAt`) and that finds no target at all (`none`). DNS hands out every usable node whose
 * pool is not empty, each an equal share; a node's pool is the targets it has in service
 * among the routable ones (cross-zone on) or its own zone's (cross-zone off). When every
 * pool is empty the nodes fail open to the targets they marked unhealthy. A node still
 * sends to a target across a partition until it marks it: those requests are lost.
 */
export function routingShares(input: RoutingInput): Routing {
  const {targets, zoneCount, nodeUsable, targetZoneRoutable, crossZone, partitionZone} = input;
  const n = targets.length;
  const pi = zeros(n);
  const cutAt = zeros(n);
  const usable: number[] = [];
  for (let z = 0; z < zoneCount; z++) if (nodeUsable[z]) usable.push(z);
  if (usable.length === 0) return {pi, none: 1, cutAt, cut: 0};
  // Pool sizes of every usable node, in service and (for failing open) marked unhealthy, in one pass.
  const inSize = zeros(zoneCount);
  const unhealthySize = zeros(zoneCount);
  for (let j = 0; j < n; j++) {
    const tg = targets[j]!;
    if (!targetZoneRoutable[tg.zone]) continue;
    const view = tg.view;
    const m = tg.count ?? 1;
    if (crossZone) {
      for (let u = 0; u < usable.length; u++) {
        const v = view[usable[u]!];
        if (v === 'in') inSize[usable[u]!]! += m;
        else if (v === 'unhealthy') unhealthySize[usable[u]!]! += m;
      }
    } else if (nodeUsable[tg.zone]) {
      const v = view[tg.zone];
      if (v === 'in') inSize[tg.zone]! += m;
      else if (v === 'unhealthy') unhealthySize[tg.zone]! += m;
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
  const shareAt = zeros(zoneCount);
  for (const z of usable) if (size[z]! > 0) shareAt[z] = 1 / nodes / size[z]!;
  let cut = 0;
  for (let j = 0; j < n; j++) {
    const tg = targets[j]!;
    if (!targetZoneRoutable[tg.zone]) continue;
    const view = tg.view;
    const m = tg.count ?? 1;
    const from = crossZone ? 0 : tg.zone;
    const to = crossZone ? zoneCount : tg.zone + 1;
    for (let node = from; node < to; node++) {
      const share = shareAt[node]!;
      if (share === 0 || view[node] !== wanted) continue;
      if (partitionZone !== null && (node === partitionZone) !== (tg.zone === partitionZone)) {
        cutAt[j]! += share;
        cut += share * m;
      } else pi[j]! += share;
    }
  }
  return {pi, none, cutAt, cut};
}

/**
 * Where one attempt goes: shares that reach each target, that are lost crossing a partition, or
 * that find nothing. Per-target shares are for one task of the target (see `RoutedTarget.count`).
 */
export interface Routing {
  /** Per target: share of attempts that reach it. */
  pi: number[];
  /** Share of attempts that find no target. */
  none: number;
  /** Per target: share of attempts sent to it from across a partition (they fail). */
  cutAt: number[];
  /** Sum of `cutAt` over every task. */
  cut: number;
}
