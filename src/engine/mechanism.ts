/**
 * The mechanism at one moment, for the lab's diagram: how far each failing
 * target is through its health checks, when the scheduler's replacement starts,
 * how far a database failover has gone and what the primary has acknowledged
 * that no replica holds yet.
 *
 * Everything here is read from a result (its event times, segments and
 * resolved settings); nothing is simulated again. The health-check schedule in
 * particular is not recomputed from the seed: the check that marks a target
 * unhealthy is found from the engine's own `lb/targetMarkedUnhealthy` (or
 * `partition/marked`) event, and the earlier checks of the same count are
 * whole intervals before it. Each load balancer node checks on its own phase
 * (`result.healthCheckPhases`), so the nodes' counts can differ: they are split per
 * node only when the nodes' own schedules end exactly where the engine's event
 * does, and otherwise stay one count read back from the event.
 */
import type {SimEvent, SimulationResult} from './types';
import {selectSegmentIndexAt} from './selectors';
import {nodeMarkTime} from './healthChecks';
import {eventText} from './state';

/** One load balancer node group's count of checks towards a change of a target's state. */
export interface CheckCount {
  /** Whose checks these are: `null` for every node, else a description such as "node in zone b". */
  nodes: string | null;
  /** The zone of the one load balancer node this count belongs to, when it is one node's. */
  nodeZone?: string;
  /** `'failing'`: counting failed checks towards the unhealthy threshold; `'passing'`: passes towards the healthy one. */
  direction: 'failing' | 'passing';
  /** Checks whose result is in at this moment. */
  done: number;
  /** Checks needed (the unhealthy or healthy threshold). */
  threshold: number;
  /** Seconds until the next check starts (at the soonest node, for a count shared by several), or `null` when the last one needed has started. */
  nextCheckInSeconds: number | null;
  /** Seconds until the threshold is reached (the target changes state); 0 once this node has marked it. */
  changesInSeconds: number;
}

/** What is happening to one task at this moment, beyond its state. */
export interface TargetMechanism {
  id: string;
  /** Health-check counts in progress (empty when nothing is counting). */
  checks: CheckCount[];
  /** For a stopped task: seconds until the scheduler notices (`null` if it does not within the run). */
  noticedInSeconds: number | null;
  /** For a starting task: seconds until it is ready and registered (`null` if not starting). */
  readyInSeconds: number | null;
  /** For a registered new task: seconds until its first passing check puts it in service. */
  inServiceInSeconds: number | null;
}

/** The scheduler at this moment. */
export interface SchedulerMechanism {
  /** Seconds until the next replacement task is launched, or `null` when none is pending. */
  replacementInSeconds: number | null;
  /** Tasks stopped whose stop the scheduler has not noticed yet. */
  unnoticedStops: number;
}

/** The database at this moment. */
/**
 * Where the database is between losing its primary and taking writes again:
 * - `waiting`: nothing is under way; `waitingFor` is why, in the event log's words (an operator, the
 *   instance's repair, a restart in place, a stalled or refused failover);
 * - `failingOver`: a failover or a writer's re-creation runs from `startedAt` to `endsAt` (`null` if it
 *   does not finish within the run), `progress` done;
 * - `notWriting`: a new primary serves, but takes no writes yet (no standby to acknowledge them).
 */
export interface DatabaseFailover {
  lostAt: number;
  phase: 'waiting' | 'failingOver' | 'notWriting';
  waitingFor: string | null;
  startedAt: number | null;
  endsAt: number | null;
  progress: number | null;
  /** When writes are accepted again (`null` if not within the run). */
  writesResumeAt: number | null;
}

export interface DatabaseMechanism {
  /** From the primary's loss until writes resume; `null` while writes are served. */
  failover: DatabaseFailover | null;
  /** Writes the primary has acknowledged that no replica holds yet (0 with synchronous replication). */
  unreplicatedWrites: number;
  /** The replica lag behind those writes, in seconds. */
  lagSeconds: number;
}

/** The whole mechanism at time `t`. */
export interface MechanismAt {
  t: number;
  targets: Record<string, TargetMechanism>;
  scheduler: SchedulerMechanism;
  database: DatabaseMechanism | null;
}

interface EventIndex {
  byTask: Map<string, SimEvent[]>;
  byType: Map<string, SimEvent[]>;
  /** The database's own events (`db/…`), in order. */
  database: SimEvent[];
}

const indexes = new WeakMap<SimulationResult, EventIndex>();

/** Events grouped by task and by type, built once per result. */
function indexOf(result: SimulationResult): EventIndex {
  let index = indexes.get(result);
  if (index) return index;
  index = {byTask: new Map(), byType: new Map(), database: []};
  for (const event of result.events) {
    if (event.task !== undefined) push(index.byTask, event.task, event);
    push(index.byType, event.type, event);
    if (event.type.startsWith('db/')) index.database.push(event);
  }
  indexes.set(result, index);
  return index;
}

function push(map: Map<string, SimEvent[]>, key: string, event: SimEvent): void {
  const list = map.get(key);
  if (list) list.push(event);
  else map.set(key, [event]);
}

/** The first event of `types` at or after `from` (and, if given, before `before`). */
function firstAfter(events: readonly SimEvent[] | undefined, types: readonly string[], from: number, before = Infinity) {
  return events?.find((e) => e.t >= from && e.t < before && types.includes(e.type));
}

/** The last event of `types` at or before `t`. */
function lastBefore(events: readonly SimEvent[] | undefined, types: readonly string[], t: number) {
  if (!events) return undefined;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.t <= t && types.includes(e.type)) return e;
  }
  return undefined;
}

/**
 * The count of checks at `t` given when the last one ends (`endsAt`), how many are needed,
 * the interval and how long a check takes to give its result (`resultAfter`: the timeout
 * for failing checks, 0 for passing ones).
 */
export function checkCountAt(
  t: number,
  endsAt: number,
  threshold: number,
  interval: number,
  resultAfter: number,
): Pick<CheckCount, 'done' | 'threshold' | 'nextCheckInSeconds' | 'changesInSeconds'> {
  const lastStart = endsAt - resultAfter;
  let done = 0;
  let nextStart: number | null = null;
  for (let k = 0; k < threshold; k++) {
    const start = lastStart - (threshold - 1 - k) * interval;
    if (start + resultAfter <= t) done++;
    if (start > t && nextStart === null) nextStart = start;
  }
  return {done, threshold, nextCheckInSeconds: nextStart === null ? null : nextStart - t, changesInSeconds: endsAt - t};
}

const STOP_TYPES = ['task/stopped'];
const MARKED_TYPES = ['lb/targetMarkedUnhealthy'];
const READY_TYPES = ['lb/targetRegistered', 'task/restarted'];


function targetAt(result: SimulationResult, id: string, t: number, index: EventIndex): TargetMechanism {
  const {healthCheck} = result.model.loadBalancer;
  const events = index.byTask.get(id);
  const mechanism: TargetMechanism = {id, checks: [], noticedInSeconds: null, readyInSeconds: null, inServiceInSeconds: null};
  const stop = lastBefore(events, STOP_TYPES, t);
  const revived = stop ? firstAfter(events, READY_TYPES, stop.t, t + 1e-9) : undefined;
  if (stop && !revived) {
    // Stopped: its checks fail until the load balancer marks it, and the scheduler notices on its own clock.
    const marked = firstAfter(events, MARKED_TYPES, stop.t);
    const noticed = firstAfter(events, ['scheduler/taskStopNoticed'], stop.t);
    if (marked && marked.t > t && (!noticed || noticed.t > t)) {
      const nodes = liveNodes(result, stop.t).filter((zone) => liveNodes(result, t).includes(zone));
      mechanism.checks.push(...failingCounts(result, nodes, stop.t, t, marked.t, null));
    }
    if (noticed && noticed.t > t) mechanism.noticedInSeconds = noticed.t - t;
    return mechanism;
  }
  const launched = lastBefore(events, ['scheduler/taskLaunched'], t);
  if (launched) {
    // A new task: it starts, registers, and enters service at its first passing check.
    const registered = firstAfter(events, ['lb/targetRegistered'], launched.t);
    if (registered && registered.t > t) mechanism.readyInSeconds = registered.t - t;
    const healthy = registered ? firstAfter(events, ['lb/targetHealthy'], registered.t) : undefined;
    if (registered && registered.t <= t && healthy && healthy.t > t) mechanism.inServiceInSeconds = healthy.t - t;
  }
  const mark = lastBefore(events, MARKED_TYPES, t);
  const restarted = mark ? firstAfter(events, ['task/restarted'], mark.t, t + 1e-9) : undefined;
  const back = restarted ? firstAfter(events, ['lb/targetHealthy'], restarted.t) : undefined;
  if (back && back.t > t) {
    // Marked unhealthy and answering again: passes in a row bring it back.
    const count = checkCountAt(t, back.t, healthCheck.healthyThreshold, healthCheck.intervalSeconds, 0);
    mechanism.checks.push({nodes: null, direction: 'passing', ...count});
  }
  return mechanism;
}

/** Zones whose load balancer node is up at `t` (a node in a zone that is down checks nothing). */
function liveNodes(result: SimulationResult, t: number): string[] {
  const segment = result.segments[selectSegmentIndexAt(result, t)]!;
  return Object.keys(result.healthCheckPhases).filter((zone) => segment.zones.find((z) => z.zone === zone)?.status === 'up');
}

/** When each of `nodes` marks a target that stopped answering it at `from`, from the node's own phase. */
function nodeMarks(result: SimulationResult, nodes: readonly string[], from: number): {zone: string; markAt: number}[] {
  const {healthCheck} = result.model.loadBalancer;
  return nodes.map((zone) => ({zone, markAt: nodeMarkTime(from, result.healthCheckPhases[zone]!, healthCheck).markAt}));
}

function nodeLabel(zones: readonly string[]): string {
  return zones.length === 1 ? `node in zone ${zones[0]}` : `nodes in zones ${zones.join(', ')}`;
}

/**
 * The failing checks of `nodes` at `t` towards marking a target that stopped answering them at
 * `from`, where the last of them marks it at `lastMark` (the engine's event). One count when
 * every node has the same number of failed checks (its next check is the soonest node's); one
 * count per node when they differ, with a node that has already marked the target at its threshold.
 * If the nodes' schedules do not end at `lastMark` (a node that had already marked the target,
 * say), the count is read back from `lastMark` alone, as for a single node.
 */
function failingCounts(
  result: SimulationResult,
  nodes: readonly string[],
  from: number,
  t: number,
  lastMark: number,
  group: string | null,
): CheckCount[] {
  const {unhealthyThreshold, intervalSeconds, timeoutSeconds} = result.model.loadBalancer.healthCheck;
  const marks = nodeMarks(result, nodes, from);
  const latest = Math.max(...marks.map((m) => m.markAt));
  if (marks.length === 0 || Math.abs(latest - lastMark) > 1e-6) {
    const count = checkCountAt(t, lastMark, unhealthyThreshold, intervalSeconds, timeoutSeconds);
    return [{nodes: group, direction: 'failing', ...count}];
  }
  const perNode: CheckCount[] = marks.map(({zone, markAt}) => {
    const count =
      markAt <= t
        ? {done: unhealthyThreshold, threshold: unhealthyThreshold, nextCheckInSeconds: null, changesInSeconds: 0}
        : checkCountAt(t, markAt, unhealthyThreshold, intervalSeconds, timeoutSeconds);
    return {nodes: nodeLabel([zone]), nodeZone: zone, direction: 'failing', ...count};
  });
  if (perNode.length > 1 && perNode.some((c) => c.done !== perNode[0]!.done)) return perNode;
  const nexts = perNode.map((c) => c.nextCheckInSeconds).filter((n): n is number => n !== null);
  return [
    {
      nodes: group,
      ...(perNode.length === 1 ? {nodeZone: perNode[0]!.nodeZone} : {}),
      direction: 'failing',
      done: perNode[0]!.done,
      threshold: unhealthyThreshold,
      nextCheckInSeconds: nexts.length > 0 ? Math.min(...nexts) : null,
      changesInSeconds: lastMark - t,
    },
  ];
}

/** Checks the load balancer nodes on each side of a partition are failing for targets across it. */
function partitionChecks(result: SimulationResult, t: number, index: EventIndex): Map<string, CheckCount[]> {
  const counts = new Map<string, CheckCount[]>();
  const started = lastBefore(index.byType.get('partition/started'), ['partition/started'], t);
  if (!started || !result.model.loadBalancer.crossZone) return counts;
  const marked = firstAfter(index.byType.get('partition/marked'), ['partition/marked'], started.t);
  const healed = firstAfter(index.byType.get('partition/healed'), ['partition/healed'], started.t);
  if (!marked || marked.t <= t || (healed && healed.t <= t)) return counts;
  const cutZone = started.zone!;
  // Targets in the cut zone fail the checks of every other node; the others fail those of the cut zone's node.
  const all = Object.keys(result.healthCheckPhases);
  const outsideNodes = all.filter((zone) => zone !== cutZone);
  const insideNodes = all.filter((zone) => zone === cutZone);
  // The last node of all marks at the engine's event; each side's last mark is its own nodes' latest.
  const marks = nodeMarks(result, all, started.t);
  const consistent = marks.length > 0 && Math.abs(Math.max(...marks.map((m) => m.markAt)) - marked.t) <= 1e-6;
  const sideEnd = (nodes: string[]) =>
    consistent ? Math.max(...marks.filter((m) => nodes.includes(m.zone)).map((m) => m.markAt)) : marked.t;
  const side = (nodes: string[], label: string): CheckCount[] => {
    if (nodes.length === 0) return [];
    const end = sideEnd(nodes);
    if (end <= t) return [];
    return failingCounts(result, nodes, started.t, t, end, label);
  };
  counts.set('inside', side(outsideNodes, `nodes outside zone ${cutZone}`));
  counts.set('outside', side(insideNodes, `node in zone ${cutZone}`));
  return counts;
}

// The events that say where a database is after its primary's loss (src/engine/database).
const PRIMARY_LOST = ['db/primaryLost'];
const WAITING = ['db/noFailover', 'db/promotionScheduled', 'db/waitingForOperator', 'db/restartingInPlace', 'db/failoverStalled', 'db/failoverRefused'];
const STARTING = ['db/failoverStarted', 'db/writerCreating'];
const SERVING = ['db/replicaPromoted', 'db/writerCreated', 'db/primaryRecovered'];
const PHASES = [...WAITING, ...STARTING, ...SERVING];

function failoverAt(events: readonly SimEvent[], t: number): DatabaseFailover | null {
  const lost = lastBefore(events, PRIMARY_LOST, t);
  if (!lost) return null;
  const resumed = firstAfter(events, ['db/writesResumed'], lost.t);
  if (resumed && resumed.t <= t) return null;
  const writesResumeAt = resumed?.t ?? null;
  // The latest thing said about the database since the loss decides the phase: a failover that stalled waits again.
  const said = lastBefore(events, PHASES, t);
  const latest = said && said.t >= lost.t ? said : undefined;
  const base = {lostAt: lost.t, waitingFor: null, startedAt: null, endsAt: null, progress: null, writesResumeAt};
  if (latest && SERVING.includes(latest.type)) return {...base, phase: 'notWriting'};
  if (latest && STARTING.includes(latest.type)) {
    const ends = firstAfter(events, [...SERVING, ...WAITING], latest.t + 1e-9);
    const endsAt = ends && SERVING.includes(ends.type) ? ends.t : null;
    const progress = endsAt === null || endsAt === latest.t ? null : (t - latest.t) / (endsAt - latest.t);
    return {...base, phase: 'failingOver', startedAt: latest.t, endsAt, progress};
  }
  return {...base, phase: 'waiting', waitingFor: latest ? eventText(latest) : null};
}

function databaseAt(result: SimulationResult, t: number, index: EventIndex): DatabaseMechanism | null {
  if (result.model.database.kind === 'none') return null;
  const here = result.segments[selectSegmentIndexAt(result, t)]!;
  const lagSeconds = here.db && here.db.writable ? here.db.replicaLagSeconds : 0;
  return {failover: failoverAt(index.database, t), unreplicatedWrites: lagSeconds > 0 ? writesBetween(result, t - lagSeconds, t) : 0, lagSeconds};
}

/** Writes the database acknowledged in [from, to), from the segments' write rates. */
export function writesBetween(result: SimulationResult, from: number, to: number): number {
  let total = 0;
  for (let i = selectSegmentIndexAt(result, Math.max(0, from)); i < result.segments.length; i++) {
    const s = result.segments[i]!;
    if (s.from >= to) break;
    const length = Math.min(to, s.to) - Math.max(from, s.from);
    if (length > 0) total += s.writesServed * length;
  }
  return total;
}

function schedulerAt(result: SimulationResult, t: number, index: EventIndex): SchedulerMechanism {
  let unnoticedStops = 0;
  let replacementAt: number | null = null;
  for (const stop of index.byType.get('task/stopped') ?? []) {
    if (stop.t > t) break;
    const noticed = firstAfter(index.byTask.get(stop.task!), ['scheduler/taskStopNoticed'], stop.t);
    if (noticed && noticed.t <= t) continue;
    unnoticedStops++;
    const launch = noticed ? firstAfter(index.byType.get('scheduler/taskLaunched'), ['scheduler/taskLaunched'], noticed.t) : undefined;
    if (launch && launch.t === noticed!.t && (replacementAt === null || launch.t < replacementAt)) replacementAt = launch.t;
  }
  return {replacementInSeconds: replacementAt === null ? null : replacementAt - t, unnoticedStops};
}

/** The mechanism at time `t`: check counts per target, the scheduler's next replacement, the database failover. */
export function selectMechanismAt(result: SimulationResult, t: number): MechanismAt {
  const index = indexOf(result);
  const segment = result.segments[selectSegmentIndexAt(result, t)]!;
  const partition = partitionChecks(result, t, index);
  const cutZone = segment.zones.find((zone) => zone.partitioned)?.zone;
  const targets: Record<string, TargetMechanism> = {};
  for (const target of segment.targets) {
    const mechanism = targetAt(result, target.id, t, index);
    const across = partition.get(target.zone === cutZone ? 'inside' : 'outside');
    if (across && target.lbState === 'healthy' && target.state !== 'dead') mechanism.checks.push(...across);
    targets[target.id] = mechanism;
  }
  return {t, targets, scheduler: schedulerAt(result, t, index), database: databaseAt(result, t, index)};
}
