/**
 * Validation and defaults. Every bad input throws one `ModelError` naming the
 * field and the reason; a model that passes comes back with every default
 * filled in, so the rest of the engine never sees `undefined` or NaN.
 */
import {
  AURORA_RECREATE_SECONDS,
  AURORA_REPLICA_FAILOVER,
  DEFAULT_ASYNC_LAG_SECONDS,
  DEFAULT_CAPACITY_PER_TASK,
  DEFAULT_DEREGISTRATION_DELAY_SECONDS,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_HEALTH_CHECK,
  DEFAULT_PROMOTION_SECONDS,
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SCHEDULER_NOTICE_SECONDS,
  DEFAULT_SESSIONS_PER_RPS,
  DEFAULT_TASK_START_SECONDS,
  DEFAULT_WRITE_SHARE,
  MAX_DURATION_SECONDS,
  MAX_ZONES,
  PATRONI,
  RDS_MULTI_AZ_CLUSTER_FAILOVER,
  RDS_MULTI_AZ_INSTANCE_FAILOVER,
  SEMI_SYNC_TIMEOUT_SECONDS,
} from './defaults';
import {ModelError} from './errors';
import type {
  Fault,
  Model,
  OperatorAction,
  ResolvedDatabase,
  ResolvedModel,
  SecondsRange,
  ZoneName,
} from './types';

/** Most tasks the model accepts. */
const MAX_TASKS = 5000;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

function obj(field: string, v: unknown, allowed: readonly string[], optional = true): Obj {
  if (v === undefined && optional) return {};
  if (!isObj(v)) throw new ModelError(field, `must be an object, got ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) {
      throw new ModelError(`${field}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
  return v;
}

interface NumOpts {
  min?: number;
  max?: number;
  /** Strictly greater than `min`. */
  positive?: boolean;
  integer?: boolean;
}

function num(field: string, v: unknown, def: number | undefined, o: NumOpts = {}): number {
  if (v === undefined) {
    if (def === undefined) throw new ModelError(field, 'is required');
    return def;
  }
  if (typeof v !== 'number') throw new ModelError(field, `must be a number, got ${describe(v)}`);
  if (Number.isNaN(v)) throw new ModelError(field, 'must be a number, got NaN');
  if (!Number.isFinite(v)) throw new ModelError(field, `must be finite, got ${v}`);
  if (o.integer && !Number.isInteger(v)) throw new ModelError(field, `must be a whole number, got ${v}`);
  if (o.positive && v <= 0) throw new ModelError(field, `must be greater than 0, got ${v}`);
  if (o.min !== undefined && v < o.min) throw new ModelError(field, `must be at least ${o.min}, got ${v}`);
  if (o.max !== undefined && v > o.max) throw new ModelError(field, `must be at most ${o.max}, got ${v}`);
  return v;
}

function bool(field: string, v: unknown, def: boolean): boolean {
  if (v === undefined) return def;
  if (typeof v !== 'boolean') throw new ModelError(field, `must be true or false, got ${describe(v)}`);
  return v;
}

function oneOf<T extends string>(field: string, v: unknown, options: readonly T[], def?: T): T {
  if (v === undefined && def !== undefined) return def;
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw new ModelError(field, `unknown value ${describe(v)} (expected one of: ${options.join(', ')})`);
  }
  return v as T;
}

function zoneRef(field: string, v: unknown, zones: readonly ZoneName[]): ZoneName {
  if (typeof v !== 'string') throw new ModelError(field, `must be a zone name, got ${describe(v)}`);
  if (!zones.includes(v)) {
    throw new ModelError(field, `zone "${v}" is not one of the model's zones (${zones.join(', ')})`);
  }
  return v;
}

function zoneList(field: string, v: unknown, zones: readonly ZoneName[], minLength: number): ZoneName[] {
  if (!Array.isArray(v)) throw new ModelError(field, `must be an array of zone names, got ${describe(v)}`);
  if (v.length < minLength) throw new ModelError(field, `needs at least ${minLength} zone(s), got ${v.length}`);
  const out = v.map((z, i) => zoneRef(`${field}[${i}]`, z, zones));
  const dup = out.find((z, i) => out.indexOf(z) !== i);
  if (dup !== undefined) throw new ModelError(field, `zone "${dup}" is listed twice`);
  return out;
}

function range(field: string, v: unknown, def: SecondsRange): SecondsRange {
  const o = obj(field, v, ['min', 'max']);
  if (v === undefined) return {min: def.min, max: def.max};
  const min = num(`${field}.min`, o.min, undefined, {min: 0});
  const max = num(`${field}.max`, o.max, undefined, {min: 0});
  if (max < min) throw new ModelError(field, `max (${max}) is less than min (${min})`);
  return {min, max};
}

function validateZones(v: unknown): ZoneName[] {
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

function resolveDatabase(v: unknown, zones: readonly ZoneName[]): ResolvedDatabase {
  const none: ResolvedDatabase = {
    kind: 'none',
    nodeZones: [],
    replication: 'none',
    replicasReadable: false,
    requiredAcks: 0,
    losslessPromotion: true,
    failover: 'none',
    failoverSeconds: {min: 0, max: 0},
    lagSeconds: 0,
    autoPromoteAfterSeconds: null,
    promotionSeconds: 0,
    recreateSeconds: 0,
    storageZones: [],
    semiSyncTimeoutSeconds: SEMI_SYNC_TIMEOUT_SECONDS,
  };
  if (v === undefined) return none;
  if (!isObj(v)) throw new ModelError('database', `must be an object, got ${describe(v)}`);
  const kind = oneOf('database.kind', v.kind, [
    'none',
    'single-az',
    'multi-az-instance',
    'multi-az-cluster',
    'aurora',
    'async-replica',
    'self-managed',
  ] as const);
  const f = 'database';
  switch (kind) {
    case 'none':
      obj(f, v, ['kind']);
      return none;
    case 'single-az': {
      obj(f, v, ['kind', 'zone']);
      return {...none, kind, nodeZones: [zoneRef(`${f}.zone`, v.zone, zones)], replication: 'none'};
    }
    case 'multi-az-instance': {
      obj(f, v, ['kind', 'primaryZone', 'standbyZone', 'failoverSeconds']);
      const p = zoneRef(`${f}.primaryZone`, v.primaryZone, zones);
      const s = zoneRef(`${f}.standbyZone`, v.standbyZone, zones);
      if (p === s) throw new ModelError(`${f}.standbyZone`, 'must be a different zone from primaryZone');
      return {
        ...none,
        kind,
        nodeZones: [p, s],
        replication: 'sync',
        requiredAcks: 0, // RDS keeps writing while it replaces a lost standby.
        losslessPromotion: true,
        failover: 'auto',
        failoverSeconds: range(`${f}.failoverSeconds`, v.failoverSeconds, RDS_MULTI_AZ_INSTANCE_FAILOVER),
      };
    }
    case 'multi-az-cluster': {
      obj(f, v, ['kind', 'writerZone', 'readerZones', 'failoverSeconds']);
      const w = zoneRef(`${f}.writerZone`, v.writerZone, zones);
      const r = zoneList(`${f}.readerZones`, v.readerZones, zones, 2);
      if (r.length !== 2) throw new ModelError(`${f}.readerZones`, `needs exactly 2 zones, got ${r.length}`);
      if (r.includes(w)) throw new ModelError(`${f}.readerZones`, 'must not include writerZone');
      return {
        ...none,
        kind,
        nodeZones: [w, ...r],
        replication: 'semi-sync',
        replicasReadable: true,
        requiredAcks: 0,
        losslessPromotion: true,
        failover: 'auto',
        failoverSeconds: range(`${f}.failoverSeconds`, v.failoverSeconds, RDS_MULTI_AZ_CLUSTER_FAILOVER),
      };
    }
    case 'aurora': {
      obj(f, v, ['kind', 'writerZone', 'replicaZones', 'storageZones', 'failoverSeconds', 'recreateSeconds']);
      const w = zoneRef(`${f}.writerZone`, v.writerZone, zones);
      const r: ZoneName[] = [];
      if (v.replicaZones !== undefined) {
        if (!Array.isArray(v.replicaZones)) {
          throw new ModelError(`${f}.replicaZones`, `must be an array of zone names, got ${describe(v.replicaZones)}`);
        }
        if (v.replicaZones.length > 15) throw new ModelError(`${f}.replicaZones`, 'Aurora allows at most 15 replicas');
        v.replicaZones.forEach((z, i) => r.push(zoneRef(`${f}.replicaZones[${i}]`, z, zones)));
      }
      let storage: ZoneName[];
      if (v.storageZones === undefined) {
        // Aurora always stores in three zones; pad with unnamed zones the model cannot fail.
        storage = zones.slice(0, 3);
        for (let i = storage.length; i < 3; i++) storage.push(`storage-zone-${i + 1}`);
      } else {
        if (!Array.isArray(v.storageZones) || v.storageZones.length !== 3) {
          throw new ModelError(`${f}.storageZones`, 'must list exactly 3 zones');
        }
        storage = v.storageZones.map((z, i) => {
          if (typeof z !== 'string' || z === '') {
            throw new ModelError(`${f}.storageZones[${i}]`, `must be a zone name, got ${describe(z)}`);
          }
          return z;
        });
        if (new Set(storage).size !== 3) throw new ModelError(`${f}.storageZones`, 'must be 3 different zones');
      }
      return {
        ...none,
        kind,
        nodeZones: [w, ...r],
        replication: 'storage-quorum',
        replicasReadable: true,
        losslessPromotion: true,
        failover: 'auto',
        failoverSeconds: range(`${f}.failoverSeconds`, v.failoverSeconds, AURORA_REPLICA_FAILOVER),
        recreateSeconds: num(`${f}.recreateSeconds`, v.recreateSeconds, AURORA_RECREATE_SECONDS, {min: 0}),
        storageZones: storage,
      };
    }
    case 'async-replica': {
      obj(f, v, ['kind', 'primaryZone', 'replicaZone', 'lagSeconds', 'autoPromoteAfterSeconds', 'promotionSeconds']);
      const p = zoneRef(`${f}.primaryZone`, v.primaryZone, zones);
      const r = zoneRef(`${f}.replicaZone`, v.replicaZone, zones);
      const auto =
        v.autoPromoteAfterSeconds === undefined || v.autoPromoteAfterSeconds === null
          ? null
          : num(`${f}.autoPromoteAfterSeconds`, v.autoPromoteAfterSeconds, undefined, {min: 0});
      return {
        ...none,
        kind,
        nodeZones: [p, r],
        replication: 'async',
        replicasReadable: true,
        losslessPromotion: false,
        failover: 'manual',
        lagSeconds: num(`${f}.lagSeconds`, v.lagSeconds, DEFAULT_ASYNC_LAG_SECONDS, {min: 0}),
        autoPromoteAfterSeconds: auto,
        promotionSeconds: num(`${f}.promotionSeconds`, v.promotionSeconds, DEFAULT_PROMOTION_SECONDS, {min: 0}),
      };
    }
    case 'self-managed': {
      obj(f, v, [
        'kind',
        'primaryZone',
        'replicaZones',
        'replication',
        'quorum',
        'lagSeconds',
        'ttlSeconds',
        'loopWaitSeconds',
        'semiSyncTimeoutSeconds',
      ]);
      const p = zoneRef(`${f}.primaryZone`, v.primaryZone, zones);
      if (!Array.isArray(v.replicaZones) || v.replicaZones.length === 0) {
        throw new ModelError(`${f}.replicaZones`, 'needs at least one replica zone');
      }
      const r = v.replicaZones.map((z, i) => zoneRef(`${f}.replicaZones[${i}]`, z, zones));
      const mode = oneOf(`${f}.replication`, v.replication, ['sync', 'semi-sync', 'async', 'quorum'] as const);
      const quorum = num(`${f}.quorum`, v.quorum, 1, {min: 1, max: r.length, integer: true});
      const ttl = num(`${f}.ttlSeconds`, v.ttlSeconds, PATRONI.ttlSeconds, {min: 0});
      const loop = num(`${f}.loopWaitSeconds`, v.loopWaitSeconds, PATRONI.loopWaitSeconds, {min: 0});
      return {
        ...none,
        kind,
        nodeZones: [p, ...r],
        replication: mode,
        replicasReadable: true,
        requiredAcks: mode === 'sync' ? 1 : mode === 'quorum' ? quorum : 0,
        losslessPromotion: mode === 'sync' || mode === 'quorum',
        failover: 'auto',
        // Patroni: the leader key expires after ttl, then a replica wins within one loop.
        failoverSeconds: {min: ttl, max: ttl + loop},
        lagSeconds: num(`${f}.lagSeconds`, v.lagSeconds, DEFAULT_ASYNC_LAG_SECONDS, {min: 0}),
        semiSyncTimeoutSeconds: num(
          `${f}.semiSyncTimeoutSeconds`,
          v.semiSyncTimeoutSeconds,
          SEMI_SYNC_TIMEOUT_SECONDS,
          {min: 0},
        ),
      };
    }
  }
}

const FAULT_KINDS = ['zoneOutage', 'taskCrash', 'primaryFailure', 'replicationLagSpike', 'grayFailure', 'zonePartition'] as const;
const ACTION_KINDS = ['zonalShift', 'autoZonalShift', 'promoteReplica'] as const;


/** The fields of a zone outage or a zonal shift: a zone, a start in the run and a length. */
function zoneWindow(
  f: string,
  v: Obj,
  zones: readonly ZoneName[],
  duration: number,
): {zone: ZoneName; at: number; duration: number} {
  obj(f, v, ['kind', 'zone', 'at', 'duration']);
  return {
    zone: zoneRef(`${f}.zone`, v.zone, zones),
    at: timeInRun(`${f}.at`, v.at, duration),
    duration: num(`${f}.duration`, v.duration, undefined, {positive: true}),
  };
}

/** A moment of the run: a number of seconds from 0 up to (not including) the end. */
function timeInRun(field: string, value: unknown, duration: number): number {
  const t = num(field, value, undefined, {min: 0});
  if (t >= duration) throw new ModelError(field, `${t} s is past the end of the run (${duration} s)`);
  return t;
}

/**
 * RDS and Aurora do not document how they fail over when zones are cut apart, and automatic
 * promotion of an async replica depends on where the automation runs; the model does not
 * guess. Self-managed replication (Patroni's documented leader lock), a single-zone
 * database and a replica promoted by hand are modelled.
 */
function partitionSupported(field: string, db: ResolvedDatabase): void {
  if (db.kind === 'multi-az-instance' || db.kind === 'multi-az-cluster' || db.kind === 'aurora') {
    throw new ModelError(
      field,
      `a partition is not modelled with database kind "${db.kind}": AWS does not document how it fails over when zones are cut apart; use "self-managed", "single-az", "async-replica" or none`,
    );
  }
  if (db.kind === 'async-replica' && db.autoPromoteAfterSeconds !== null) {
    throw new ModelError(
      field,
      'a partition is not modelled with autoPromoteAfterSeconds: what promotion automation does when zones are cut apart depends on where it runs; promote by hand with promoteReplica',
    );
  }
}

/** Throws if two of `windows` overlap in time (`what` names them in the message). */
function noOverlap(windows: {field: string; at: number; duration: number}[], what: string): void {
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      const x = windows[i]!;
      const y = windows[j]!;
      if (x.at < y.at + y.duration && y.at < x.at + x.duration) {
        throw new ModelError(y.field, `overlaps the ${what} in ${x.field}; the model has one ${what} at a time`);
      }
    }
  }
}

function validateFault(
  i: number,
  v: unknown,
  zones: readonly ZoneName[],
  db: ResolvedDatabase,
  duration: number,
): Fault {
  const f = `faults[${i}]`;
  if (!isObj(v)) throw new ModelError(f, `must be an object, got ${describe(v)}`);
  if (typeof v.kind === 'string' && (ACTION_KINDS as readonly string[]).includes(v.kind)) {
    throw new ModelError(`${f}.kind`, `"${v.kind}" is an operator action; put it in actions`);
  }
  const kind = oneOf(`${f}.kind`, v.kind, FAULT_KINDS);
  const at = (field: string, value: unknown): number => timeInRun(field, value, duration);
  switch (kind) {
    case 'zoneOutage':
      return {kind, ...zoneWindow(f, v, zones, duration)};
    case 'taskCrash': {
      obj(f, v, ['kind', 'task', 'at']);
      const id = v.task;
      const m = typeof id === 'string' ? /^(.+)-(\d+)$/.exec(id) : null;
      if (typeof id !== 'string' || m === null || !zones.includes(m[1]!) || Number(m[2]) < 1) {
        throw new ModelError(
          `${f}.task`,
          `must be a task id like "${zones[0]}-1" (a zone of the model, a dash, a number), got ${describe(id)}`,
        );
      }
      return {kind, task: id, at: at(`${f}.at`, v.at)};
    }
    case 'primaryFailure': {
      obj(f, v, ['kind', 'at', 'duration']);
      if (db.kind === 'none') throw new ModelError(`${f}.kind`, 'primaryFailure needs a database; the model has none');
      const t = at(`${f}.at`, v.at);
      return v.duration === undefined
        ? {kind, at: t}
        : {kind, at: t, duration: num(`${f}.duration`, v.duration, undefined, {positive: true})};
    }
    case 'replicationLagSpike':
      obj(f, v, ['kind', 'at', 'duration', 'lagSeconds']);
      if (db.replication !== 'async') {
        throw new ModelError(
          `${f}.kind`,
          `replicationLagSpike needs a database with asynchronous replication; this one is "${db.replication}"`,
        );
      }
      return {
        kind,
        at: at(`${f}.at`, v.at),
        duration: num(`${f}.duration`, v.duration, undefined, {positive: true}),
        lagSeconds: num(`${f}.lagSeconds`, v.lagSeconds, undefined, {min: 0}),
      };
    case 'zonePartition':
      if (zones.length < 2) throw new ModelError(`${f}.kind`, 'a partition needs at least two zones');
      partitionSupported(`${f}.kind`, db);
      return {kind, ...zoneWindow(f, v, zones, duration)};
    case 'grayFailure':
      obj(f, v, ['kind', 'zone', 'at', 'duration', 'errorShare']);
      return {
        kind,
        zone: zoneRef(`${f}.zone`, v.zone, zones),
        at: at(`${f}.at`, v.at),
        duration: num(`${f}.duration`, v.duration, undefined, {positive: true}),
        errorShare: num(`${f}.errorShare`, v.errorShare, undefined, {min: 0, max: 1}),
      };
  }
}

function validateAction(
  i: number,
  v: unknown,
  zones: readonly ZoneName[],
  db: ResolvedDatabase,
  duration: number,
): OperatorAction {
  const f = `actions[${i}]`;
  if (!isObj(v)) throw new ModelError(f, `must be an object, got ${describe(v)}`);
  if (typeof v.kind === 'string' && (FAULT_KINDS as readonly string[]).includes(v.kind)) {
    throw new ModelError(`${f}.kind`, `"${v.kind}" is a fault; put it in faults`);
  }
  const kind = oneOf(`${f}.kind`, v.kind, ACTION_KINDS);
  const at = (field: string, value: unknown): number => timeInRun(field, value, duration);
  switch (kind) {
    case 'zonalShift':
      return {kind, ...zoneWindow(f, v, zones, duration)};
    case 'autoZonalShift': {
      obj(f, v, ['kind', 'errorRateThreshold', 'delaySeconds']);
      const out: OperatorAction = {kind};
      if (v.errorRateThreshold !== undefined) {
        out.errorRateThreshold = num(`${f}.errorRateThreshold`, v.errorRateThreshold, undefined, {
          positive: true,
          max: 1,
        });
      }
      if (v.delaySeconds !== undefined) {
        out.delaySeconds = num(`${f}.delaySeconds`, v.delaySeconds, undefined, {min: 0});
      }
      return out;
    }
    case 'promoteReplica': {
      obj(f, v, ['kind', 'at', 'zone']);
      if (db.kind === 'none' || db.kind === 'single-az') {
        throw new ModelError(`${f}.kind`, `promoteReplica needs a database with replicas; this one is "${db.kind}"`);
      }
      const t = at(`${f}.at`, v.at);
      return v.zone === undefined ? {kind, at: t} : {kind, at: t, zone: zoneRef(`${f}.zone`, v.zone, zones)};
    }
  }
}

const MODEL_KEYS = [
  'zones',
  'service',
  'scheduler',
  'loadBalancer',
  'database',
  'traffic',
  'faults',
  'actions',
  'durationSeconds',
  'seed',
] as const;

/**
 * Checks a model and fills in every default. Throws {@link ModelError} naming the
 * first bad field. Pure: the input is not changed.
 */
export function validateModel(input: Model): ResolvedModel {
  const m = obj('model', input as unknown, MODEL_KEYS, false);
  const zones = validateZones(m.zones);
  const durationSeconds = num('durationSeconds', m.durationSeconds, DEFAULT_DURATION_SECONDS, {
    positive: true,
    max: MAX_DURATION_SECONDS,
  });
  const seed = num('seed', m.seed, 1, {integer: true, min: -(2 ** 53), max: 2 ** 53});

  // Service.
  const s = obj('service', m.service, [
    'desiredCount',
    'tasksPerZone',
    'capacityPerTask',
    'startSeconds',
    'sessionStore',
    'sessionStoreZone',
    'sticky',
    'zonalDependency',
  ]);
  let tasksPerZone: Record<ZoneName, number>;
  if (s.tasksPerZone !== undefined) {
    const tpz = obj('service.tasksPerZone', s.tasksPerZone, zones);
    tasksPerZone = {};
    for (const z of zones) {
      tasksPerZone[z] = num(`service.tasksPerZone.${z}`, tpz[z], 0, {min: 0, integer: true, max: MAX_TASKS});
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
  const service: ResolvedModel['service'] = {
    tasksPerZone,
    desiredCount,
    capacityPerTask: num('service.capacityPerTask', s.capacityPerTask, DEFAULT_CAPACITY_PER_TASK, {positive: true}),
    startSeconds: num('service.startSeconds', s.startSeconds, DEFAULT_TASK_START_SECONDS, {min: 0}),
    sessionStore,
    sessionStoreZone,
    sticky: bool('service.sticky', s.sticky, false),
    zonalDependency,
  };

  // Scheduler.
  const sc = obj('scheduler', m.scheduler, ['kind', 'noticeSeconds', 'rebalance']);
  const scheduler: ResolvedModel['scheduler'] = {
    kind: oneOf('scheduler.kind', sc.kind, ['ecs', 'none'] as const, 'ecs'),
    noticeSeconds: num('scheduler.noticeSeconds', sc.noticeSeconds, DEFAULT_SCHEDULER_NOTICE_SECONDS, {min: 0}),
    rebalance: bool('scheduler.rebalance', sc.rebalance, true),
  };

  // Load balancer.
  const lb = obj('loadBalancer', m.loadBalancer, ['zones', 'crossZone', 'healthCheck', 'deregistrationDelaySeconds']);
  const hc = obj('loadBalancer.healthCheck', lb.healthCheck, [
    'intervalSeconds',
    'timeoutSeconds',
    'healthyThreshold',
    'unhealthyThreshold',
  ]);
  const intervalSeconds = num('loadBalancer.healthCheck.intervalSeconds', hc.intervalSeconds, DEFAULT_HEALTH_CHECK.intervalSeconds, {
    min: 1,
    max: 300,
  });
  const timeoutSeconds = num('loadBalancer.healthCheck.timeoutSeconds', hc.timeoutSeconds, DEFAULT_HEALTH_CHECK.timeoutSeconds, {
    positive: true,
  });
  if (timeoutSeconds >= intervalSeconds) {
    throw new ModelError(
      'loadBalancer.healthCheck.timeoutSeconds',
      `must be less than intervalSeconds (${intervalSeconds}), got ${timeoutSeconds}`,
    );
  }
  const loadBalancer: ResolvedModel['loadBalancer'] = {
    zones: lb.zones === undefined ? [...zones] : zoneList('loadBalancer.zones', lb.zones, zones, 1),
    crossZone: bool('loadBalancer.crossZone', lb.crossZone, true),
    healthCheck: {
      intervalSeconds,
      timeoutSeconds,
      healthyThreshold: num('loadBalancer.healthCheck.healthyThreshold', hc.healthyThreshold, DEFAULT_HEALTH_CHECK.healthyThreshold, {
        min: 1,
        max: 10,
        integer: true,
      }),
      unhealthyThreshold: num(
        'loadBalancer.healthCheck.unhealthyThreshold',
        hc.unhealthyThreshold,
        DEFAULT_HEALTH_CHECK.unhealthyThreshold,
        {min: 1, max: 10, integer: true},
      ),
    },
    deregistrationDelaySeconds: num(
      'loadBalancer.deregistrationDelaySeconds',
      lb.deregistrationDelaySeconds,
      DEFAULT_DEREGISTRATION_DELAY_SECONDS,
      {min: 0, max: 3600},
    ),
  };

  // Traffic.
  const tr = obj('traffic', m.traffic, [
    'requestsPerSecond',
    'curve',
    'troughRequestsPerSecond',
    'peakHour',
    'writeShare',
    'readsUseDatabase',
    'retries',
    'activeSessions',
  ]);
  const rps = num('traffic.requestsPerSecond', tr.requestsPerSecond, DEFAULT_REQUESTS_PER_SECOND, {min: 0});
  const trough = num('traffic.troughRequestsPerSecond', tr.troughRequestsPerSecond, rps * 0.3, {min: 0});
  if (trough > rps) {
    throw new ModelError('traffic.troughRequestsPerSecond', `must not exceed requestsPerSecond (${rps}), got ${trough}`);
  }
  const traffic: ResolvedModel['traffic'] = {
    requestsPerSecond: rps,
    curve: oneOf('traffic.curve', tr.curve, ['constant', 'daily'] as const, 'constant'),
    troughRequestsPerSecond: trough,
    peakHour: num('traffic.peakHour', tr.peakHour, 14, {min: 0, max: 24}),
    writeShare: num('traffic.writeShare', tr.writeShare, DEFAULT_WRITE_SHARE, {min: 0, max: 1}),
    readsUseDatabase: bool('traffic.readsUseDatabase', tr.readsUseDatabase, false),
    retries: num('traffic.retries', tr.retries, 0, {min: 0, max: 5, integer: true}),
    activeSessions: num('traffic.activeSessions', tr.activeSessions, rps * DEFAULT_SESSIONS_PER_RPS, {min: 0}),
  };

  const database = resolveDatabase(m.database, zones);

  if (m.faults !== undefined && !Array.isArray(m.faults)) {
    throw new ModelError('faults', `must be an array, got ${describe(m.faults)}`);
  }
  if (m.actions !== undefined && !Array.isArray(m.actions)) {
    throw new ModelError('actions', `must be an array, got ${describe(m.actions)}`);
  }
  const faults = ((m.faults as unknown[] | undefined) ?? []).map((x, i) =>
    validateFault(i, x, zones, database, durationSeconds),
  );
  const actions = ((m.actions as unknown[] | undefined) ?? []).map((x, i) =>
    validateAction(i, x, zones, database, durationSeconds),
  );
  // A load balancer has one zonal shift at a time; the model cuts one zone off at a time.
  noOverlap(
    actions.flatMap((a, i) => (a.kind === 'zonalShift' ? [{field: `actions[${i}]`, at: a.at, duration: a.duration}] : [])),
    'zonal shift',
  );
  noOverlap(
    faults.flatMap((f, i) => (f.kind === 'zonePartition' ? [{field: `faults[${i}]`, at: f.at, duration: f.duration}] : [])),
    'partition',
  );
  const autos = actions.filter((a) => a.kind === 'autoZonalShift').length;
  if (autos > 1) throw new ModelError('actions', 'autoZonalShift may appear once');

  return {
    zones,
    service,
    scheduler,
    loadBalancer,
    database,
    traffic,
    faults,
    actions,
    durationSeconds,
    seed,
  };
}
