/** The database section of the model: which kind, where its nodes run, and how it fails over. */
import type {SecondsRange, ZoneName} from './common';

/** A single-zone database instance. */
export interface SingleAzDatabaseSpec {
  kind: 'single-az';
  /** Zone of the instance. */
  zone: ZoneName;
}

/** RDS Multi-AZ DB instance: one synchronous standby that serves no reads. */
export interface MultiAzInstanceSpec {
  kind: 'multi-az-instance';
  /** Zone of the primary. */
  primaryZone: ZoneName;
  /** Zone of the standby. */
  standbyZone: ZoneName;
  /** Failover time. Default 60–120 s (AWS: typically 60–120 s). */
  failoverSeconds?: SecondsRange;
}

/**
 * RDS Multi-AZ DB cluster: a writer and two readable standbys, semi-synchronous. A commit
 * needs one standby's acknowledgement; with neither reachable, writes stop (AWS documents
 * no timeout after which the writer commits without one).
 */
export interface MultiAzClusterSpec {
  kind: 'multi-az-cluster';
  /** Zone of the writer. */
  writerZone: ZoneName;
  /** Zones of the two readable standbys. */
  readerZones: ZoneName[];
  /** Failover time. Default 20–35 s (AWS: typically under 35 s). */
  failoverSeconds?: SecondsRange;
}

/** Aurora: shared storage of six copies over three zones, plus optional replicas. */
export interface AuroraSpec {
  kind: 'aurora';
  /** Zone of the writer instance. */
  writerZone: ZoneName;
  /** Zones of the replicas, in promotion order. Default none. */
  replicaZones?: ZoneName[];
  /** The three storage zones (two copies each). Default: the model's first three zones. */
  storageZones?: ZoneName[];
  /**
   * Failover to a replica. Default: 20–120 s, three draws in four under 60 s (AWS: typically
   * under 120 s, often under 60 s; the shape is the model's assumption). A range given here
   * is drawn uniformly.
   */
  failoverSeconds?: SecondsRange;
  /** Time to create a new writer when there is no replica. Default 600 s (AWS: under 10 min). */
  recreateSeconds?: number;
}

/** A primary with an asynchronous read replica, promoted by hand or by automation. */
export interface AsyncReplicaSpec {
  kind: 'async-replica';
  /** Zone of the primary. */
  primaryZone: ZoneName;
  /** Zone of the replica. */
  replicaZone: ZoneName;
  /** Replica lag in seconds. Default 5 (illustrative; watch `ReplicaLag`). */
  lagSeconds?: number;
  /** Promote automatically this many seconds after the primary is lost; `null` (default) = by hand only. */
  autoPromoteAfterSeconds?: number | null;
  /** Seconds a promotion takes. Default 120 ("minutes", an estimate). */
  promotionSeconds?: number;
}

/** Self-managed replication (PostgreSQL/Patroni or MySQL style). */
export interface SelfManagedSpec {
  kind: 'self-managed';
  /** Zone of the primary. */
  primaryZone: ZoneName;
  /** Zones of the replicas, in priority order. */
  replicaZones: ZoneName[];
  /**
   * `'sync'`: a commit waits for one standby (PostgreSQL `FIRST 1`); writes block when none is reachable.
   * `'quorum'`: a commit waits for `quorum` standbys (`ANY k`).
   * `'semi-sync'`: MySQL semi-sync; after `semiSyncTimeoutSeconds` with no replica it falls back to async.
   * `'async'`: commits do not wait; replicas lag by `lagSeconds`.
   */
  replication: 'sync' | 'semi-sync' | 'async' | 'quorum';
  /** Standbys a commit waits for in `'quorum'` mode. Default 1. */
  quorum?: number;
  /** Replica lag in `'async'` mode. Default 5 (illustrative). */
  lagSeconds?: number;
  /** Patroni `ttl`. Default 30. */
  ttlSeconds?: number;
  /** Patroni `loop_wait`. Default 10. */
  loopWaitSeconds?: number;
  /** MySQL `rpl_semi_sync_source_timeout` in seconds. Default 10. */
  semiSyncTimeoutSeconds?: number;
  /** Patroni `primary_start_timeout`: how long a crashed PostgreSQL is restarted in place before failover. Default 300. */
  primaryStartTimeoutSeconds?: number;
  /** Patroni `maximum_lag_on_failover`: a standby further behind, in bytes of WAL, is not promoted automatically. Default 1,048,576 (1 MB). */
  maximumLagOnFailoverBytes?: number;
  /** Average bytes of WAL one write adds, to express a standby's lag in bytes. Default 1,000 (illustrative). */
  walBytesPerWrite?: number;
}

/** The database behind the service, or `{ kind: 'none' }` (default). */
export type DatabaseSpec =
  | { kind: 'none' }
  | SingleAzDatabaseSpec
  | MultiAzInstanceSpec
  | MultiAzClusterSpec
  | AuroraSpec
  | AsyncReplicaSpec
  | SelfManagedSpec;
