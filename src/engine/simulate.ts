/**
 * The simulation loop. Faults, actions and the consequences they schedule sit
 * in one priority queue; each item is handled by a small named rule. After all
 * items at one instant are handled, routing is recomputed once and a new
 * piecewise-constant segment starts. Nothing happens between items, so the cost
 * grows with what happens, not with simulated seconds.
 */
import {
  createDb,
  dbSegment,
  reconcileDb,
  ruleFailoverCompleted,
  ruleInstanceRepaired,
  ruleLagSpike,
  rulePrimaryFailed,
  rulePromotionRequested,
  ruleSemiSyncFellBack,
  ruleWriterCreated,
  dbReachFrom,
  partitionHealed,
  partitionStarted,
  ruleLeaderLockLost,
  ruleProcessRestarted,
  ruleRestartGaveUp,
} from './database';
import {rulePartitionHealed, rulePartitionMarked, rulePartitionRestored, rulePartitionStarted} from './partition';
import {computeFlows, type FlowInput, type FlowResult, type FlowTarget} from './loadBalancer';
import {nodePhases} from './healthChecks';
import {EventQueue} from './queue';
import {nextFloat, seedRng} from './rng';
import {
  createInitialTasks,
  killZoneTasks,
  ruleDrainFinished,
  ruleTargetHealthy,
  ruleTargetMarkedUnhealthy,
  ruleTaskCrashed,
  ruleTaskReady,
  ruleTaskStopNoticed,
  zoneReturned,
} from './scheduler';
import {ageSessions, initSessions} from './sessions';
import {
  checkAlarms,
  ruleAlarmFired,
  ruleAutoshiftStarted,
  ruleShiftEnded,
  startShift,
  zoneImpairmentEnded,
  zoneImpairmentStarted,
} from './zonalShift';
import {activePartition, connected, fmt, log, loseSessions, schedule, zoneName, type Item, type Sim, type TaskRec} from './state';
import {summarize} from './summary';
import {DAILY_STEP_SECONDS, rateAt, requestClasses} from './traffic';
import type {
  Model,
  ResolvedModel,
  Segment,
  SimulationResult,
  TargetSegment,
  TaskState,
  ZoneSegment,
} from './types';
import {validateModel} from './validate';

/** How `simulate` runs a model (not part of the model: the same model, run another way). */
export interface SimulateOptions {
  /**
   * `'random'` (default): every drawn duration (a database failover's time) comes from the
   * model's seeded generator. `'worst'`: each takes its documented worst case, the top of
   * its range, as grading does so that no design passes on a lucky draw.
   */
  draws?: 'random' | 'worst';
}

function createSim(model: ResolvedModel, options: SimulateOptions): Sim {
  const zoneCount = model.zones.length;
  let rng = seedRng(model.seed);
  const [u, next] = nextFloat(rng);
  rng = next;
  const sim: Sim = {
    model,
    t: 0,
    rng,
    worstDraws: options.draws === 'worst',
    queue: new EventQueue<Item>(),
    seq: 0,
    events: [],
    dirty: true,
    tasks: [],
    nextSeq: new Array<number>(zoneCount).fill(1),
    pendingLaunches: 0,
    rebalanceInFlight: false,
    // Each zone's load balancer node checks on its own seeded schedule (see healthChecks.ts).
    phases: nodePhases(model.seed, Math.floor(u * model.loadBalancer.healthCheck.intervalSeconds), zoneCount, model.loadBalancer.healthCheck.intervalSeconds),
    nodes: model.zones.flatMap((z, i) => (model.loadBalancer.zones.includes(z) ? [i] : [])),
    zoneDown: new Array<number>(zoneCount).fill(0),
    gray: model.zones.map(() => []),
    partition: null,
    partitionGen: 0,
    shiftedZone: null,
    shiftSource: null,
    shiftGen: 0,
    alarmBreachSince: new Array<number | null>(zoneCount).fill(null),
    alarmGen: new Array<number>(zoneCount).fill(0),
    db: null,
    rate: rateAt(model.traffic, 0),
    sessionsLost: 0,
    unplacedSessions: 0,
    sessionsAgedAt: 0,
    sessionLossT: -1,
    sessionLossAtT: 0,
    writesLost: 0,
    recoveryPoint: 0,
    writeMarks: [],
  };
  createInitialTasks(sim);
  initSessions(sim);
  sim.db = createDb(sim);
  return sim;
}

function scheduleInputs(sim: Sim): void {
  const {model} = sim;
  const end = model.durationSeconds;
  const zi = (z: string): number => model.zones.indexOf(z);
  for (const f of model.faults) {
    switch (f.kind) {
      case 'zoneOutage':
        schedule(sim, f.at, 'zone/failed', {zone: zi(f.zone)});
        if (f.at + f.duration < end) schedule(sim, f.at + f.duration, 'zone/recovered', {zone: zi(f.zone)});
        break;
      case 'taskCrash':
        schedule(sim, f.at, 'task/crashed', {text: f.task});
        break;
      case 'primaryFailure':
        schedule(sim, f.at, 'db/primaryFailed', {
          ...(f.duration === undefined ? {} : {value: f.duration}),
          ...(f.failed === 'process' ? {text: 'process'} : {}),
        });
        break;
      case 'replicationLagSpike':
        schedule(sim, f.at, 'db/lagSpikeStarted', {value: f.lagSeconds});
        if (f.at + f.duration < end) schedule(sim, f.at + f.duration, 'db/lagSpikeEnded', {value: f.lagSeconds});
        break;
      case 'zonePartition':
        schedule(sim, f.at, 'partition/started', {zone: zi(f.zone), value: f.duration});
        break;
      case 'grayFailure':
        schedule(sim, f.at, 'zone/grayFailureStarted', {zone: zi(f.zone), value: f.errorShare});
        if (f.at + f.duration < end) {
          schedule(sim, f.at + f.duration, 'zone/grayFailureEnded', {zone: zi(f.zone), value: f.errorShare});
        }
        break;
    }
  }
  for (const a of model.actions) {
    switch (a.kind) {
      case 'zonalShift':
        schedule(sim, a.at, 'shift/started', {zone: zi(a.zone), value: a.at + a.duration});
        break;
      case 'promoteReplica':
        schedule(sim, a.at, 'db/promotionRequested', a.zone === undefined ? {text: 'operator'} : {text: 'operator', zone: zi(a.zone)});
        break;
      case 'zonalAutoshift':
      case 'alarmZonalShift':
        break;
    }
  }
  if (model.traffic.curve === 'daily' && DAILY_STEP_SECONDS < end) {
    schedule(sim, DAILY_STEP_SECONDS, 'traffic/rateChanged');
  }
}

/** Zone `z` is the zone a partition cuts off right now. */
function cutOff(sim: Sim, z: number): boolean {
  return activePartition(sim)?.zone === z;
}

function combinedGray(shares: number[]): number {
  let ok = 1;
  for (const s of shares) ok *= 1 - s;
  return 1 - ok;
}

const RULES: Record<Item['rule'], (sim: Sim, item: Item) => void> = {
  'zone/failed': (sim, item) => {
    const z = item.zone!;
    sim.zoneDown[z]!++;
    if (sim.zoneDown[z]! > 1) return;
    sim.dirty = true;
    log(sim, 'zone/failed', `zone ${zoneName(sim, z)} failed`, {zone: z});
    killZoneTasks(sim, z);
    zoneImpairmentStarted(sim, z);
    const {service} = sim.model;
    if (service.sessionStore === 'single-zone' && service.sessionStoreZone === sim.model.zones[z]) {
      loseSessions(sim, sim.model.traffic.activeSessions, `the session store in zone ${zoneName(sim, z)} failed`);
    }
    if (service.zonalDependency !== null && service.zonalDependency.zone === sim.model.zones[z]) {
      log(sim, 'dependency/failed', `${service.zonalDependency.name} in zone ${zoneName(sim, z)} is down for every task`, {zone: z});
    }
    reconcileDb(sim);
  },
  'zone/recovered': (sim, item) => {
    const z = item.zone!;
    sim.zoneDown[z]!--;
    if (sim.zoneDown[z]! > 0) return;
    sim.dirty = true;
    log(sim, 'zone/recovered', `zone ${zoneName(sim, z)} is back`, {zone: z});
    zoneReturned(sim, z);
    reconcileDb(sim);
    zoneImpairmentEnded(sim, z);
  },
  'task/crashed': ruleTaskCrashed,
  'task/ready': ruleTaskReady,
  'lb/targetMarkedUnhealthy': ruleTargetMarkedUnhealthy,
  'lb/targetHealthy': ruleTargetHealthy,
  'scheduler/taskStopNoticed': ruleTaskStopNoticed,
  'scheduler/drainFinished': ruleDrainFinished,
  'zone/grayFailureStarted': (sim, item) => {
    const z = item.zone!;
    sim.gray[z]!.push(item.value!);
    sim.dirty = true;
    log(
      sim,
      'zone/grayFailureStarted',
      `gray failure in zone ${zoneName(sim, z)}: ${fmt(item.value! * 100)}% of requests served there fail, health checks still pass`,
      {zone: z},
    );
  },
  'zone/grayFailureEnded': (sim, item) => {
    const z = item.zone!;
    const list = sim.gray[z]!;
    const i = list.indexOf(item.value!);
    if (i >= 0) list.splice(i, 1);
    sim.dirty = true;
    log(sim, 'zone/grayFailureEnded', `gray failure in zone ${zoneName(sim, z)} ended`, {zone: z});
  },
  'shift/started': (sim, item) => startShift(sim, item.zone!, 'operator', item.value!),
  'shift/ended': ruleShiftEnded,
  'autoshift/started': ruleAutoshiftStarted,
  'alarm/fired': ruleAlarmFired,
  'db/primaryFailed': rulePrimaryFailed,
  'db/instanceRepaired': ruleInstanceRepaired,
  'db/failoverCompleted': ruleFailoverCompleted,
  'db/semiSyncFellBack': ruleSemiSyncFellBack,
  'db/lagSpikeStarted': (sim, item) => ruleLagSpike(sim, item, true),
  'db/lagSpikeEnded': (sim, item) => ruleLagSpike(sim, item, false),
  'db/promotionRequested': rulePromotionRequested,
  'db/writerCreated': ruleWriterCreated,
  'partition/started': (sim, item) => {
    rulePartitionStarted(sim, item);
    partitionStarted(sim);
    zoneImpairmentStarted(sim, item.zone!);
  },
  'partition/marked': rulePartitionMarked,
  'partition/healed': (sim, item) => {
    const z = sim.partition?.zone;
    rulePartitionHealed(sim, item);
    partitionHealed(sim);
    if (z !== undefined) zoneImpairmentEnded(sim, z);
  },
  'partition/restored': rulePartitionRestored,
  'db/leaderLockLost': ruleLeaderLockLost,
  'db/processRestarted': ruleProcessRestarted,
  'db/restartGaveUp': ruleRestartGaveUp,
  'traffic/rateChanged': (sim) => {
    sim.rate = rateAt(sim.model.traffic, sim.t);
    sim.dirty = true;
    if (sim.t + DAILY_STEP_SECONDS < sim.model.durationSeconds) schedule(sim, sim.t + DAILY_STEP_SECONDS, 'traffic/rateChanged');
  },
};

type SegmentContent = Omit<Segment, 'from' | 'to'>;

function taskState(t: TaskRec): TaskState {
  if (t.status === 'dead') return 'dead';
  if (t.lb === 'draining') return 'draining';
  if (t.lb === 'unhealthy') return 'unhealthy';
  if (t.lb === 'healthy' && t.status === 'running') return 'healthy';
  return 'starting';
}

function buildSegment(sim: Sim): {content: SegmentContent; flows: FlowResult} {
  const {model} = sim;
  const zoneCount = model.zones.length;
  const lbEnabled = model.zones.map((z) => model.loadBalancer.zones.includes(z));
  const flowTargets: FlowTarget[] = [];
  const visible: TaskRec[] = [];
  // Per visible task: its index among the flow targets, or -1 if it is not registered.
  const flowIndex: number[] = [];
  for (const t of sim.tasks) {
    if (t.removed) continue;
    visible.push(t);
    if (t.lb === 'healthy' || t.lb === 'unhealthy') {
      flowIndex.push(flowTargets.length);
      flowTargets.push({zone: t.zone, view: t.view, alive: t.status === 'running', capacity: model.service.capacityPerTask});
    } else flowIndex.push(-1);
  }
  const db = sim.db;
  const dep = model.service.zonalDependency;
  const storeZone = model.zones.indexOf(model.service.sessionStoreZone);
  const zoneIndexes = model.zones.map((_, z) => z);
  const dbReach = activePartition(sim) === null ? null : dbReachFrom(sim);
  const input: FlowInput = {
    targets: flowTargets,
    zoneCount,
    nodeUsable: lbEnabled.map((en, z) => en && sim.zoneDown[z] === 0 && sim.shiftedZone !== z),
    targetZoneRoutable: lbEnabled.map((en, z) => en && sim.shiftedZone !== z),
    crossZone: model.loadBalancer.crossZone,
    partitionZone: activePartition(sim)?.zone ?? null,
    grayShare: sim.gray.map(combinedGray),
    rate: sim.rate,
    retries: model.clients.retries,
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
  };
  const flows = computeFlows(input);
  const zones: ZoneSegment[] = model.zones.map((zone, z) => ({
    zone,
    status: sim.zoneDown[z]! > 0 ? 'down' : 'up',
    impaired: sim.gray[z]!.length > 0,
    shifted: sim.shiftedZone === z,
    partitioned: cutOff(sim, z),
    healthy: 0,
    starting: 0,
    unhealthy: 0,
    draining: 0,
    dead: 0,
    capacity: 0,
    errorRate: flows.zoneAttempts[z]! > 0 ? flows.zoneFailed[z]! / flows.zoneAttempts[z]! : 0,
    // Queues are not modelled yet: a request waits for nothing but its own work.
    queueSeconds: 0,
  }));
  const targets: TargetSegment[] = visible.map((t, i) => {
    const state = taskState(t);
    const zs = zones[t.zone]!;
    zs[state]++;
    if (state === 'healthy') zs.capacity += model.service.capacityPerTask;
    const j = flowIndex[i]!;
    const lbState = t.lb === 'healthy' && !lbEnabled[t.zone] ? 'unused' : t.lb;
    return {
      id: t.id,
      zone: model.zones[t.zone]!,
      state,
      lbState,
      served: j < 0 ? 0 : flows.targetServed[j]!,
      failed: j < 0 ? 0 : flows.targetFailed[j]!,
    };
  });
  const latency = flows.served > 0 ? model.service.serviceTimeSeconds : 0;
  return {
    content: {
      offered: flows.offered,
      served: flows.served,
      failed: flows.failed,
      failedByCause: flows.failedByCause,
      attempts: flows.attempts,
      firstAttempts: flows.offered,
      retries: flows.attempts - flows.offered,
      capacity: zones.reduce((sum, z) => sum + z.capacity, 0),
      // Timeouts, shedding and queueing are not modelled yet: nothing times out or is shed, and
      // a served request takes its service time.
      timedOut: 0,
      shed: 0,
      wasted: 0,
      latencyP50: latency,
      latencyP99: latency,
      writesServed: flows.writesServed,
      zones,
      db: dbSegment(sim),
      targets,
    },
    flows,
  };
}

/**
 * Runs the model and returns its segments, event log and summary.
 *
 * Pure and deterministic: the same model (including `seed`) always gives the
 * same result, bit for bit. Throws {@link ModelError} for an invalid model.
 * Expand the segments with `toTimeline` when you need per-second data.
 *
 * @example
 * const result = simulate({zones: ['a', 'b'], service: {desiredCount: 2},
 *   faults: [zoneOutage('a', {at: 300, duration: 600})]});
 * result.summary.availability; // ≈ 0.99
 */
export function simulate(model: Model, options: SimulateOptions = {}): SimulationResult {
  const resolved = validateModel(model);
  const sim = createSim(resolved, options);
  const end = resolved.durationSeconds;
  scheduleInputs(sim);
  reconcileDb(sim);
  const segments: Segment[] = [];
  let segStart = 0;
  let current = buildSegment(sim);
  sim.writeMarks.push({from: 0, cum: 0, rate: current.content.writesServed});
  checkAlarms(sim, current.flows);

  for (;;) {
    const head = sim.queue.peek();
    if (head === undefined || head.t >= end) break;
    const t = head.t;
    // Close the running segment first, so a rule at `t` can read writes up to `t`.
    if (t > segStart) {
      segments.push({from: segStart, to: t, ...current.content});
      const last = sim.writeMarks[sim.writeMarks.length - 1]!;
      sim.writeMarks.push({from: t, cum: last.cum + last.rate * (t - last.from), rate: last.rate});
      segStart = t;
    }
    sim.t = t;
    sim.dirty = false;
    ageSessions(sim);
    while (sim.queue.peek()?.t === t) {
      const item = sim.queue.pop()!;
      RULES[item.rule](sim, item);
    }
    if (sim.dirty) {
      current = buildSegment(sim);
      sim.writeMarks[sim.writeMarks.length - 1]!.rate = current.content.writesServed;
      checkAlarms(sim, current.flows);
    }
  }
  segments.push({from: segStart, to: end, ...current.content});
  const merged = mergeSegments(segments);
  return {
    model: resolved,
    segments: merged,
    events: sim.events,
    healthCheckPhases: Object.fromEntries(sim.nodes.map((k) => [resolved.zones[k]!, sim.phases[k]!])),
    summary: summarize(resolved, merged, {
      sessionsLost: sim.sessionsLost,
      writesLost: sim.writesLost,
      recoveryPointSeconds: sim.recoveryPoint,
      // Retries are instant and nothing queues yet, so nothing is under way at the end.
      inFlightAtEnd: 0,
    }),
  };
}

/** Joins neighbouring segments whose content is the same object (nothing changed between them). */
function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.targets === s.targets && prev.to === s.from) prev.to = s.to;
    else out.push(s);
  }
  return out;
}
