/**
 * Replication and acknowledgement: which nodes receive the primary's writes, how far a
 * copy is behind, when commits stall for want of an acknowledgement, and whether the
 * database takes writes and serves reads right now.
 */
import {AURORA_STORAGE} from '../defaults';
import {connected, fmt, log, schedule, zoneUp, type Item, type Sim} from '../state';

/** Node `i` is up, not fenced and in a zone that is up. */
export function reachable(sim: Sim, i: number): boolean {
  const node = sim.db!.nodes[i]!;
  return !node.instanceFailed && !node.fenced && !node.processDown && zoneUp(sim, node.zone);
}

/** Node `i` is up and on the primary's side of any partition (so it receives the primary's writes). */
export function linked(sim: Sim, i: number): boolean {
  const db = sim.db!;
  if (!reachable(sim, i)) return false;
  return db.primary === null || connected(sim, db.nodes[i]!.zone, db.nodes[db.primary]!.zone);
}

/** Current asynchronous replica lag, seconds (a spike replaces the base lag while it lasts). */
export function currentLag(sim: Sim): number {
  const spikes = sim.db?.lagSpikes ?? [];
  return spikes.length > 0 ? Math.max(...spikes) : sim.model.database.lagSeconds;
}

/** Up to when a replica that keeps up holds every acknowledged write, now. */
export function liveFrontier(sim: Sim): number {
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

/**
 * Self-managed semi-sync: with no replica acknowledging, commits stall for the timeout,
 * then go on asynchronously; a replica that acknowledges again restores semi-sync.
 */
export function trackSemiSync(sim: Sim, reachableReplicas: number): void {
  const db = sim.db!;
  const spec = sim.model.database;
  if (spec.kind !== 'self-managed' || spec.replication !== 'semi-sync') return;
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

/** Whether the database takes writes and serves reads now; logs a change. */
export function updateAvailability(sim: Sim): void {
  const db = sim.db!;
  const spec = sim.model.database;
  let reachableReplicas = 0;
  for (let i = 0; i < db.nodes.length; i++) if (i !== db.primary && linked(sim, i)) reachableReplicas++;
  let writable = db.primary !== null && db.failoverUntil === null && !db.semiSyncStalled;
  const waitingForAcks = writable && spec.requiredAcks > 0 && reachableReplicas < spec.requiredAcks;
  if (waitingForAcks) writable = false;
  let readable = db.primary !== null || (spec.replicasReadable && reachableReplicas > 0);
  if (spec.kind === 'aurora') {
    const copies = storageCopiesUp(sim);
    if (copies < AURORA_STORAGE.writeQuorum) writable = false;
    if (copies < AURORA_STORAGE.readQuorum) readable = false;
  }
  if (writable !== db.writable || readable !== db.readable) {
    if (writable !== db.writable) {
      const why = waitingForAcks
        ? `: no standby can acknowledge a commit, so commits wait (clients see their writes hang until their own timeout)`
        : '';
      log(sim, writable ? 'db/writesResumed' : 'db/writesStopped', writable ? 'database accepts writes again' : `database stops accepting writes${why}`);
    }
    db.writable = writable;
    db.readable = readable;
    sim.dirty = true;
  }
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
