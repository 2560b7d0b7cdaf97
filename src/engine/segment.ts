/**
 * Building one segment: the snapshot of the run at the current instant (tasks, zones, the
 * database) turned into flows, and the flows into the segment a reader sees.
 */
import {keptFlowInput} from './clients/keepAlive';
import {clientFlowInput, staleCell} from './clients/step';
import {dbReachFrom, dbSegment} from './database';
import {computeFlows, type FlowInput, type FlowResult, type FlowTarget} from './flows';
import {activePartition, connected, nodeInDns, nodeRoutable, type Sim, type TaskRec} from './state';
import {requestClasses} from './traffic';
import type {Segment, TargetSegment, TaskState, ZoneSegment} from './types';

/** A segment without its time span. */
export type SegmentContent = Omit<Segment, 'from' | 'to'>;

function taskState(t: TaskRec): TaskState {
  if (t.status === 'dead') return 'dead';
  if (t.lb === 'draining') return 'draining';
  if (t.lb === 'unhealthy') return 'unhealthy';
  if (t.lb === 'healthy' && t.status === 'running') return 'healthy';
  return 'starting';
}

function combinedGray(shares: number[]): number {
  let ok = 1;
  for (const s of shares) ok *= 1 - s;
  return 1 - ok;
}

/**
 * The flow targets: tasks registered with the load balancer, plus live tasks that left it with
 * requests still queued (they finish them). Returns them with their tasks.
 */
function flowTargets(sim: Sim): {targets: FlowTarget[]; tasks: TaskRec[]; index: Int32Array} {
  const capacity = sim.model.service.capacityPerTask;
  const targets: FlowTarget[] = [];
  const tasks: TaskRec[] = [];
  // Per task of sim.tasks: its index among the flow targets, or −1.
  const index = new Int32Array(sim.tasks.length).fill(-1);
  let i = -1;
  const none = sim.model.zones.map(() => 'out' as const);
  for (const t of sim.tasks) {
    i++;
    if (t.removed) continue;
    const registered = t.lb === 'healthy' || t.lb === 'unhealthy';
    const alive = t.status === 'running';
    if (!registered && !(alive && t.queue.total > 0)) continue;
    const head = t.queue.blocks[0];
    targets.push({
      zone: t.zone,
      view: registered ? t.view : none,
      alive,
      capacity,
      queued: t.queue.total,
      headGood: head === undefined || head.good,
    });
    index[i] = tasks.length;
    tasks.push(t);
  }
  return {targets, tasks, index};
}

/** Routes the current instant's traffic and builds its segment content. */
export function buildSegment(sim: Sim): {content: SegmentContent; flows: FlowResult} {
  const {model} = sim;
  const zoneCount = model.zones.length;
  const lbEnabled = model.zones.map((z) => model.loadBalancer.zones.includes(z));
  const {targets, tasks, index} = flowTargets(sim);
  const db = sim.db;
  const dep = model.service.zonalDependency;
  const storeZone = model.zones.indexOf(model.service.sessionStoreZone);
  const zoneIndexes = model.zones.map((_, z) => z);
  const partition = activePartition(sim);
  const dbReach = partition === null ? null : dbReachFrom(sim);
  const input: FlowInput = {
    targets,
    zoneCount,
    nodeUsable: zoneIndexes.map((z) => nodeInDns(sim, z)),
    targetZoneRoutable: zoneIndexes.map((z) => nodeRoutable(sim, z)),
    crossZone: model.loadBalancer.crossZone,
    partitionZone: partition?.zone ?? null,
    grayShare: sim.gray.map(combinedGray),
    rate: sim.rate,
    classes: requestClasses(model, {
      dependencyDown: dep !== null && sim.zoneDown[model.zones.indexOf(dep.zone)]! > 0,
      sessionStoreDown: model.service.sessionStore === 'single-zone' && sim.zoneDown[storeZone]! > 0,
      dbWritable: db === null || db.writable,
      dbReadable: db === null || db.readable,
      ...(dbReach === null
        ? {}
        : {
            reach: {
              dependency: zoneIndexes.map((z) => dep === null || connected(sim, z, model.zones.indexOf(dep.zone))),
              sessionStore: zoneIndexes.map((z) => connected(sim, z, storeZone)),
              dbWrite: dbReach.write,
              dbRead: dbReach.read,
            },
          }),
    }),
    ...clientFlowInput(sim),
    kept: null,
  };
  Object.assign(input, keptFlowInput(sim, tasks, input.staleShare, staleCell(sim)));
  const flows = computeFlows(input);
  sim.clients.flows = flows;
  sim.clients.flowTasks = tasks;
  const zones: ZoneSegment[] = model.zones.map((zone, z) => ({
    zone,
    status: sim.zoneDown[z]! > 0 ? 'down' : 'up',
    impaired: sim.gray[z]!.length > 0,
    shifted: sim.shiftedZone === z,
    partitioned: partition?.zone === z,
    healthy: 0,
    starting: 0,
    unhealthy: 0,
    draining: 0,
    dead: 0,
    capacity: 0,
    errorRate: flows.zoneAttempts[z]! > 0 ? flows.zoneFailed[z]! / flows.zoneAttempts[z]! : 0,
    queueSeconds: flows.zoneQueueSeconds[z]!,
  }));
  const targetSegments: TargetSegment[] = [];
  for (let i = 0; i < sim.tasks.length; i++) {
    const t = sim.tasks[i]!;
    if (t.removed) continue;
    const state = taskState(t);
    const zs = zones[t.zone]!;
    zs[state]++;
    if (state === 'healthy') zs.capacity += model.service.capacityPerTask;
    const j = index[i]!;
    targetSegments.push({
      id: t.id,
      zone: model.zones[t.zone]!,
      state,
      lbState: t.lb === 'healthy' && !lbEnabled[t.zone] ? 'unused' : t.lb,
      served: j < 0 ? 0 : flows.targetServed[j]!,
      failed: j < 0 ? 0 : flows.targetFailed[j]!,
    });
  }
  return {
    content: {
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
      db: dbSegment(sim),
      targets: targetSegments,
    },
    flows,
  };
}
