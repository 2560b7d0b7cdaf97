/**
 * Kept-alive connections to something that dies. With `clients.keepAlive` a client opens a
 * connection once and sends its requests over it; it learns that the far end is gone only when
 * its next request gets no answer. So each client holding a connection to a load balancer node
 * or target that dies loses its next request, whatever DNS or health checks say meanwhile (cause
 * `staleConnection`), then opens a new connection, which is routed like any other.
 *
 * - **A node dies** (its zone fails while the node takes traffic): the clients connected to it
 *   are its DNS share, 1 / (nodes that were in DNS), with an ALB and an NLB alike, since a
 *   client's connection ends at the node (ALB) or passes through it (NLB).
 * - **A target dies**, with an NLB only: an NLB pins each client connection to one target for
 *   its life, so the clients pinned to it are its share of the attempts just before. Until the
 *   target is marked unhealthy, the flows already send that share to it (`deadTarget`); what
 *   keep-alive adds is the pinned clients whose next request comes after, when the NLB resets
 *   their connection. An ALB ends the client's connection at the node and picks a target for
 *   each request, so a target's death touches no client connection there.
 *
 * How many clients, and when their next request comes, AWS does not say: the model takes each
 * active session (`traffic.activeSessions`) as one client with one kept-alive connection,
 * sending evenly spaced requests, every sessions ÷ rate seconds, their phases spread evenly (an
 * assumption). Then, for one such gap after the death, every request on those connections is the
 * first since the death and fails: the lost share of attempts for one gap, share × sessions
 * requests in all. The clients waiting for an answer that never comes fail after the request
 * timeout, so their retries wait that long (an NLB's reset would come sooner). Clients of a dead
 * node whose DNS answer still holds it are the same clients: during the gap they fail here, not
 * as `staleDns`, which takes over after.
 */
import {staleShareAt} from './dns';
import type {Routing} from '../loadBalancer';
import type {KeptInput} from '../flows/types';
import type {Sim, TaskRec} from '../state';

/** Seconds between one client's requests: sessions ÷ rate (Infinity without traffic or sessions). */
function gapSeconds(sim: Sim): number {
  const sessions = sim.model.traffic.activeSessions;
  return sim.rate > 0 && sessions > 0 ? sessions / sim.rate : Infinity;
}

function record(sim: Sim, zone: number, task: TaskRec | null, share: number): void {
  const gap = gapSeconds(sim);
  if (!sim.model.clients.keepAlive || share <= 0 || gap === Infinity) return;
  sim.clients.dead.push({zone, task, since: sim.t, until: sim.t + gap, share});
}

/** A node that took traffic died with its zone: its clients' connections, `share` of them, are dead. */
export function nodeConnectionsLost(sim: Sim, z: number, share: number): void {
  record(sim, z, null, share);
}

/**
 * A task is about to die (NLB): the clients pinned to it lose their next request. With its zone
 * down, those that reached it through the zone's own node are already counted with the node:
 * all of them with cross-zone off, the node's share of them with it on (the nodes' pools alike).
 */
export function targetConnectionsLost(sim: Sim, task: TaskRec): void {
  if (sim.model.loadBalancer.type !== 'network' || task.status !== 'running') return;
  const f = sim.clients.flows;
  const j = task.flowTarget;
  if (f === null || j < 0) return;
  let share = f.targetPi[j]! * f.routedShare;
  if (sim.zoneDown[task.zone]! > 0) {
    const node = sim.clients.dead.find((d) => d.task === null && d.zone === task.zone && d.since === sim.t);
    share *= sim.model.loadBalancer.crossZone ? 1 - (node?.share ?? 0) : node === undefined ? 1 : 0;
  }
  record(sim, -1, task, share);
}

/** The next moment a dead connections' gap ends, or Infinity. */
export function nextKeptChange(sim: Sim): number {
  let next = Infinity;
  for (const d of sim.clients.dead) if (d.until > sim.t) next = Math.min(next, d.until);
  return next;
}

/**
 * The keep-alive part of the flow input at the current instant (each task's flow target set), given
 * the stale-DNS share: drops the gaps that have ended, and takes out of the stale-DNS share
 * the dead nodes' clients, who fail here first.
 */
export function keptFlowInput(sim: Sim, staleShare: number, cell: number): {kept: KeptInput | null; staleShare: number} {
  const c = sim.clients;
  const t = sim.t;
  for (let i = c.dead.length - 1; i >= 0; i--) if (c.dead[i]!.until <= t) c.dead.splice(i, 1);
  if (c.dead.length === 0) return {kept: null, staleShare};
  let share = 0;
  let overlap = 0;
  let pinned: {target: number; share: number}[] | null = null;
  for (const d of c.dead) {
    if (d.task === null) {
      share += d.share;
      const stale = c.stale.find((n) => n.zone === d.zone);
      if (stale !== undefined) overlap += staleShareAt([stale], c.staleWindow, cell, t);
      continue;
    }
    // Still a flow target: routing may still send it new connections, which the flows weigh.
    if (d.task.flowTarget >= 0) (pinned ??= []).push({target: d.task.flowTarget, share: d.share});
    else share += d.share;
  }
  return {kept: {share, pinned}, staleShare: Math.max(0, staleShare - overlap)};
}

/**
 * Share of attempts (0 to 1 − stale) failing on dead connections: the dead nodes' and unrouted
 * targets' share, plus, per dead target routing still sends to, what is pinned to it beyond what
 * routing sends (those routed are already failing as `deadTarget`).
 */
export function keptShare(kept: KeptInput | null, staleShare: number, routing: Routing): number {
  if (kept === null) return 0;
  let share = kept.share;
  if (kept.pinned !== null) {
    const routed = Math.max(0, 1 - staleShare - share);
    // routing.pi is one task's share, whatever the number of alike tasks its flow target stands for.
    for (const {target, share: pinnedShare} of kept.pinned) share += Math.max(0, pinnedShare - routed * routing.pi[target]!);
  }
  return Math.max(0, Math.min(share, 1 - staleShare));
}
