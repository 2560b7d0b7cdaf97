/** The model after validation, with every default filled in (`validateModel`). */
import type {BackoffSpec} from './clients';
import type {SecondsRange, ZoneName} from './common';
import type {DatabaseSpec} from './database';
import type {Fault, OperatorAction} from './faults';
import type {HealthCheckSpec, SchedulerSpec, SessionStore, TrafficSpec, ZonalDependencySpec} from './model';

/** Health check settings with defaults applied. */
export type ResolvedHealthCheck = Required<HealthCheckSpec>;

/** The model after validation, with every default filled in. */
export interface ResolvedModel {
  zones: ZoneName[];
  service: {
    tasksPerZone: Record<ZoneName, number>;
    desiredCount: number;
    capacityPerTask: number;
    startSeconds: number;
    sessionStore: SessionStore;
    sessionStoreZone: ZoneName;
    sticky: boolean;
    zonalDependency: Required<ZonalDependencySpec> | null;
    serviceTimeSeconds: number;
    loadShedding: boolean;
  };
  scheduler: Required<SchedulerSpec>;
  loadBalancer: {
    type: 'application' | 'network';
    zones: ZoneName[];
    crossZone: boolean;
    healthCheck: ResolvedHealthCheck;
    deregistrationDelaySeconds: number;
    dnsTtlSeconds: number;
  };
  database: ResolvedDatabase;
  traffic: Required<Omit<TrafficSpec, 'retries'>>;
  clients: ResolvedClients;
  faults: Fault[];
  actions: OperatorAction[];
  durationSeconds: number;
  seed: number;
}

/** The clients after defaults. */
export interface ResolvedClients {
  dnsCacheSeconds: number | 'forever';
  keepAlive: boolean;
  connectTimeoutSeconds: number;
  requestTimeoutSeconds: number;
  retries: number;
  backoff: BackoffSpec | null;
  retryBudget: number | null;
}

/** How a database replicates, after defaults. */
export type ReplicationMode =
  | 'none'
  | 'sync'
  | 'semi-sync'
  | 'async'
  | 'quorum'
  | 'storage-quorum';

/** A database after defaults, in one uniform shape. */
export interface ResolvedDatabase {
  /** The kind the reader chose. */
  kind: DatabaseSpec['kind'];
  /** Zone of each node; node 0 starts as primary. Empty for `'none'`. */
  nodeZones: ZoneName[];
  replication: ReplicationMode;
  /** Standbys serve reads. */
  replicasReadable: boolean;
  /** Standbys a commit waits for (`'sync'` and the Multi-AZ DB cluster: 1, `'quorum'`: k). */
  requiredAcks: number;
  /** Only promote a replica that holds every acknowledged write. */
  losslessPromotion: boolean;
  /** `'auto'`: failover after a drawn time; `'manual'`: wait for `promoteReplica` (or `autoPromoteAfterSeconds`). */
  failover: 'auto' | 'manual' | 'none';
  /** The whole range of an automatic failover's time (for self-managed: a lost node's, `ttl − loop_wait` to `ttl + loop_wait`). */
  failoverSeconds: SecondsRange;
  /**
   * The shape of the draw: with probability `tailShare` a time above `typicalMaxSeconds`,
   * otherwise one from `failoverSeconds.min` to `typicalMaxSeconds`. Uniform (`tailShare` 0)
   * except Aurora's default.
   */
  failoverShape: {typicalMaxSeconds: number; tailShare: number};
  /** Patroni's settings for a self-managed database; null for the other kinds. */
  patroni: {
    ttlSeconds: number;
    loopWaitSeconds: number;
    primaryStartTimeoutSeconds: number;
    maximumLagOnFailoverBytes: number;
    walBytesPerWrite: number;
  } | null;
  lagSeconds: number;
  autoPromoteAfterSeconds: number | null;
  promotionSeconds: number;
  recreateSeconds: number;
  storageZones: ZoneName[];
  semiSyncTimeoutSeconds: number;
}
