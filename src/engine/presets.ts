/**
 * Named preset models for the classic questions of the course. Each has a
 * stable id, a title and a one-sentence lesson; `presets.test.ts` checks that
 * the engine really teaches that lesson.
 */
import {grayFailure, promoteReplica, zonalShift, zoneOutage, zonePartition} from './faults';
import type {Model} from './types';

/** A preset: a model with the question it answers. */
export interface Preset {
  id: PresetId;
  title: string;
  /** The lesson, in one sentence. */
  lesson: string;
  model: Model;
}

/** Ids of the presets. */
export type PresetId =
  | 'one-task-two-zones'
  | 'two-stateless-tasks'
  | 'in-memory-sessions'
  | 'six-tasks-three-zones'
  | 'rds-multi-az'
  | 'async-replica'
  | 'aurora'
  | 'gray-failure-zonal-shift'
  | 'zone-cut-off'
  | 'dns-cache-cross-zone-off'
  | 'retry-storm'
  | 'retry-storm-tamed'
  | 'load-shedding';

const HOUR = 3600;

/**
 * Six tasks of 100 req/s over three zones at 420 req/s, a fixed fleet (nothing replaced), zone b
 * lost for ten minutes: the two zones left have 400 req/s for 420. The retry presets share it.
 */
const hotFleet = (): Model => ({
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 6, capacityPerTask: 100},
  scheduler: {kind: 'none'},
  traffic: {requestsPerSecond: 420},
  faults: [zoneOutage('b', {at: 300, duration: 600})],
  durationSeconds: HOUR,
});

/** Every preset, by id. */
export const PRESETS: Record<PresetId, Preset> = {
  'one-task-two-zones': {
    id: 'one-task-two-zones',
    title: 'One task, two zones',
    lesson:
      'A single task is moved to the other zone when its zone fails, but only after detection, a new start and a passing health check: minutes of total outage.',
    model: {
      zones: ['a', 'b'],
      service: {desiredCount: 1},
      faults: [zoneOutage('a', {at: 300, duration: 1800})],
      durationSeconds: HOUR,
    },
  },
  'two-stateless-tasks': {
    id: 'two-stateless-tasks',
    title: 'Two stateless tasks in two zones',
    lesson:
      'With one task per zone, each sized for the whole peak, a zone outage fails only the requests sent to the dead task before it is marked unhealthy and those of clients still connected to the lost node or holding it from DNS, and a client retry wins back many of them, since a request retried while the dead task is still in service reaches it only half the time.',
    model: {
      zones: ['a', 'b'],
      service: {desiredCount: 2, capacityPerTask: 100},
      traffic: {requestsPerSecond: 100},
      faults: [zoneOutage('a', {at: 300, duration: 1800})],
      durationSeconds: HOUR,
    },
  },
  'in-memory-sessions': {
    id: 'in-memory-sessions',
    title: 'Two tasks with sessions in task memory',
    lesson:
      'Keeping sessions in task memory means the users of the lost zone lose their sessions even though the service keeps serving once the dead task is marked, and when the zone returns AZ rebalancing drains a task and signs out the users who had moved onto it.',
    model: {
      zones: ['a', 'b'],
      service: {desiredCount: 2, capacityPerTask: 100, sessionStore: 'task-memory', sticky: true},
      traffic: {requestsPerSecond: 100, activeSessions: 1000},
      // The zone returns at 2100 s: ECS AZ rebalancing (on by default) then moves a task back.
      faults: [zoneOutage('a', {at: 300, duration: 1800})],
      durationSeconds: HOUR,
    },
  },
  'six-tasks-three-zones': {
    id: 'six-tasks-three-zones',
    title: 'Six tasks in three zones',
    lesson:
      'Two tasks per zone, each zone able to carry half the peak (P / (N − 1)), lose a third of their capacity with a zone and still serve every request once detection is over.',
    model: {
      zones: ['a', 'b', 'c'],
      service: {desiredCount: 6, capacityPerTask: 50},
      traffic: {requestsPerSecond: 200},
      faults: [zoneOutage('b', {at: 300, duration: 1800})],
      durationSeconds: HOUR,
    },
  },
  'rds-multi-az': {
    id: 'rds-multi-az',
    title: 'RDS Multi-AZ instance loses its primary zone',
    lesson: 'A Multi-AZ DB instance fails writes for its failover, typically 60–120 s, but loses no acknowledged write, because the standby was synchronous.',
    model: {
      zones: ['a', 'b'],
      service: {desiredCount: 2},
      database: {kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'b'},
      traffic: {requestsPerSecond: 100, writeShare: 0.1},
      faults: [zoneOutage('a', {at: 300, duration: 1800})],
      durationSeconds: HOUR,
    },
  },
  'async-replica': {
    id: 'async-replica',
    title: 'Promoting an asynchronous read replica',
    lesson: 'Promoting an asynchronous replica after the primary is lost loses about lag × write rate acknowledged writes, and writes fail until someone promotes it.',
    model: {
      zones: ['a', 'b'],
      service: {desiredCount: 2},
      database: {kind: 'async-replica', primaryZone: 'a', replicaZone: 'b', lagSeconds: 5},
      traffic: {requestsPerSecond: 100, writeShare: 0.1},
      faults: [zoneOutage('a', {at: 300, duration: 3000})],
      actions: [promoteReplica({at: 600})],
      durationSeconds: HOUR,
    },
  },
  aurora: {
    id: 'aurora',
    title: 'Aurora loses its writer zone',
    lesson:
      'Aurora with a replica in another zone is writable again often in under a minute and typically in under two, and loses nothing, because its six-copy storage still has a write quorum.',
    model: {
      zones: ['a', 'b', 'c'],
      service: {desiredCount: 3},
      database: {kind: 'aurora', writerZone: 'a', replicaZones: ['b']},
      traffic: {requestsPerSecond: 100, writeShare: 0.1},
      faults: [zoneOutage('a', {at: 300, duration: 1800})],
      durationSeconds: HOUR,
    },
  },
  'gray-failure-zonal-shift': {
    id: 'gray-failure-zonal-shift',
    title: 'A gray failure ended by a zonal shift',
    lesson:
      'Health checks keep passing in a sick zone, so the load balancer never stops sending it traffic; a zonal shift away from the zone ends the errors.',
    model: {
      zones: ['a', 'b', 'c'],
      service: {desiredCount: 6, capacityPerTask: 50},
      traffic: {requestsPerSecond: 200},
      faults: [grayFailure('b', {at: 300, duration: 3000, errorShare: 0.5})],
      actions: [zonalShift('b', {at: 900, duration: 2700})],
      durationSeconds: HOUR,
    },
  },
  'zone-cut-off': {
    id: 'zone-cut-off',
    title: 'A zone cut off by a network partition',
    lesson:
      'Nothing dies, yet requests fail: load balancer nodes keep sending across the cut until health checks mark those targets, and Patroni moves the primary to the side with the majority, losing the asynchronous writes the old primary took after the cut.',
    model: {
      zones: ['a', 'b', 'c'],
      service: {desiredCount: 3, capacityPerTask: 100},
      traffic: {requestsPerSecond: 150},
      database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b', 'c'], replication: 'async'},
      faults: [zonePartition('a', {at: 300, duration: 900})],
      durationSeconds: HOUR,
    },
  },
  'dns-cache-cross-zone-off': {
    id: 'dns-cache-cross-zone-off',
    title: 'Clients that never forget a lost zone’s node',
    lesson:
      'With cross-zone load balancing off no request reaches the lost zone’s tasks, yet clients that cache DNS answers forever keep sending a third of their requests to its load balancer node until the zone returns.',
    model: {
      zones: ['a', 'b', 'c'],
      service: {desiredCount: 6, capacityPerTask: 100},
      loadBalancer: {type: 'network'},
      traffic: {requestsPerSecond: 300},
      clients: {dnsCacheSeconds: 'forever'},
      faults: [zoneOutage('a', {at: 300, duration: 1200})],
      durationSeconds: HOUR,
    },
  },
  'retry-storm': {
    id: 'retry-storm',
    title: 'A retry storm that outlasts the lost zone',
    lesson:
      'Past capacity the queues pass the clients’ timeout, every timed-out request is retried three times at once, and the fourfold load keeps the service failing long after the lost zone is back: a metastable failure.',
    model: {...hotFleet(), clients: {retries: 3}},
  },
  'retry-storm-tamed': {
    id: 'retry-storm-tamed',
    title: 'The same storm with backoff, jitter and a retry budget',
    lesson:
      'A retry budget of 10 % of first attempts keeps the load within the fleet once the zone is back, so the queues drain and the service recovers, while backoff with jitter spreads the retries out without making fewer of them.',
    model: {...hotFleet(), clients: {retries: 3, backoff: {baseSeconds: 1, capSeconds: 20, jitter: 'full'}, retryBudget: 0.1}},
  },
  'load-shedding': {
    id: 'load-shedding',
    title: 'Load shedding keeps the survivors serving',
    lesson:
      'Tasks that reject at once what they could not answer in time keep serving their whole capacity through the overload, even with clients retrying, and recover as soon as the zone is back.',
    model: {...hotFleet(), service: {desiredCount: 6, capacityPerTask: 100, loadShedding: true}, clients: {retries: 3}},
  },
};

/** Preset ids in teaching order. */
export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** The preset with this id (a deep copy, so callers may change it). */
export function getPreset(id: PresetId): Preset {
  const p = PRESETS[id];
  if (p === undefined) throw new Error(`unknown preset "${String(id)}" (known: ${PRESET_IDS.join(', ')})`);
  return structuredClone(p);
}
