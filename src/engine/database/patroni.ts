/**
 * Self-managed failover with Patroni: the leader lock in a DCS that only a majority can
 * hold, the demotion of a primary that cannot renew it, the two ways a primary dies (its
 * node is lost, or PostgreSQL crashes on a live node and is restarted in place) and the
 * `maximum_lag_on_failover` guard.
 */
import {PATRONI} from '../defaults';
import {activePartition, connected, drawSeconds, fmt, log, schedule, zoneName, zoneUp, type Item, type Sim} from '../state';
import {writesBetween} from './replication';

/** The model's Patroni settings (only called for a self-managed database). */
function settings(sim: Sim) {
  return sim.model.database.patroni!;
}

/**
 * Seconds from the loss of the primary's node to a new leader: the leader key expires `ttl`
 * after its last renewal, which came up to `loop_wait` before the loss, and a replica takes
 * the key within one `loop_wait` after that. 20–40 s with the defaults.
 */
export function lockExpirySeconds(sim: Sim): number {
  const {ttlSeconds: ttl, loopWaitSeconds: loop} = settings(sim);
  return drawSeconds(sim, Math.max(0, ttl - loop), ttl) + drawSeconds(sim, 0, loop);
}

/** Seconds until a replica takes a leader key that is free already (released, or long expired): up to one `loop_wait`. */
export function raceSeconds(sim: Sim): number {
  return drawSeconds(sim, 0, settings(sim).loopWaitSeconds);
}
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
  const {ttlSeconds: ttl, loopWaitSeconds: loopWait} = settings(sim);
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


/**
 * PostgreSQL crashed on the primary's node, which stays up: Patroni keeps the leader key and
 * restarts PostgreSQL in place. It notices within one `loop_wait` and gives up after
 * `primary_start_timeout`, so failover starts at the latest `loop_wait + primary_start_timeout`
 * after the crash (Patroni's documented worst case adds one more `loop_wait` for the race).
 */
export function startRestart(sim: Sim): void {
  const db = sim.db!;
  const {primaryStartTimeoutSeconds: timeout} = settings(sim);
  const giveUpAt = sim.t + drawSeconds(sim, 0, settings(sim).loopWaitSeconds) + timeout;
  db.restarting = true;
  db.restartGen++;
  schedule(sim, giveUpAt, 'db/restartGaveUp', {gen: db.restartGen});
  log(
    sim,
    'db/restartingInPlace',
    `Patroni keeps the leader key and restarts PostgreSQL in place; without it back by t=${fmt(giveUpAt)} s (primary_start_timeout ${fmt(timeout)} s) it fails over`,
    {zone: db.nodes[db.lastPrimary]!.zone},
  );
}

/** Ends a restart in place (PostgreSQL is back, the node died, or Patroni gave up). */
export function endRestart(sim: Sim): void {
  const db = sim.db!;
  db.restarting = false;
  db.restartGen++;
}

/**
 * The crashed primary's node can no longer keep its leader key while Patroni restarts
 * PostgreSQL on it: the node itself is gone, or a partition cut it off from the DCS majority.
 */
export function restartNodeLost(sim: Sim): boolean {
  const db = sim.db!;
  const node = db.nodes[db.lastPrimary]!;
  return db.restarting && (node.instanceFailed || !zoneUp(sim, node.zone) || !canLead(sim, db.lastPrimary));
}

/** `db/restartGaveUp`: whether PostgreSQL is still down at the end of `primary_start_timeout` (then Patroni releases the key). */
export function restartGaveUp(sim: Sim, item: Item): boolean {
  const db = sim.db!;
  if (!db.restarting || item.gen !== db.restartGen) return false;
  endRestart(sim);
  log(
    sim,
    'db/restartGaveUp',
    `PostgreSQL is not back within primary_start_timeout (${fmt(settings(sim).primaryStartTimeoutSeconds)} s): Patroni releases the leader key and a replica takes over`,
  );
  return true;
}

/** Bytes of WAL a copy that holds writes up to `frontier` is behind a primary lost at `lostAt`. */
export function lagBytes(sim: Sim, frontier: number, lostAt: number): number {
  return writesBetween(sim, frontier, lostAt) * settings(sim).walBytesPerWrite;
}

/** `maximum_lag_on_failover`: whether a copy that far behind may take part in the automatic leader race. */
export function withinLagLimit(sim: Sim, frontier: number, lostAt: number): boolean {
  if (sim.model.database.kind !== 'self-managed') return true;
  return lagBytes(sim, frontier, lostAt) <= settings(sim).maximumLagOnFailoverBytes + 1e-6;
}
