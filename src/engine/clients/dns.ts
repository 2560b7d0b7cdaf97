/**
 * DNS and the lost zone's load balancer node. Clients resolve the load balancer's name and keep
 * the answer for the record's TTL (60 s for ELB) plus their own cache. When a zone fails, its
 * node leaves DNS at once (the model's assumption), but clients that resolved before keep its
 * address until their answer expires. Answers are of every age, spread evenly, so the share of
 * clients still holding the dead node's address falls linearly from the share DNS gave it to
 * zero over TTL + cache (with a cache of `'forever'` it does not fall: they keep it until the
 * node is back). Their attempts go to a node that does not answer and fail after the connect
 * timeout (`staleDns`); a retry resolves nothing new, so it picks a node by the same shares.
 *
 * With cross-zone load balancing on or off alike: the dead node is gone either way.
 * A zonal shift of a zone that is up takes its node out of DNS too, but that node still works,
 * so clients that kept its address are still served: the model routes them like the others.
 */
import type {ResolvedModel} from '../types';

/** A lost node whose address clients still hold. */
export interface StaleNode {
  /** Index of its zone. */
  zone: number;
  /** When it left DNS. */
  since: number;
  /** Share of clients' answers that held it then. */
  share: number;
}

/** Seconds over which stale answers expire: TTL + the clients' cache (Infinity for `'forever'`). */
export function staleWindow(model: ResolvedModel): number {
  const cache = model.clients.dnsCacheSeconds;
  return cache === 'forever' ? Infinity : model.loadBalancer.dnsTtlSeconds + cache;
}

/**
 * The stale share is held constant over cells of `cell` seconds from each node's loss, each at
 * its mean over the cell (exact for a share falling linearly), so events inside a cell do not
 * change it and the window's total is exactly share × window / 2.
 */
function cellMean(n: StaleNode, window: number, cell: number, t: number): number {
  const k = Math.floor((t - n.since) / cell);
  const a = n.since + k * cell;
  const b = Math.min(a + cell, n.since + window);
  return n.share * Math.max(0, 1 - ((a + b) / 2 - n.since) / window);
}

/** Share of attempts sent to a lost node at time `t` (see {@link cellMean}); `'forever'` holders keep it whole. */
export function staleShareAt(nodes: readonly StaleNode[], window: number, cell: number, t: number): number {
  let share = 0;
  for (const n of nodes) {
    if (window === Infinity) share += n.share;
    else if (t < n.since + window) share += cellMean(n, window, cell, t);
  }
  return Math.min(1, share);
}

/** The next moment after `t` the stale share changes: the next cell boundary of a closing window, or Infinity. */
export function nextStaleChange(nodes: readonly StaleNode[], window: number, cell: number, t: number): number {
  let next = Infinity;
  if (window === Infinity) return next;
  for (const n of nodes) {
    if (t >= n.since + window) continue;
    // The cell that starts at t (within a rounding error) is the one under way.
    const k = Math.floor((t - n.since) / cell + 1e-9);
    next = Math.min(next, n.since + (k + 1) * cell, n.since + window);
  }
  return next;
}

/** Drops the nodes whose window has closed by `t`. */
export function expireStale(nodes: StaleNode[], window: number, t: number): void {
  for (let i = nodes.length - 1; i >= 0; i--) if (window !== Infinity && t >= nodes[i]!.since + window) nodes.splice(i, 1);
}
