/** Validation of the zones, the service (its tasks and sessions) and the scheduler. */
import {
  DEFAULT_CAPACITY_PER_TASK,
  DEFAULT_SCHEDULER_NOTICE_SECONDS,
  DEFAULT_SERVICE_TIME_SECONDS,
  DEFAULT_TASK_START_SECONDS,
  MAX_ZONES,
} from '../defaults';
import {ModelError} from '../errors';
import type {ResolvedModel, ZoneName} from '../types';
import {bool, describe, num, obj, oneOf, zoneRef} from './fields';

/** Most tasks the model accepts. */
const MAX_TASKS = 5000;

/** The model's zone names: 1 to MAX_ZONES distinct names. */
export function validateZones(v: unknown): ZoneName[] {
  if (!Array.isArray(v)) throw new ModelError('zones', `must be an array of zone names, got ${describe(v)}`);
  if (v.length === 0) throw new ModelError('zones', 'needs at least one zone');
  if (v.length > MAX_ZONES) throw new ModelError('zones', `at most ${MAX_ZONES} zones, got ${v.length}`);
  const out: ZoneName[] = [];
  v.forEach((z, i) => {
    if (typeof z !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(z)) {
      throw new ModelError(
        `zones[${i}]`,
        `must be a name of letters, digits, "-" or "_" (at most 32), got ${describe(z)}`,
      );
    }
    if (out.includes(z)) throw new ModelError(`zones[${i}]`, `zone "${z}" is listed twice`);
    out.push(z);
  });
  return out;
}

/** Spreads `count` tasks over the zones like the ECS spread strategy: the first zones get the remainder. */
export function spreadTasks(count: number, zones: readonly ZoneName[]): Record<ZoneName, number> {
  const out: Record<ZoneName, number> = {};
  const base = Math.floor(count / zones.length);
  const rest = count % zones.length;
  zones.forEach((z, i) => {
    out[z] = base + (i < rest ? 1 : 0);
  });
  return out;
}

/** The service's tasks per zone, capacity, start time, sessions, service time and load shedding. */
export function resolveService(v: unknown, zones: readonly ZoneName[]): ResolvedModel['service'] {
  const s = obj('service', v, [
    'desiredCount',
    'tasksPerZone',
    'capacityPerTask',
    'startSeconds',
    'sessionStore',
    'sessionStoreZone',
    'sticky',
    'zonalDependency',
    'serviceTimeSeconds',
    'loadShedding',
  ]);
  let tasksPerZone: Record<ZoneName, number>;
  if (s.tasksPerZone !== undefined) {
    const tpz = obj('service.tasksPerZone', s.tasksPerZone, zones);
    tasksPerZone = {};
    for (const z of zones) {
      // Own keys only: a zone called "constructor" must not read Object.prototype's.
      tasksPerZone[z] = num(`service.tasksPerZone.${z}`, Object.hasOwn(tpz, z) ? tpz[z] : undefined, 0, {min: 0, integer: true, max: MAX_TASKS});
    }
  } else {
    const desired = num('service.desiredCount', s.desiredCount, zones.length, {
      min: 0,
      integer: true,
      max: MAX_TASKS,
    });
    tasksPerZone = spreadTasks(desired, zones);
  }
  const desiredCount = zones.reduce((a, z) => a + (tasksPerZone[z] ?? 0), 0);
  if (desiredCount > MAX_TASKS) throw new ModelError('service.tasksPerZone', `at most ${MAX_TASKS} tasks in all`);
  const sessionStore = oneOf('service.sessionStore', s.sessionStore, [
    'task-memory',
    'single-zone',
    'multi-zone',
  ] as const, 'multi-zone');
  const sessionStoreZone =
    s.sessionStoreZone === undefined ? zones[0]! : zoneRef('service.sessionStoreZone', s.sessionStoreZone, zones);
  let zonalDependency: ResolvedModel['service']['zonalDependency'] = null;
  if (s.zonalDependency !== undefined && s.zonalDependency !== null) {
    const d = obj('service.zonalDependency', s.zonalDependency, ['zone', 'name', 'share'], false);
    if (d.name !== undefined && typeof d.name !== 'string') {
      throw new ModelError('service.zonalDependency.name', `must be a string, got ${describe(d.name)}`);
    }
    zonalDependency = {
      zone: zoneRef('service.zonalDependency.zone', d.zone, zones),
      name: d.name ?? 'zonal dependency',
      share: num('service.zonalDependency.share', d.share, 1, {min: 0, max: 1}),
    };
  }
  return {
    tasksPerZone,
    desiredCount,
    capacityPerTask: num('service.capacityPerTask', s.capacityPerTask, DEFAULT_CAPACITY_PER_TASK, {positive: true}),
    startSeconds: num('service.startSeconds', s.startSeconds, DEFAULT_TASK_START_SECONDS, {min: 0}),
    sessionStore,
    sessionStoreZone,
    sticky: bool('service.sticky', s.sticky, false),
    zonalDependency,
    serviceTimeSeconds: num('service.serviceTimeSeconds', s.serviceTimeSeconds, DEFAULT_SERVICE_TIME_SECONDS, {positive: true, max: 60}),
    loadShedding: bool('service.loadShedding', s.loadShedding, false),
  };
}

/** The scheduler that replaces lost tasks (ECS, or none). */
export function resolveScheduler(v: unknown): ResolvedModel['scheduler'] {
  const sc = obj('scheduler', v, ['kind', 'noticeSeconds', 'rebalance']);
  return {
    kind: oneOf('scheduler.kind', sc.kind, ['ecs', 'none'] as const, 'ecs'),
    noticeSeconds: num('scheduler.noticeSeconds', sc.noticeSeconds, DEFAULT_SCHEDULER_NOTICE_SECONDS, {min: 0}),
    rebalance: bool('scheduler.rebalance', sc.rebalance, true),
  };
}
