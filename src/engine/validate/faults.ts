/** Validation of the faults and the operator actions, each a moment or window of the run. */
import {ModelError} from '../errors';
import type {Fault, OperatorAction, ResolvedDatabase, ZoneName} from '../types';
import {describe, isObj, noOverlap, num, obj, oneOf, timeInRun, zoneRef, zoneWindow} from './fields';

const FAULT_KINDS = ['zoneOutage', 'taskCrash', 'primaryFailure', 'replicationLagSpike', 'grayFailure', 'zonePartition'] as const;
const ACTION_KINDS = ['zonalShift', 'zonalAutoshift', 'alarmZonalShift', 'promoteReplica'] as const;

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

/** One fault, checked against the model's zones, database and run length. */
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
      obj(f, v, ['kind', 'at', 'duration', 'failed']);
      if (db.kind === 'none') throw new ModelError(`${f}.kind`, 'primaryFailure needs a database; the model has none');
      const out: Fault = {kind, at: at(`${f}.at`, v.at)};
      if (v.duration !== undefined) out.duration = num(`${f}.duration`, v.duration, undefined, {positive: true});
      if (v.failed !== undefined) {
        out.failed = oneOf(`${f}.failed`, v.failed, ['instance', 'process'] as const);
        if (out.failed === 'process' && db.kind !== 'self-managed') {
          throw new ModelError(
            `${f}.failed`,
            `"process" (the database process crashes on a live node) is modelled for "self-managed" only, with Patroni's documented restart in place; AWS does not document how "${db.kind}" handles it`,
          );
        }
      }
      return out;
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

/** One operator action, checked like a fault. */
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
    case 'zonalAutoshift': {
      obj(f, v, ['kind', 'delaySeconds']);
      return v.delaySeconds === undefined
        ? {kind}
        : {kind, delaySeconds: num(`${f}.delaySeconds`, v.delaySeconds, undefined, {min: 0, max: duration})};
    }
    case 'alarmZonalShift': {
      obj(f, v, ['kind', 'errorRateThreshold', 'evaluationPeriodSeconds', 'evaluationPeriods', 'expiresAfterSeconds']);
      const out: OperatorAction = {kind};
      if (v.errorRateThreshold !== undefined) {
        out.errorRateThreshold = num(`${f}.errorRateThreshold`, v.errorRateThreshold, undefined, {positive: true, max: 1});
      }
      if (v.evaluationPeriodSeconds !== undefined) {
        out.evaluationPeriodSeconds = num(`${f}.evaluationPeriodSeconds`, v.evaluationPeriodSeconds, undefined, {positive: true, max: 86_400});
      }
      if (v.evaluationPeriods !== undefined) {
        out.evaluationPeriods = num(`${f}.evaluationPeriods`, v.evaluationPeriods, undefined, {min: 1, max: 100, integer: true});
      }
      if (v.expiresAfterSeconds !== undefined) {
        // ARC: a zonal shift expires after at most three days unless it is extended.
        out.expiresAfterSeconds = num(`${f}.expiresAfterSeconds`, v.expiresAfterSeconds, undefined, {positive: true, max: 72 * 3600});
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

/** Every fault and action of the model, checked against its zones, database and length. */
export function resolveEvents(
  faultsIn: unknown,
  actionsIn: unknown,
  zones: readonly ZoneName[],
  database: ResolvedDatabase,
  durationSeconds: number,
): {faults: Fault[]; actions: OperatorAction[]} {
  if (faultsIn !== undefined && !Array.isArray(faultsIn)) {
    throw new ModelError('faults', `must be an array, got ${describe(faultsIn)}`);
  }
  if (actionsIn !== undefined && !Array.isArray(actionsIn)) {
    throw new ModelError('actions', `must be an array, got ${describe(actionsIn)}`);
  }
  const faults = ((faultsIn as unknown[] | undefined) ?? []).map((x, i) =>
    validateFault(i, x, zones, database, durationSeconds),
  );
  const actions = ((actionsIn as unknown[] | undefined) ?? []).map((x, i) =>
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
  for (const kind of ['zonalAutoshift', 'alarmZonalShift'] as const) {
    if (actions.filter((a) => a.kind === kind).length > 1) throw new ModelError('actions', `${kind} may appear once`);
  }
  return {faults, actions};
}
