/**
 * Small constructors for faults and operator actions. They only return plain
 * objects with a `kind` field, so a model stays serialisable (the UI puts it
 * in a URL); `validateModel` checks them.
 */
import {upgradeModel} from './upgrade';
import type {
  AlarmZonalShiftAction,
  ZonalAutoshiftAction,
  GrayFailureFault,
  PrimaryFailureFault,
  PromoteReplicaAction,
  ReplicationLagSpikeFault,
  TaskCrashFault,
  ZonalShiftAction,
  ZoneName,
  ZoneOutageFault,
  ZonePartitionFault,
} from './types';

/** A whole zone fails at `at` for `duration` seconds. */
export function zoneOutage(zone: ZoneName, {at, duration}: {at: number; duration: number}): ZoneOutageFault {
  return {kind: 'zoneOutage', zone, at, duration};
}

/** Task `task` (an id such as `"b-1"`) crashes at `at`. */
export function taskCrash(task: string, {at}: {at: number}): TaskCrashFault {
  return {kind: 'taskCrash', task, at};
}

/** The database primary instance fails at `at`; it is repaired after `duration` (default: never). */
export function primaryFailure({
  at,
  duration,
  failed,
}: {
  at: number;
  duration?: number;
  failed?: PrimaryFailureFault['failed'];
}): PrimaryFailureFault {
  const out: PrimaryFailureFault = {kind: 'primaryFailure', at};
  if (duration !== undefined) out.duration = duration;
  if (failed !== undefined) out.failed = failed;
  return out;
}

/** Asynchronous replica lag rises to `lagSeconds` from `at` for `duration` seconds. */
export function replicationLagSpike({
  at,
  duration,
  lagSeconds,
}: {
  at: number;
  duration: number;
  lagSeconds: number;
}): ReplicationLagSpikeFault {
  return {kind: 'replicationLagSpike', at, duration, lagSeconds};
}

/** A gray failure in `zone`: `errorShare` of the requests served there fail, health checks still pass. */
export function grayFailure(
  zone: ZoneName,
  {at, duration, errorShare}: {at: number; duration: number; errorShare: number},
): GrayFailureFault {
  return {kind: 'grayFailure', zone, at, duration, errorShare};
}

/** A network partition cuts `zone` off from every other zone at `at` for `duration` seconds. */
export function zonePartition(zone: ZoneName, {at, duration}: {at: number; duration: number}): ZonePartitionFault {
  return {kind: 'zonePartition', zone, at, duration};
}

/** An operator starts a zonal shift away from `zone` at `at`, expiring after `duration` seconds. */
export function zonalShift(zone: ZoneName, {at, duration}: {at: number; duration: number}): ZonalShiftAction {
  return {kind: 'zonalShift', zone, at, duration};
}

/**
 * AWS's zonal autoshift, turned on for the load balancer: AWS shifts traffic away from a zone
 * it sees impaired (an outage or a zone cut off), `delaySeconds` after the impairment (an
 * estimate: AWS does not publish it), until the zone recovers. It never sees a failure only
 * your application has.
 */
export function zonalAutoshift(options: {delaySeconds?: number} = {}): ZonalAutoshiftAction {
  return {kind: 'zonalAutoshift', ...options};
}

/**
 * An alarm-driven zonal shift you build: a per-zone alarm on the zone's error rate
 * (`errorRateThreshold` for `evaluationPeriods` × `evaluationPeriodSeconds`) whose automation
 * starts a zonal shift that expires after `expiresAfterSeconds`.
 */
export function alarmZonalShift(
  options: {errorRateThreshold?: number; evaluationPeriodSeconds?: number; evaluationPeriods?: number; expiresAfterSeconds?: number} = {},
): AlarmZonalShiftAction {
  return {kind: 'alarmZonalShift', ...options};
}

/**
 * The old name, kept so older live code keeps running: it always described an alarm on your
 * error rate, so it returns that alarm-driven zonal shift (see `upgradeModel`).
 * @deprecated Use {@link alarmZonalShift}, or {@link zonalAutoshift} for AWS's autoshift.
 */
export function autoZonalShift(options: {errorRateThreshold?: number; delaySeconds?: number} = {}): AlarmZonalShiftAction {
  const {model} = upgradeModel({actions: [{kind: 'autoZonalShift', ...options}]});
  return model.actions[0] as AlarmZonalShiftAction;
}

/** An operator promotes a replica at `at` (on Aurora with no replica: creates a writer in `zone`). */
export function promoteReplica({at, zone}: {at: number; zone?: ZoneName}): PromoteReplicaAction {
  return zone === undefined ? {kind: 'promoteReplica', at} : {kind: 'promoteReplica', at, zone};
}
