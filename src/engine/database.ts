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
import {AURORA_STORAGE, PATRONI} from './defaults';
import {activePartition, connected, drawSeconds, fmt, fmtCount, log, schedule, zoneName, zoneUp, type DbState, type Item, type Sim} from './state';
import type {DbRole, DbSegment} from './types';

/** Builds the database state at t = 0 (node 0 is primary). */
export function createDb(sim: Sim): DbState | null {
  const spec = sim.model.database;
  if (spec.kind === 'none') return null;
  const db: DbState = {
    nodes: spec.nodeZones.map((z) => ({zone: sim.model.zones.indexOf(z), instanceFailed: false, frozen: null, fenced: false})),
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
    writable: true,
    readable: true,
  };
  return db;
}

function reachable(sim: Sim, i: number): boolean {
  const node = sim.db!.nodes[i]!;
  return !node.instanceFailed && !node.fenced && zoneUp(sim, node.zone);
}

/** Node `i` is up and on the primary's side of any partition (so it receives the primary's writes). */
function linked(sim: Sim, i: number): boolean {
  const db = sim.db!;
  if (!reachable(sim, i)) return false;
  return db.primary === null || connected(sim, db.nodes[i]!.zone, db.nodes[db.primary]!.zone);
}

/**
 * Whether node `i` may be primary. Self-managed clusters use Patroni's leader lock in a
 * DCS (etcd) with, as the model assumes, one member in each zone: during a partition only
 * the side holding a majority of the members can hold the lock. With two zones neither
 * side has one. Other kinds have no such rule.
 */
function canLead(sim: Sim, i: number): boolean {
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

/** Current asynchronous replica lag, seconds (a spike replaces the base lag while it lasts). */
export function currentLag(sim: Sim): number {
  const spikes = sim.db?.lagSpikes ?? [];
  return spikes.length > 0 ? Math.max(...spikes) : sim.model.database.lagSeconds;
}

/** Up to when a replica that keeps up holds every acknowledged write, now. */
function liveFrontier(sim: Sim): number {
  if (sim.model.database.replication === 'async') return Math.max(0, sim.t - currentLag(sim));
  return sim.t;
}

function storageCopiesUp(sim: Sim): number {
  let up = 0;
  for (const name of sim.model.database.storageZones) {
    if (zoneUp(sim, sim.model.zones.indexOf(name))) up += AURORA_STORAGE.copiesPerZone;
  }
  return up;
}

/** Acknowledged writes between times `a` and `b` (from the closed and open segments). */
export function writesBetween(sim: Sim, a: number, b: number): number {
  return Math.max(0, cumulativeWrites(sim, b) - cumulativeWrites(sim, a));
}

function cumulativeWrites(sim: Sim, x: number): number {
  const marks = sim.writeMarks;
  let lo = 0;
  let hi = marks.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (marks[mid]!.from <= x) lo = mid;
    else hi = mid - 1;
  }
  const m = marks[lo]!;
  return m.cum + m.rate * Math.max(0, x - m.from);
}

function nodeLabel(sim: Sim, i: number): string {
  const spec = sim.model.database;
  const role = i === sim.db!.lastPrimary ? 'old primary' : spec.kind === 'multi-az-instance' ? 'standby' : 'replica';
  return `${role} in zone ${zoneName(sim, sim.db!.nodes[i]!.zone)}`;
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
  if (db.primary === null && db.failoverUntil === null && !db.recreating) {
    const lp = db.lastPrimary;
    if (spec.kind === 'aurora' && db.nodes.length === 1) {
      if (zoneUp(sim, db.nodes[lp]!.zone)) startRecreate(sim, db.nodes[lp]!.zone);
    } else if (reachable(sim, lp) && canLead(sim, lp)) {
      db.primary = lp;
      db.nodes[lp]!.frozen = null;
      db.lostAt = null;
      db.waiting = false;
      log(sim, 'db/primaryRecovered', `database primary in zone ${zoneName(sim, db.nodes[lp]!.zone)} is back; no acknowledged write was lost`, {
        zone: db.nodes[lp]!.zone,
      });
    } else if (db.waiting && pickCandidate(sim) !== null) {
      startFailover(sim);
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
    if (spec.kind === 'self-managed' && spec.replication === 'semi-sync') {
      if (reachableReplicas === 0 && !db.semiSyncStalled && !db.semiSyncFallback) {
        db.semiSyncStalled = true;
        db.semiSyncGen++;
        schedule(sim, sim.t + spec.semiSyncTimeoutSeconds, 'db/semiSyncFellBack', {gen: db.semiSyncGen});
        log(sim, 'db/semiSyncStalled', `no replica acknowledges; commits wait up to ${fmt(spec.semiSyncTimeoutSeconds)} s`);
      } else if (reachableReplicas > 0 && (db.semiSyncStalled || db.semiSyncFallback)) {
        db.semiSyncStalled = false;
        db.semiSyncFallback = false;
        db.semiSyncGen++;
        log(sim, 'db/semiSyncRestored', 'a replica acknowledges again; back to semi-synchronous commits');
      }
    }
  }
  updateAvailability(sim);
}

/**
 * A partition started: replicas across it stop receiving (reconcile). With Patroni, a primary
 * on the side without the DCS majority cannot renew its leader lock: the renewal fails within
 * one loop_wait plus retry_timeout and the primary demotes itself, before the lock expires;
 * the other side takes the lock once it expires. Only a node that can lead becomes primary
 * during the cut, so this is the one moment a primary can find itself on the wrong side.
 */
export function partitionStarted(sim: Sim): void {
  const db = sim.db;
  if (db === null) return;
  reconcileDb(sim);
  const p = activePartition(sim)!;
  if (db.primary === null || canLead(sim, db.primary)) return;
  const {failoverSeconds} = sim.model.database;
  const ttl = failoverSeconds.min;
  const loopWait = failoverSeconds.max - failoverSeconds.min;
  // Patroni keeps loop_wait + 2 × retry_timeout within ttl, so the demotion never comes after expiry.
  schedule(sim, p.at + Math.min(ttl, loopWait + PATRONI.retryTimeoutSeconds), 'db/leaderLockLost', {gen: p.gen});
}

/** `db/leaderLockLost`: the primary cut off from the DCS majority demotes itself. */
export function ruleLeaderLockLost(sim: Sim, item: Item): void {
  const db = sim.db!;
  const p = activePartition(sim);
  if (p === null || item.gen !== p.gen || db.primary === null || canLead(sim, db.primary)) return;
  log(
    sim,
    'db/leaderLockLost',
    `Patroni demotes the primary in zone ${zoneName(sim, db.nodes[db.primary]!.zone)}: it cannot renew its leader lock from its side of the partition`,
    {zone: db.nodes[db.primary]!.zone},
  );
  // The lock stopped being renewed when the cut began: the other side's clock runs from then.
  primaryLost(sim, p.at);
  updateAvailability(sim);
}

function updateAvailability(sim: Sim): void {
  const db = sim.db!;
  const spec = sim.model.database;
  let reachableReplicas = 0;
  for (let i = 0; i < db.nodes.length; i++) if (i !== db.primary && linked(sim, i)) reachableReplicas++;
  let writable = db.primary !== null && db.failoverUntil === null && !db.semiSyncStalled;
  if (writable && spec.requiredAcks > 0 && reachableReplicas < spec.requiredAcks) writable = false;
  let readable = db.primary !== null || (spec.replicasReadable && reachableReplicas > 0);
  if (spec.kind === 'aurora') {
    const copies = storageCopiesUp(sim);
    if (copies < AURORA_STORAGE.writeQuorum) writable = false;
    if (copies < AURORA_STORAGE.readQuorum) readable = false;
  }
  if (writable !== db.writable || readable !== db.readable) {
    if (writable !== db.writable) {
      log(sim, writable ? 'db/writesResumed' : 'db/writesStopped', writable ? 'database accepts writes again' : 'database stops accepting writes');
    }
    db.writable = writable;
    db.readable = readable;
    sim.dirty = true;
  }
}

/** The primary is gone; `clockFrom` is when an automatic failover's clock started (default now). */
function primaryLost(sim: Sim, clockFrom?: number): void {
  const db = sim.db!;
  const spec = sim.model.database;
  const p = db.primary!;
  const live = liveFrontier(sim);
  db.nodes.forEach((node, i) => {
    if (i !== p && node.frozen === null) node.frozen = live;
  });
  db.nodes[p]!.frozen = sim.t;
  db.lastPrimary = p;
  db.primary = null;
  db.lostAt = sim.t;
  db.semiSyncStalled = false;
  db.semiSyncFallback = false;
  db.semiSyncGen++;
  sim.dirty = true;
  log(sim, 'db/primaryLost', `database primary in zone ${zoneName(sim, db.nodes[p]!.zone)} lost; writes fail`, {
    zone: db.nodes[p]!.zone,
  });
  if (spec.failover === 'none') {
    log(sim, 'db/noFailover', 'single-zone database: writes fail until the instance is back');
  } else if (spec.failover === 'manual' && db.nodes[p]!.fenced) {
    // An operator fenced it to promote a replica: the promotion follows.
  } else if (spec.failover === 'manual') {
    if (spec.autoPromoteAfterSeconds !== null) {
      schedule(sim, sim.t + spec.autoPromoteAfterSeconds, 'db/promotionRequested', {text: 'automation'});
      log(sim, 'db/promotionScheduled', `automation will promote the replica at t=${fmt(sim.t + spec.autoPromoteAfterSeconds)} s`);
    } else {
      log(sim, 'db/waitingForOperator', 'no automatic failover: writes fail until an operator promotes the replica');
    }
  } else if (spec.kind === 'aurora' && db.nodes.length === 1) {
    // A failed instance is replaced in its own zone; a lost zone needs an operator.
    if (zoneUp(sim, db.nodes[p]!.zone)) startRecreate(sim, db.nodes[p]!.zone);
    else {
      log(
        sim,
        'db/noFailover',
        'Aurora has no replica and the writer zone is down: no automatic recovery until the zone returns or an operator creates a writer elsewhere',
      );
    }
  } else {
    startFailover(sim, clockFrom);
  }
}

function startFailover(sim: Sim, clockFrom = sim.t): void {
  const db = sim.db!;
  const spec = sim.model.database;
  const full = spec.failover === 'manual' ? spec.promotionSeconds : drawSeconds(sim, spec.failoverSeconds.min, spec.failoverSeconds.max);
  const d = Math.max(0, clockFrom + full - sim.t);
  db.failoverUntil = sim.t + d;
  db.failoverGen++;
  db.waiting = false;
  schedule(sim, sim.t + d, 'db/failoverCompleted', {gen: db.failoverGen});
  sim.dirty = true;
  log(sim, 'db/failoverStarted', `database failover started; it takes ${fmt(d)} s`);
}

function startRecreate(sim: Sim, zone: number): void {
  const db = sim.db!;
  const spec = sim.model.database;
  db.recreating = true;
  schedule(sim, sim.t + spec.recreateSeconds, 'db/writerCreated', {zone});
  log(sim, 'db/writerCreating', `creating a new Aurora writer in zone ${zoneName(sim, zone)}; it takes ${fmt(spec.recreateSeconds)} s`, {
    zone,
  });
}

function pickCandidate(sim: Sim): number | null {
  const db = sim.db!;
  const spec = sim.model.database;
  const lostAt = db.lostAt ?? sim.t;
  let best: number | null = null;
  let bestValue = -Infinity;
  // Replicas first in priority order; the old primary only if nothing better is up.
  const order = db.nodes.map((_, i) => i).filter((i) => i !== db.lastPrimary);
  order.push(db.lastPrimary);
  for (const i of order) {
    if (!reachable(sim, i) || !canLead(sim, i)) continue;
    const value = spec.replication === 'storage-quorum' ? lostAt : (db.nodes[i]!.frozen ?? lostAt);
    // Lossless modes may promote a copy that stopped early, as long as no write
    // was acknowledged after it stopped (writes block without a synchronous ack).
    if (spec.losslessPromotion && writesBetween(sim, value, lostAt) > 1e-9) continue;
    if (value > bestValue + 1e-9) {
      best = i;
      bestValue = value;
    }
  }
  return best;
}

function promote(sim: Sim, i: number): void {
  const db = sim.db!;
  const spec = sim.model.database;
  const lostAt = db.lostAt ?? sim.t;
  const frontier = spec.replication === 'storage-quorum' ? lostAt : (db.nodes[i]!.frozen ?? lostAt);
  const gap = lostAt - frontier;
  if (gap > 1e-9) {
    const writes = writesBetween(sim, frontier, lostAt);
    sim.writesLost += writes;
    // The recovery point is the window of acknowledged writes lost: none lost, none missed.
    if (writes > 1e-9) sim.recoveryPoint = Math.max(sim.recoveryPoint, gap);
    if (writes > 0) {
      log(
        sim,
        'db/writesLost',
        `${fmtCount(writes)} acknowledged writes lost: the promoted replica was ${fmt(gap)} s behind`,
      );
    }
  }
  const label = nodeLabel(sim, i);
  db.primary = i;
  db.nodes.forEach((node, j) => {
    node.frozen = j === i || linked(sim, j) ? null : (node.frozen ?? sim.t);
  });
  const down = sim.t - lostAt;
  db.lostAt = null;
  db.waiting = false;
  db.lastPrimary = i;
  sim.dirty = true;
  log(sim, 'db/replicaPromoted', `${label} promoted to primary after ${fmt(down)} s without a primary`, {
    zone: db.nodes[i]!.zone,
  });
}

/** `db/failoverCompleted`: promote the best candidate, or wait for one. */
export function ruleFailoverCompleted(sim: Sim, item: Item): void {
  const db = sim.db!;
  if (item.gen !== db.failoverGen || db.failoverUntil === null) return;
  db.failoverUntil = null;
  sim.dirty = true;
  const spec = sim.model.database;
  const cand = pickCandidate(sim);
  if (cand === null) {
    db.waiting = true;
    log(
      sim,
      'db/failoverStalled',
      spec.kind === 'self-managed' && activePartition(sim) !== null
        ? 'no replica is on a side of the partition that holds the DCS majority; the failover waits'
        : spec.losslessPromotion
          ? 'no reachable replica holds every acknowledged write; the failover waits'
          : 'no replica is reachable; the failover waits',
    );
  } else {
    promote(sim, cand);
  }
  reconcileDb(sim);
}

/** `db/writerCreated`: a new Aurora writer is up (storage is shared, so nothing is lost). */
export function ruleWriterCreated(sim: Sim, item: Item): void {
  const db = sim.db!;
  db.recreating = false;
  const node = db.nodes[db.lastPrimary]!;
  node.zone = item.zone!;
  node.instanceFailed = false;
  sim.dirty = true;
  if (!reachable(sim, db.lastPrimary)) {
    log(sim, 'db/writerCreateFailed', `zone ${zoneName(sim, item.zone!)} is down; the new writer did not start`);
    return;
  }
  db.primary = db.lastPrimary;
  node.frozen = null;
  const down = sim.t - (db.lostAt ?? sim.t);
  db.lostAt = null;
  log(sim, 'db/writerCreated', `new Aurora writer in zone ${zoneName(sim, item.zone!)} after ${fmt(down)} s without a writer; shared storage kept every write`, {
    zone: item.zone!,
  });
  reconcileDb(sim);
}

/** `db/promotionRequested`: an operator (or automation) promotes a replica. */
export function rulePromotionRequested(sim: Sim, item: Item): void {
  const db = sim.db!;
  const spec = sim.model.database;
  const who = item.text ?? 'operator';
  if (db.primary !== null) {
    const old = db.primary;
    const oldZone = db.nodes[old]!.zone;
    const cutOff =
      spec.failover === 'manual' &&
      activePartition(sim) !== null &&
      db.nodes.some((node, i) => i !== old && reachable(sim, i) && !connected(sim, node.zone, oldZone));
    if (!cutOff) {
      log(sim, 'db/promotionIgnored', `${who} promotion ignored: the primary is available`);
      return;
    }
    // From the replica's side the primary looks gone. A sound runbook fences it first, so
    // there are never two primaries; what it acknowledged since the replica was cut off is lost.
    log(sim, 'db/primaryFenced', `${who} fences the primary in zone ${zoneName(sim, oldZone)}, cut off by the partition, to promote a replica`, {
      zone: oldZone,
    });
    db.nodes[old]!.fenced = true;
    reconcileDb(sim);
  }
  if (db.failoverUntil !== null || db.recreating) {
    log(sim, 'db/promotionIgnored', `${who} promotion ignored: a failover is already under way`);
    return;
  }
  if (spec.kind === 'aurora' && db.nodes.length === 1) {
    let zone = item.zone ?? -1;
    if (zone < 0) zone = sim.model.zones.findIndex((_, z) => zoneUp(sim, z));
    if (zone < 0 || !zoneUp(sim, zone)) {
      log(sim, 'db/promotionIgnored', `${who} cannot create a writer: the zone is down`);
      return;
    }
    startRecreate(sim, zone);
    return;
  }
  log(sim, 'db/promotionRequested', `${who} promotes a replica`);
  startFailover(sim);
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

/** `db/primaryFailed`: the primary instance fails (its zone stays up). */
export function rulePrimaryFailed(sim: Sim, item: Item): void {
  const db = sim.db!;
  if (db.primary === null) {
    log(sim, 'fault/ignored', 'there is no primary to fail right now');
    return;
  }
  const p = db.primary;
  db.nodes[p]!.instanceFailed = true;
  log(sim, 'db/primaryFailed', `database primary instance in zone ${zoneName(sim, db.nodes[p]!.zone)} failed`, {
    zone: db.nodes[p]!.zone,
  });
  if (item.value !== undefined) schedule(sim, sim.t + item.value, 'db/instanceRepaired', {gen: p});
  reconcileDb(sim);
}

/** `db/instanceRepaired`: a failed instance is repaired. */
export function ruleInstanceRepaired(sim: Sim, item: Item): void {
  const db = sim.db!;
  const node = db.nodes[item.gen!];
  if (node === undefined || !node.instanceFailed) return;
  node.instanceFailed = false;
  log(sim, 'db/instanceRepaired', `database instance in zone ${zoneName(sim, node.zone)} repaired`, {zone: node.zone});
  reconcileDb(sim);
}

/** `db/semiSyncFellBack`: no ack within the timeout, commits go on asynchronously. */
export function ruleSemiSyncFellBack(sim: Sim, item: Item): void {
  const db = sim.db!;
  if (item.gen !== db.semiSyncGen || !db.semiSyncStalled) return;
  db.semiSyncStalled = false;
  db.semiSyncFallback = true;
  log(sim, 'db/semiSyncFellBack', 'semi-sync timed out: commits continue asynchronously, unprotected');
  updateAvailability(sim);
}

/** `db/lagSpikeStarted` and `db/lagSpikeEnded`. */
export function ruleLagSpike(sim: Sim, item: Item, started: boolean): void {
  const db = sim.db!;
  if (started) {
    db.lagSpikes.push(item.value!);
    log(sim, 'db/lagSpikeStarted', `replica lag rises to ${fmt(item.value!)} s`);
  } else {
    const i = db.lagSpikes.indexOf(item.value!);
    if (i >= 0) db.lagSpikes.splice(i, 1);
    log(sim, 'db/lagSpikeEnded', `replica lag back to ${fmt(currentLag(sim))} s`);
  }
  sim.dirty = true;
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
