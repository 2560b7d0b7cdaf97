/**
 * Self-managed failover with Patroni: the leader lock in a DCS that only a majority can
 * hold, and the demotion of a primary that cannot renew it.
 */
import {PATRONI} from '../defaults';
import {activePartition, connected, log, schedule, zoneName, type Item, type Sim} from '../state';

/**
 * Whether node `i` may be primary. Self-managed clusters use Patroni's leader lock in a
 * DCS (etcd) with, as the model assumes, one member in each zone: during a partition only
 * the side holding a majority of the members can hold the lock. With two zones neither
 * side has one. Other kinds have no such rule.
 */
export function canLead(sim: Sim, i: number): boolean {
  if (sim.model.database.kind !== 'self-managed') return true;
  return dcsMajority(sim, sim.db!.nodes[i]!.zone);
}

function dcsMajority(sim: Sim, z: number): boolean {
  const zones = sim.model.zones.length;
  let sameSide = 0;
  for (let other = 0; other < zones; other++) if (connected(sim, z, other)) sameSide++;
  return sameSide * 2 > zones;
}

/**
 * When a partition starts with the primary on the side without the DCS majority: the time
 * Patroni demotes it (null when it can keep the lock). The renewal fails within one
 * loop_wait plus retry_timeout, before the lock expires.
 */
export function scheduleLeaderLockLoss(sim: Sim): void {
  const db = sim.db!;
  const p = activePartition(sim)!;
  if (db.primary === null || canLead(sim, db.primary)) return;
  const {failoverSeconds} = sim.model.database;
  const ttl = failoverSeconds.min;
  const loopWait = failoverSeconds.max - failoverSeconds.min;
  // Patroni keeps loop_wait + 2 × retry_timeout within ttl, so the demotion never comes after expiry.
  schedule(sim, p.at + Math.min(ttl, loopWait + PATRONI.retryTimeoutSeconds), 'db/leaderLockLost', {gen: p.gen});
}

/** `db/leaderLockLost`: whether the primary is still cut off from the DCS majority (then it demotes itself). */
export function leaderLockLost(sim: Sim, item: Item): boolean {
  const db = sim.db!;
  const p = activePartition(sim);
  if (p === null || item.gen !== p.gen || db.primary === null || canLead(sim, db.primary)) return false;
  log(
    sim,
    'db/leaderLockLost',
    `Patroni demotes the primary in zone ${zoneName(sim, db.nodes[db.primary]!.zone)}: it cannot renew its leader lock from its side of the partition`,
    {zone: db.nodes[db.primary]!.zone},
  );
  return true;
}
