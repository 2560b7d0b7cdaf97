/**
 * Failover: losing the primary, choosing and promoting a replica (automatically after a
 * drawn time, or when an operator asks), and recreating an Aurora writer. The caller
 * (`index.ts`) reconciles the database after each rule.
 */
import {
  activePartition,
  connected,
  drawShaped,
  fmt,
  fmtCount,
  log,
  schedule,
  zoneName,
  zoneUp,
  type Item,
  type Sim,
} from '../state';
import {canLead, endRestart, lagBytes, lockExpirySeconds, raceSeconds, startRestart, withinLagLimit} from './patroni';
import {linked, liveFrontier, reachable, writesBetween} from './replication';

function nodeLabel(sim: Sim, i: number): string {
  const spec = sim.model.database;
  const role = i === sim.db!.lastPrimary ? 'old primary' : spec.kind === 'multi-az-instance' ? 'standby' : 'replica';
  return `${role} in zone ${zoneName(sim, sim.db!.nodes[i]!.zone)}`;
}

/** The primary is gone; `clockFrom` is when an automatic failover's clock started (default now). */
export function primaryLost(sim: Sim, clockFrom?: number): void {
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
  db.lagRefused = false;
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
  } else if (spec.kind === 'self-managed' && processCrashOnly(sim, p)) {
    startRestart(sim);
  } else {
    startFailover(sim, clockFrom);
  }
}

/** Only PostgreSQL is down on node `i`: the node, its agent and its zone are up. */
function processCrashOnly(sim: Sim, i: number): boolean {
  const node = sim.db!.nodes[i]!;
  return node.processDown && !node.instanceFailed && !node.fenced && zoneUp(sim, node.zone);
}

/**
 * How long an automatic failover (or a promotion) takes. `'lost'`: the primary is gone and,
 * with Patroni, its leader key has to expire first; `'released'`: with Patroni, the key is
 * free already, so a replica takes it within one loop. Managed databases draw from their
 * documented range either way.
 */
function failoverTime(sim: Sim, how: 'lost' | 'released'): number {
  const spec = sim.model.database;
  if (spec.failover === 'manual') return spec.promotionSeconds;
  if (spec.patroni !== null) return how === 'lost' ? lockExpirySeconds(sim) : raceSeconds(sim);
  const {min, max} = spec.failoverSeconds;
  return drawShaped(sim, min, max, spec.failoverShape.typicalMaxSeconds, spec.failoverShape.tailShare);
}

/** Starts a failover that completes `failoverTime` after `clockFrom` (default now). */
export function startFailover(sim: Sim, clockFrom = sim.t, how: 'lost' | 'released' = 'lost'): void {
  const db = sim.db!;
  const full = failoverTime(sim, how);
  const d = Math.max(0, clockFrom + full - sim.t);
  db.failoverUntil = sim.t + d;
  db.failoverGen++;
  db.waiting = false;
  db.operatorPromotion = false;
  schedule(sim, sim.t + d, 'db/failoverCompleted', {gen: db.failoverGen});
  sim.dirty = true;
  log(sim, 'db/failoverStarted', `database failover started; it takes ${fmt(d)} s`);
}

export function startRecreate(sim: Sim, zone: number): void {
  const db = sim.db!;
  const spec = sim.model.database;
  db.recreating = true;
  schedule(sim, sim.t + spec.recreateSeconds, 'db/writerCreated', {zone});
  log(sim, 'db/writerCreating', `creating a new Aurora writer in zone ${zoneName(sim, zone)}; it takes ${fmt(spec.recreateSeconds)} s`, {
    zone,
  });
}

/**
 * The replica to promote: the one holding the most acknowledged writes, among those that
 * can lead, hold every acknowledged write in lossless modes and, unless an operator asked
 * (`ignoreLagLimit`), are within Patroni's `maximum_lag_on_failover`.
 */
export function pickCandidate(sim: Sim, ignoreLagLimit = false): number | null {
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
    if (!ignoreLagLimit && !withinLagLimit(sim, value, lostAt)) continue;
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
  // A new leader ends any restart in place of the old one (an operator promoted a replica meanwhile).
  if (db.restarting) endRestart(sim);
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

/**
 * If the only replicas that could be promoted are further behind than Patroni's
 * `maximum_lag_on_failover`, says so (once for each lost primary) and returns true.
 */
export function logLagRefusal(sim: Sim): boolean {
  const db = sim.db!;
  const spec = sim.model.database;
  const best = spec.patroni === null ? null : pickCandidate(sim, true);
  if (best === null) return false;
  if (db.lagRefused) return true;
  db.lagRefused = true;
  const lostAt = db.lostAt ?? sim.t;
  const behind = lagBytes(sim, db.nodes[best]!.frozen ?? lostAt, lostAt);
  log(
    sim,
    'db/failoverRefused',
    `the ${nodeLabel(sim, best)} is ${fmtCount(behind / 1e6)} MB behind, more than maximum_lag_on_failover (${fmtCount(spec.patroni!.maximumLagOnFailoverBytes / 1e6)} MB): ${spec.replication === 'semi-sync' ? 'the failover manager (Patroni’s rule, which the model assumes for MySQL too)' : 'Patroni'} promotes no replica, and writes fail until an operator promotes one and accepts the loss`,
    {zone: db.nodes[best]!.zone},
  );
  return true;
}

/** `db/failoverCompleted`: promote the best candidate, or wait for one (the caller reconciles). */
export function failoverCompleted(sim: Sim): void {
  const db = sim.db!;
  db.failoverUntil = null;
  sim.dirty = true;
  const spec = sim.model.database;
  const byOperator = db.operatorPromotion;
  db.operatorPromotion = false;
  const cand = pickCandidate(sim, byOperator);
  if (cand === null) {
    db.waiting = true;
    if (!logLagRefusal(sim)) {
      log(
        sim,
        'db/failoverStalled',
        spec.kind === 'self-managed' && activePartition(sim) !== null
          ? 'no replica is on a side of the partition that holds the DCS majority; the failover waits'
          : spec.losslessPromotion
            ? 'no reachable replica holds every acknowledged write; the failover waits'
            : 'no replica is reachable; the failover waits',
      );
    }
  } else {
    promote(sim, cand);
  }
}

/** `db/writerCreated`: a new Aurora writer is up (storage is shared, so nothing is lost); false if its zone is down. */
export function writerCreated(sim: Sim, item: Item): boolean {
  const db = sim.db!;
  db.recreating = false;
  const node = db.nodes[db.lastPrimary]!;
  node.zone = item.zone!;
  node.instanceFailed = false;
  sim.dirty = true;
  if (!reachable(sim, db.lastPrimary)) {
    log(sim, 'db/writerCreateFailed', `zone ${zoneName(sim, item.zone!)} is down; the new writer did not start`);
    return false;
  }
  db.primary = db.lastPrimary;
  node.frozen = null;
  const down = sim.t - (db.lostAt ?? sim.t);
  db.lostAt = null;
  log(sim, 'db/writerCreated', `new Aurora writer in zone ${zoneName(sim, item.zone!)} after ${fmt(down)} s without a writer; shared storage kept every write`, {
    zone: item.zone!,
  });
  return true;
}

/**
 * `db/promotionRequested`, first half: with a primary in place the request is ignored,
 * unless a partition cuts it off from the replicas and the operator fences it (true: the
 * caller reconciles, losing that primary, before {@link requestPromotion}).
 */
export function fenceForPromotion(sim: Sim, item: Item): boolean | null {
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
      return null;
    }
    // From the replica's side the primary looks gone. A sound runbook fences it first, so
    // there are never two primaries; what it acknowledged since the replica was cut off is lost.
    log(sim, 'db/primaryFenced', `${who} fences the primary in zone ${zoneName(sim, oldZone)}, cut off by the partition, to promote a replica`, {
      zone: oldZone,
    });
    db.nodes[old]!.fenced = true;
    return true;
  }
  return false;
}

/** `db/promotionRequested`, second half: start the promotion (or a new Aurora writer). */
export function requestPromotion(sim: Sim, item: Item): void {
  const db = sim.db!;
  const spec = sim.model.database;
  const who = item.text ?? 'operator';
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
  startFailover(sim, sim.t, 'released');
  // An operator names the replica to promote and accepts what it misses (Patroni's lag guard is for its own race).
  db.operatorPromotion = who === 'operator';
}

/** `db/primaryFailed`: the primary instance fails (its zone stays up). */
export function primaryFailed(sim: Sim, item: Item): boolean {
  const db = sim.db!;
  if (db.primary === null) {
    log(sim, 'fault/ignored', 'there is no primary to fail right now');
    return false;
  }
  const p = db.primary;
  const zone = db.nodes[p]!.zone;
  if (item.text === 'process') {
    db.nodes[p]!.processDown = true;
    log(sim, 'db/processCrashed', `PostgreSQL crashes on the primary in zone ${zoneName(sim, zone)}; the node and its Patroni agent stay up`, {zone});
    if (item.value !== undefined) schedule(sim, sim.t + item.value, 'db/processRestarted', {gen: p});
    return true;
  }
  db.nodes[p]!.instanceFailed = true;
  log(sim, 'db/primaryFailed', `database primary instance in zone ${zoneName(sim, zone)} failed`, {zone});
  if (item.value !== undefined) schedule(sim, sim.t + item.value, 'db/instanceRepaired', {gen: p});
  return true;
}

/** `db/processRestarted`: PostgreSQL runs again on its node. */
export function processRestarted(sim: Sim, item: Item): boolean {
  const node = sim.db!.nodes[item.gen!];
  if (node === undefined || !node.processDown) return false;
  node.processDown = false;
  log(sim, 'db/processRestarted', `PostgreSQL runs again on the node in zone ${zoneName(sim, node.zone)}`, {zone: node.zone});
  return true;
}

/** `db/instanceRepaired`: a failed instance is repaired. */
export function instanceRepaired(sim: Sim, item: Item): boolean {
  const db = sim.db!;
  const node = db.nodes[item.gen!];
  if (node === undefined || !node.instanceFailed) return false;
  node.instanceFailed = false;
  log(sim, 'db/instanceRepaired', `database instance in zone ${zoneName(sim, node.zone)} repaired`, {zone: node.zone});
  return true;
}
