/**
 * Failover Lab's engine: a deterministic, event-driven model of zones, tasks,
 * a load balancer, a scheduler and a database under faults. Pure TypeScript,
 * no React, no DOM. This file is the only public entry.
 */
export {simulate, type SimulateOptions} from './simulate';
export {validateModel} from './validate';
export {ModelError} from './errors';
export {upgradeModel, type UpgradedModel} from './upgrade';
export {estimateRunCost, MAX_RUN_WORK, type RunCost} from './costBound';
export {
  alarmZonalShift,
  autoZonalShift,
  grayFailure,
  primaryFailure,
  promoteReplica,
  replicationLagSpike,
  taskCrash,
  zonalAutoshift,
  zonalShift,
  zoneOutage,
  zonePartition,
} from './faults';
export {toTimeline, type TimelineOptions, type TimelinePoint} from './timeline';
export {selectHealthyTargets, selectSegmentAt, selectStateAt, selectTrafficAt, type StateAt} from './selectors';
export {
  checkCountAt,
  selectMechanismAt,
  writesBetween,
  type CheckCount,
  type DatabaseFailover,
  type DatabaseMechanism,
  type MechanismAt,
  type SchedulerMechanism,
  type TargetMechanism,
} from './mechanism';
export {
  ALB_HEALTH_CHECK_DEFAULTS,
  capacityPlan,
  costOfResilience,
  healthCheckDetection,
  replicationRace,
  type CapacityPlan,
  type CostOfResilience,
  type CostOptions,
  type CrossZoneFlow,
  type HealthCheckTimes,
  type ReplicationRace,
} from './helpers';
export {getPreset, PRESET_IDS, PRESETS, type Preset, type PresetId} from './presets';
/** Default numbers of the model and their sources (see defaults.ts for each one's origin). */
export * from './defaults';
export type {
  AsyncReplicaSpec,
  BackoffSpec,
  ClientsSpec,
  ResolvedClients,
  AuroraSpec,
  AlarmZonalShiftAction,
  DatabaseSpec,
  DbRole,
  DbSegment,
  Fault,
  FailureCause,
  FailuresByCause,
  GrayFailureFault,
  HealthCheckSpec,
  LoadBalancerSpec,
  Model,
  MultiAzClusterSpec,
  MultiAzInstanceSpec,
  OperatorAction,
  PrimaryFailureFault,
  PromoteReplicaAction,
  ReplicationLagSpikeFault,
  ReplicationMode,
  ResolvedDatabase,
  ResolvedHealthCheck,
  ResolvedModel,
  SchedulerSpec,
  SecondsRange,
  Segment,
  SelfManagedSpec,
  ServiceSpec,
  SessionStore,
  SimEvent,
  SimulationResult,
  SingleAzDatabaseSpec,
  Summary,
  TargetLbState,
  TargetSegment,
  TaskCrashFault,
  TaskState,
  TrafficSpec,
  ZonalDependencySpec,
  ZonalAutoshiftAction,
  ZonalShiftAction,
  ZoneName,
  ZoneOutageFault,
  ZonePartitionFault,
  ZoneSegment,
} from './types';
