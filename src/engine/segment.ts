/**
 * Building one segment: the snapshot of the run at the current instant (tasks, zones, the
 * database) turned into flows, and the flows into the segment a reader sees.
 */
import {clientFlowInput} from './clients/step';
import {dbReachFrom, dbSegment} from './database';
import {computeFlows, type FlowInput, type FlowResult, type FlowTarget} from './flows';
import type {TaskQueue} from './clients/queueing';
import type {NodeView} from './loadBalancer';
import {activePartition, connected, nodeInDns, nodeRoutable, type Sim, type TaskRec} from './state';
import {requestClasses, type SharedOutages} from './traffic';
import type {DbSegment, Segment, TargetSegment, TaskState, ZoneSegment} from './types';
import {zeros} from './zeros';

/** Where each task state is counted per zone (read by name: a lookup by a changing key is slow). */
const STATE_INDEX = {healthy: 0, starting: 1, unhealthy: 2, draining: 3, dead: 4} as const satisfies Record<TaskState, number>;
/** The task states, by their index. */
const TASK_STATES = Object.keys(STATE_INDEX) as TaskState[];
const STATES = TASK_STATES.length;

/** A task's state, as its index in {@link TASK_STATES}. */
function stateIndex(t: TaskRec): number {
  if (t.status === 'dead') return STATE_INDEX.dead;
  if (t.lb === 'draining') return STATE_INDEX.draining;
  if (t.lb === 'unhealthy') return STATE_INDEX.unhealthy;
  if (t.lb === 'healthy' && t.status === 'running') return STATE_INDEX.healthy;
  return STATE_INDEX.starting;
}

function combinedGray(shares: number[]): number {
  let ok = 1;
  for (const s of shares) ok *= 1 - s;
  return 1 - ok;
}

/**
 * Zone `z`'s record, or the last segment's if it would say the same: most steps change no zone,
 * and a record is only made when one does.
 */
function zoneRecord(sim: Sim, z: number, counts: readonly number[], flows: FlowResult, partitioned: boolean): ZoneSegment {
  const at = z * STATES;
  const status = sim.zoneDown[z]! > 0 ? 'down' : 'up';
  const impaired = sim.gray[z]!.length > 0;
  const shifted = sim.shiftedZone === z;
  const healthy = counts[at + STATE_INDEX.healthy]!;
  const starting = counts[at + STATE_INDEX.starting]!;
  const unhealthy = counts[at + STATE_INDEX.unhealthy]!;
  const draining = counts[at + STATE_INDEX.draining]!;
  const dead = counts[at + STATE_INDEX.dead]!;
  const capacity = healthy * sim.model.service.capacityPerTask;
  const errorRate = flows.zoneAttempts[z]! > 0 ? flows.zoneFailed[z]! / flows.zoneAttempts[z]! : 0;
  const queueSeconds = flows.zoneQueueSeconds[z]!;
  const last = sim.shownZones[z];
  if (
    last !== undefined &&
    last.status === status &&
    last.impaired === impaired &&
    last.shifted === shifted &&
    last.partitioned === partitioned &&
    last.healthy === healthy &&
    last.starting === starting &&
    last.unhealthy === unhealthy &&
    last.draining === draining &&
    last.dead === dead &&
    last.capacity === capacity &&
    last.errorRate === errorRate &&
    last.queueSeconds === queueSeconds
  ) {
    return last;
  }
  return {zone: sim.model.zones[z]!, status, impaired, shifted, partitioned, healthy, starting, unhealthy, draining, dead, capacity, errorRate, queueSeconds};
}

/** The database's record, or the last segment's if it says the same (it changes only with a failover or a lag). */
function dbRecord(sim: Sim): DbSegment | null {
  const db = dbSegment(sim);
  const last = sim.shownDb;
  if (db === null || last === null) return db;
  if (last.writable !== db.writable || last.readable !== db.readable || last.replicaLagSeconds !== db.replicaLagSeconds) return db;
  for (const z of sim.model.zones) if (last.roles[z] !== db.roles[z]) return db;
  return last;
}

/** Two queues hold the same runs of requests (tasks with the same history have equal queues). */
function sameQueue(a: TaskQueue, b: TaskQueue): boolean {
  if (a.total !== b.total || a.blocks.length !== b.blocks.length) return false;
  for (let i = 0; i < a.blocks.length; i++) {
    if (a.blocks[i]!.amount !== b.blocks[i]!.amount || a.blocks[i]!.good !== b.blocks[i]!.good) return false;
  }
  return true;
}

/** Every load balancer node (`nodes`: their zones) sees the two alike; routing reads no other entry. */
function sameView(a: readonly NodeView[], b: readonly NodeView[], nodes: readonly number[]): boolean {
  for (const k of nodes) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The flow targets: tasks registered with the load balancer, plus live tasks that left it with
 * requests still queued (they finish them). Tasks alike (same zone, same view from every node,
 * same state, equal queues) are one target with a count: routing and queueing treat them
 * identically, so the flows cost grows with the kinds of task, not their number. Returns the
 * targets, the first task of each and how many tasks a segment shows (those not removed), and
 * sets each task's `flowTarget`.
 */
function flowTargets(sim: Sim): {targets: FlowTarget[]; firsts: TaskRec[]; shown: number} {
  const capacity = sim.model.service.capacityPerTask;
  const targets: FlowTarget[] = [];
  const firsts: TaskRec[] = [];
  // How the nodes see a task that left the load balancer: made when one is met (rarely).
  let none: NodeView[] | null = null;
  let gone = 0;
  let shown = 0;
  for (const t of sim.tasks) {
    t.flowTarget = -1;
    if (t.removed) {
      if (t.queue.total === 0 && t.sessions <= 0) gone++;
      continue;
    }
    shown++;
    const registered = t.lb === 'healthy' || t.lb === 'unhealthy';
    const alive = t.status === 'running';
    if (!registered && !(alive && t.queue.total > 0)) continue;
    const view = registered ? t.view : (none ??= sim.model.zones.map(() => 'out'));
    // The targets made so far in its zone, newest first: tasks of one kind are neighbours.
    let j = -1;
    for (let c = targets.length - 1; c >= 0; c--) {
      const tg = targets[c]!;
      if (tg.zone === t.zone && tg.alive === alive && sameView(tg.view, view, sim.nodes) && sameQueue(firsts[c]!.queue, t.queue)) {
        j = c;
        break;
      }
    }
    if (j < 0) {
      j = targets.length;
      const head = t.queue.blocks[0];
      targets.push({zone: t.zone, view, alive, capacity, count: 0, queued: t.queue.total, headGood: head === undefined || head.good});
      firsts.push(t);
    }
    targets[j]!.count!++;
    t.flowTarget = j;
  }
  // Tasks removed with nothing left on them (no queue to fail, no sessions to age) are forgotten,
  // so that a long run's replaced tasks do not slow every later segment.
  if (gone > 8 && gone * 4 > sim.tasks.length) sim.tasks = sim.tasks.filter((t) => !t.removed || t.queue.total > 0 || t.sessions > 0);
  return {targets, firsts, shown};
}

/**
 * Routes the current instant's traffic and builds the segment that starts now. The simulation
 * loop sets its `to` when the next change comes (until then it is `from`).
 */
export function buildSegment(sim: Sim): {segment: Segment; flows: FlowResult} {
  const {model} = sim;
  const zoneCount = model.zones.length;
  const {targets, firsts, shown} = flowTargets(sim);
  const db = sim.db;
  const dep = model.service.zonalDependency;
  const storeZone = model.zones.indexOf(model.service.sessionStoreZone);
  const partition = activePartition(sim);
  const dbReach = partition === null ? null : dbReachFrom(sim);
  const outages: SharedOutages = {
    dependencyDown: dep !== null && sim.zoneDown[model.zones.indexOf(dep.zone)]! > 0,
    sessionStoreDown: model.service.sessionStore === 'single-zone' && sim.zoneDown[storeZone]! > 0,
    dbWritable: db === null || db.writable,
    dbReadable: db === null || db.readable,
  };
  if (dbReach !== null) {
    outages.reach = {
      dependency: model.zones.map((_, z) => dep === null || connected(sim, z, model.zones.indexOf(dep.zone))),
      sessionStore: model.zones.map((_, z) => connected(sim, z, storeZone)),
      dbWrite: dbReach.write,
      dbRead: dbReach.read,
    };
  }
  const classes = requestClasses(model, outages);
  // After the targets: it empties dead tasks' queues, which their targets have just read.
  const clients = clientFlowInput(sim);
  const input: FlowInput = {
    targets,
    zoneCount,
    nodeUsable: model.zones.map((_, z) => nodeInDns(sim, z)),
    targetZoneRoutable: model.zones.map((_, z) => nodeRoutable(sim, z)),
    crossZone: model.loadBalancer.crossZone,
    partitionZone: partition?.zone ?? null,
    grayShare: sim.gray.map(combinedGray),
    rate: sim.rate,
    classes,
    staleShare: clients.staleShare,
    policy: clients.policy,
    due: clients.due,
    lostRate: clients.lostRate,
    kept: clients.kept,
  };
  const flows = computeFlows(input);
  sim.clients.flows = flows;
  sim.clients.flowFirst = firsts;
  // Tasks per zone and state, counted before the zones' records are made.
  const counts = zeros(zoneCount * STATES);
  // The last segment's list of lines is reused while every line in it is; a new list is made, at
  // its final length, from the first line that differs.
  const prev = sim.shownTargets;
  let targetSegments: TargetSegment[] | null = null;
  let i = 0;
  for (const t of sim.tasks) {
    if (t.removed) continue;
    const index = stateIndex(t);
    const state = TASK_STATES[index]!;
    counts[t.zone * STATES + index]!++;
    const j = t.flowTarget;
    const lbState = t.lb === 'healthy' && !sim.hasNode[t.zone] ? 'unused' : t.lb;
    const served = j < 0 ? 0 : flows.targetServed[j]!;
    const failed = j < 0 ? 0 : flows.targetFailed[j]!;
    // A task whose line has not changed keeps the same object: steps rebuild every segment, but
    // most tasks' lines repeat, and the result holds far fewer objects.
    let line = t.shown;
    if (line === null || line.state !== state || line.lbState !== lbState || line.served !== served || line.failed !== failed) {
      line = {id: t.id, zone: model.zones[t.zone]!, state, lbState, served, failed};
      t.shown = line;
    }
    if (targetSegments === null) {
      if (prev[i] === line) {
        i++;
        continue;
      }
      targetSegments = new Array<TargetSegment>(shown);
      for (let k = 0; k < i; k++) targetSegments[k] = prev[k]!;
    }
    targetSegments[i++] = line;
  }
  if (targetSegments === null) targetSegments = i === prev.length ? prev : prev.slice(0, i);
  sim.shownTargets = targetSegments;
  const zones: ZoneSegment[] = [];
  for (let z = 0; z < zoneCount; z++) zones.push(zoneRecord(sim, z, counts, flows, partition?.zone === z));
  sim.shownZones = zones;
  sim.shownDb = dbRecord(sim);
  return {
    segment: {
      from: sim.t,
      to: sim.t,
      offered: flows.offered,
      served: flows.served,
      failed: flows.failed,
      failedByCause: flows.failedByCause,
      attempts: flows.attempts,
      firstAttempts: flows.offered,
      retries: flows.retries,
      capacity: flows.capacity,
      timedOut: flows.timedOut,
      shed: flows.shed,
      wasted: flows.wasted,
      latencyP50: flows.latencyP50,
      latencyP99: flows.latencyP99,
      writesServed: flows.writesServed,
      zones,
      db: sim.shownDb,
      targets: targetSegments,
    },
    flows,
  };
}
