/** Validation of the database: each kind's zones, replication and failover settings. */
import {
  AURORA_FAILOVER_SHAPE,
  AURORA_RECREATE_SECONDS,
  AURORA_REPLICA_FAILOVER,
  DEFAULT_ASYNC_LAG_SECONDS,
  DEFAULT_PROMOTION_SECONDS,
  DEFAULT_WAL_BYTES_PER_WRITE,
  PATRONI,
  PATRONI_MINIMUM,
  RDS_MULTI_AZ_CLUSTER_FAILOVER,
  RDS_MULTI_AZ_INSTANCE_FAILOVER,
  SEMI_SYNC_TIMEOUT_SECONDS,
} from '../defaults';
import {ModelError} from '../errors';
import type {ResolvedDatabase, SecondsRange, ZoneName} from '../types';
import {describe, isObj, num, obj, oneOf, range, zoneList, zoneRef} from './fields';

/** A range drawn uniformly: no tail. */
function uniform(failoverSeconds: SecondsRange): Pick<ResolvedDatabase, 'failoverSeconds' | 'failoverShape'> {
  return {failoverSeconds, failoverShape: {typicalMaxSeconds: failoverSeconds.max, tailShare: 0}};
}

/** The database with every default filled in; no database when `v` is missing. */
export function resolveDatabase(v: unknown, zones: readonly ZoneName[]): ResolvedDatabase {
  const none: ResolvedDatabase = {
    kind: 'none',
    nodeZones: [],
    replication: 'none',
    replicasReadable: false,
    requiredAcks: 0,
    losslessPromotion: true,
    failover: 'none',
    failoverSeconds: {min: 0, max: 0},
    failoverShape: {typicalMaxSeconds: 0, tailShare: 0},
    patroni: null,
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
        ...uniform(range(`${f}.failoverSeconds`, v.failoverSeconds, RDS_MULTI_AZ_INSTANCE_FAILOVER)),
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
        // AWS: a reader must acknowledge a change before the writer commits it. The documents
        // name no timeout after which the writer stops waiting, so the model never falls back.
        requiredAcks: 1,
        losslessPromotion: true,
        failover: 'auto',
        ...uniform(range(`${f}.failoverSeconds`, v.failoverSeconds, RDS_MULTI_AZ_CLUSTER_FAILOVER)),
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
        // AWS's documented shape by default; a range the reader sets is drawn uniformly.
        ...(v.failoverSeconds === undefined
          ? {failoverSeconds: {...AURORA_REPLICA_FAILOVER}, failoverShape: {...AURORA_FAILOVER_SHAPE}}
          : uniform(range(`${f}.failoverSeconds`, v.failoverSeconds, AURORA_REPLICA_FAILOVER))),
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
        'primaryStartTimeoutSeconds',
        'maximumLagOnFailoverBytes',
        'walBytesPerWrite',
      ]);
      const p = zoneRef(`${f}.primaryZone`, v.primaryZone, zones);
      if (!Array.isArray(v.replicaZones) || v.replicaZones.length === 0) {
        throw new ModelError(`${f}.replicaZones`, 'needs at least one replica zone');
      }
      const r = v.replicaZones.map((z, i) => zoneRef(`${f}.replicaZones[${i}]`, z, zones));
      const mode = oneOf(`${f}.replication`, v.replication, ['sync', 'semi-sync', 'async', 'quorum'] as const);
      const quorum = num(`${f}.quorum`, v.quorum, 1, {min: 1, max: r.length, integer: true});
      const ttl = patroniSetting(`${f}.ttlSeconds`, v.ttlSeconds, PATRONI.ttlSeconds, PATRONI_MINIMUM.ttlSeconds);
      const loop = patroniSetting(`${f}.loopWaitSeconds`, v.loopWaitSeconds, PATRONI.loopWaitSeconds, PATRONI_MINIMUM.loopWaitSeconds);
      return {
        ...none,
        kind,
        nodeZones: [p, ...r],
        replication: mode,
        replicasReadable: true,
        requiredAcks: mode === 'sync' ? 1 : mode === 'quorum' ? quorum : 0,
        losslessPromotion: mode === 'sync' || mode === 'quorum',
        failover: 'auto',
        // Patroni, a lost node: its leader key expires ttl after its last renewal, which came up
        // to loop_wait before the loss; a replica then takes the key within one loop_wait.
        failoverSeconds: {min: Math.max(0, ttl - loop), max: ttl + loop},
        failoverShape: {typicalMaxSeconds: ttl + loop, tailShare: 0},
        patroni: {
          ttlSeconds: ttl,
          loopWaitSeconds: loop,
          primaryStartTimeoutSeconds: num(`${f}.primaryStartTimeoutSeconds`, v.primaryStartTimeoutSeconds, PATRONI.primaryStartTimeoutSeconds, {min: 0}),
          maximumLagOnFailoverBytes: num(`${f}.maximumLagOnFailoverBytes`, v.maximumLagOnFailoverBytes, PATRONI.maximumLagOnFailoverBytes, {min: 0}),
          walBytesPerWrite: num(`${f}.walBytesPerWrite`, v.walBytesPerWrite, DEFAULT_WAL_BYTES_PER_WRITE, {min: 0}),
        },
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

/** A Patroni timing setting: a number of seconds, refused below what Patroni itself accepts. */
function patroniSetting(field: string, v: unknown, def: number, minimum: number): number {
  const seconds = num(field, v, def, {min: 0});
  if (seconds < minimum) throw new ModelError(field, `must be at least ${minimum} s, the lowest Patroni accepts, got ${seconds}`);
  return seconds;
}
