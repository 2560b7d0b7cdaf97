/**
 * The database: nodes in zones, one primary, replication and failover, as
 * rules over the simulation state.
 *
 * Every kind (single-AZ, RDS Multi-AZ instance and cluster, Aurora, async read
 * replica, self-managed) is resolved into one shape by `validate/database.ts`, so one set
 * of rules covers them all:
 *
 * - A replica that can reach the primary keeps up: it holds every acknowledged
 *   write (synchronous, semi-synchronous, quorum and shared-storage modes) or
 *   every write older than the lag (asynchronous). A replica cut off "freezes"
 *   at the point it had reached.
 * - When the primary is lost, the writes that the promoted replica does not hold
 *   are counted lost: the acknowledged writes between its frozen point and the
 *   moment of loss. Lossless modes (sync, quorum, RDS, Aurora) only promote a
 *   replica that holds everything, so they never lose an acknowledged write.
 * - Writes fail (cause `database`) while there is no writable primary.
 */
import type {DbRole, DbSegment} from '../types';
import {activePartition, connected, log, zoneName, zoneUp, type DbState, type Item, type Sim} from '../state';
import {
  failoverCompleted,
  fenceForPromotion,
  logLagRefusal,
  instanceRepaired,
  pickCandidate,
  primaryFailed,
  primaryLost,
  processRestarted,
  requestPromotion,
  startFailover,
  startRecreate,
  writerCreated,
} from './failover';
import {canLead, endRestart, leaderLockLost, restartGaveUp, restartNodeLost, scheduleLeaderLockLoss} from './patroni';
import {currentLag, linked, liveFrontier, reachable, trackSemiSync, updateAvailability} from './replication';

export {currentLag, ruleLagSpike, ruleSemiSyncFellBack, writesBetween} from './replication';

/** Builds the database state at t = 0 (node 0 is primary). */
export function createDb(sim: Sim): DbState | null {
  const spec = sim.model.database;
  if (spec.kind === 'none') return null;
  const db: DbState = {
    nodes: spec.nodeZones.map((z) => ({zone: sim.model.zones.indexOf(z), instanceFailed: false, frozen: null, fenced: false, processDown: false})),
    primary: 0,
    lastPrimary: 0,
    lostAt: null,
    failoverUntil: null,
    failoverGen: 0,
    waiting: false,
    semiSyncStalled: false,
    semiSyncFallback: false,
    semiSyncGen: 0,
    lagSpikes: [],
    recreating: false,
    restarting: false,
    restartGen: 0,
    operatorPromotion: false,
    lagRefused: false,
    writable: true,
    readable: true,
  };
  return db;
}

/**
 * Per zone: whether a task there can reach a node that takes writes, and one that serves
 * reads. Only differs from the database's overall state during a partition.
 */
export function dbReachFrom(sim: Sim): {write: boolean[]; read: boolean[]} {
  const db = sim.db;
  const zones = sim.model.zones.map((_, z) => z);
  if (db === null) return {write: zones.map(() => true), read: zones.map(() => true)};
  const primaryZone = db.primary === null ? null : db.nodes[db.primary]!.zone;
  const write = zones.map((z) => primaryZone !== null && connected(sim, z, primaryZone));
  const read = zones.map(
    (z) =>
      write[z]! ||
      (sim.model.database.replicasReadable &&
        db.nodes.some((node, i) => i !== db.primary && reachable(sim, i) && connected(sim, z, node.zone))),
  );
  return {write, read};
}

/**
 * Brings the database in line with which zones and instances are up: loses the
 * primary, freezes or thaws replicas, resumes or waits, and updates availability.
 * Called after every change that could matter.
 */
export function reconcileDb(sim: Sim): void {
  const db = sim.db;
  if (db === null) return;
  const spec = sim.model.database;
  if (db.primary !== null && !reachable(sim, db.primary)) primaryLost(sim);
  if (restartNodeLost(sim)) {
    // Its Patroni agent died with it: the leader key now expires as for any lost node.
    endRestart(sim);
    startFailover(sim);
  }
  if (db.primary === null && db.failoverUntil === null && !db.recreating) {
    const lp = db.lastPrimary;
    if (spec.kind === 'aurora' && db.nodes.length === 1) {
      if (zoneUp(sim, db.nodes[lp]!.zone)) startRecreate(sim, db.nodes[lp]!.zone);
    } else if (reachable(sim, lp) && canLead(sim, lp)) {
      db.primary = lp;
      db.nodes[lp]!.frozen = null;
      db.lostAt = null;
      db.waiting = false;
      if (db.restarting) endRestart(sim);
      log(sim, 'db/primaryRecovered', `database primary in zone ${zoneName(sim, db.nodes[lp]!.zone)} is back; no acknowledged write was lost`, {
        zone: db.nodes[lp]!.zone,
      });
    } else if (db.waiting && pickCandidate(sim) !== null) {
      // A candidate is back; with Patroni the leader key expired long ago, so the race is one loop.
      startFailover(sim, sim.t, 'released');
    } else if (db.waiting) {
      logLagRefusal(sim);
    }
  }
  if (db.primary !== null) {
    let reachableReplicas = 0;
    for (let i = 0; i < db.nodes.length; i++) {
      if (i === db.primary) continue;
      const node = db.nodes[i]!;
      const r = linked(sim, i);
      if (r) reachableReplicas++;
      if (!r && node.frozen === null) node.frozen = liveFrontier(sim);
      if (r && node.frozen !== null) node.frozen = null; // it catches up from the primary
    }
    trackSemiSync(sim, reachableReplicas);
  }
  updateAvailability(sim);
}

/**
 * A partition started: replicas across it stop receiving (reconcile). With Patroni, a primary
 * on the side without the DCS majority cannot renew its leader lock and demotes itself
 * before the lock expires; the other side takes the lock once it expires. Only a node that
 * can lead becomes primary during the cut, so this is the one moment a primary can find
 * itself on the wrong side.
 */
export function partitionStarted(sim: Sim): void {
  if (sim.db === null) return;
  reconcileDb(sim);
  scheduleLeaderLockLoss(sim);
}

/** `db/leaderLockLost`: the primary cut off from the DCS majority demotes itself. */
export function ruleLeaderLockLost(sim: Sim, item: Item): void {
  if (!leaderLockLost(sim, item)) return;
  // The lock stopped being renewed when the cut began: the other side's clock runs from then.
  primaryLost(sim, activePartition(sim)!.at);
  updateAvailability(sim);
}

/** `db/failoverCompleted`: promote the best candidate, or wait for one. */
export function ruleFailoverCompleted(sim: Sim, item: Item): void {
  const db = sim.db!;
  if (item.gen !== db.failoverGen || db.failoverUntil === null) return;
  failoverCompleted(sim);
  reconcileDb(sim);
}

/** `db/writerCreated`: a new Aurora writer is up. */
export function ruleWriterCreated(sim: Sim, item: Item): void {
  if (writerCreated(sim, item)) reconcileDb(sim);
}

/** `db/promotionRequested`: an operator (or automation) promotes a replica. */
export function rulePromotionRequested(sim: Sim, item: Item): void {
  const fenced = fenceForPromotion(sim, item);
  if (fenced === null) return;
  if (fenced) reconcileDb(sim);
  requestPromotion(sim, item);
}

/** `db/primaryFailed`: the primary instance fails (its zone stays up). */
export function rulePrimaryFailed(sim: Sim, item: Item): void {
  if (primaryFailed(sim, item)) reconcileDb(sim);
}

/** `db/processRestarted`: a crashed PostgreSQL runs again (as primary if Patroni still holds its key). */
export function ruleProcessRestarted(sim: Sim, item: Item): void {
  if (processRestarted(sim, item)) reconcileDb(sim);
}

/** `db/restartGaveUp`: primary_start_timeout ran out; Patroni releases the key and a replica takes it. */
export function ruleRestartGaveUp(sim: Sim, item: Item): void {
  if (!restartGaveUp(sim, item)) return;
  startFailover(sim, sim.t, 'released');
  reconcileDb(sim);
}

/** `db/instanceRepaired`: a failed instance is repaired. */
export function ruleInstanceRepaired(sim: Sim, item: Item): void {
  if (instanceRepaired(sim, item)) reconcileDb(sim);
}

/** A partition healed: fenced nodes rejoin (as replicas, once they have caught up). */
export function partitionHealed(sim: Sim): void {
  const db = sim.db;
  if (db === null) return;
  db.nodes.forEach((node) => {
    if (!node.fenced) return;
    node.fenced = false;
    log(sim, 'db/nodeRejoined', `the fenced old primary in zone ${zoneName(sim, node.zone)} rejoins as a replica; what only it had is discarded`, {
      zone: node.zone,
    });
  });
  reconcileDb(sim);
}

const RANK: Record<DbRole, number> = {primary: 4, standby: 3, replica: 2, down: 1, none: 0};

/** The database part of a segment. */
export function dbSegment(sim: Sim): DbSegment | null {
  const db = sim.db;
  if (db === null) return null;
  const spec = sim.model.database;
  const roles: Record<string, DbRole> = {};
  for (const z of sim.model.zones) roles[z] = 'none';
  let anyReplica = false;
  db.nodes.forEach((node, i) => {
    const name = sim.model.zones[node.zone];
    if (name === undefined) return;
    let role: DbRole;
    if (i === db.primary) role = 'primary';
    else if (!reachable(sim, i) || (db.recreating && i === db.lastPrimary)) role = 'down';
    else {
      role = spec.kind === 'multi-az-instance' ? 'standby' : 'replica';
      anyReplica = true;
    }
    if (RANK[role] > RANK[roles[name]!]) roles[name] = role;
  });
  const lag = spec.replication === 'async' && db.primary !== null && anyReplica ? currentLag(sim) : 0;
  return {roles, writable: db.writable, readable: db.readable, replicaLagSeconds: lag};
}
