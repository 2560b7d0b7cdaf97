/**
 * Tasks, their health checks and the ECS-like scheduler, as small rules over
 * the simulation state. Each rule handles one named event (`task/ready`,
 * `lb/targetMarkedUnhealthy`, …) and schedules what follows from it.
 *
 * Health checks run per load balancer node, each on its own schedule (`healthChecks.ts`):
 * every node marks a dead target on its own and takes a new or recovered one into its own
 * pool on its own. The target as a whole is in service once one node has it, and is marked
 * unhealthy (which ECS acts on) once every live node has marked it.
 */
import {connected, fmt, log, schedule, zoneName, zoneUp, type Item, type Sim, type TaskRec} from './state';
import {nextCheckAtOrAfter, nodeMarkTime, nodeReturnTime} from './healthChecks';
import {loseTaskSessions, targetEnteredService} from './sessions';
import {emptyQueue} from './clients/queueing';
import {targetConnectionsLost} from './clients/keepAlive';

/** Creates a task record in zone `z` (not yet scheduled). */
export function createTask(sim: Sim, z: number, status: TaskRec['status']): TaskRec {
  const n = sim.nextSeq[z]!;
  sim.nextSeq[z] = n + 1;
  const task: TaskRec = {
    id: `${zoneName(sim, z)}-${n}`,
    zone: z,
    status,
    lb: status === 'running' ? 'healthy' : 'unregistered',
    lifeGen: 0,
    view: sim.model.zones.map(() => (status === 'running' ? 'in' : 'out')),
    nodeGen: sim.model.zones.map(() => 0),
    failCheckStart: sim.model.zones.map(() => Infinity),
    sessions: 0,
    removed: false,
    noticed: false,
    killedByZone: false,
    rebalance: false,
    healthySince: -1,
    queue: emptyQueue(),
  };
  sim.tasks.push(task);
  return task;
}

/** The service starts in a steady state: every task running and in service. */
export function createInitialTasks(sim: Sim): void {
  sim.model.zones.forEach((zone, z) => {
    const count = sim.model.service.tasksPerZone[zone] ?? 0;
    for (let i = 0; i < count; i++) createTask(sim, z, 'running');
  });
}

/** Cancels every pending health-check result of `task`, at every node. */
export function resetChecks(task: TaskRec): void {
  for (let k = 0; k < task.nodeGen.length; k++) {
    task.nodeGen[k]!++;
    task.failCheckStart[k] = Infinity;
  }
}

/** Node `k` will mark `task` unhealthy: it stopped answering there now (death, or a cut between them). */
export function scheduleNodeMark(sim: Sim, task: TaskRec, k: number): void {
  if (task.failCheckStart[k]! !== Infinity) return; // a failing sequence is already under way
  const {failCheckStart, markAt} = nodeMarkTime(sim.t, sim.phases[k]!, sim.model.loadBalancer.healthCheck);
  task.nodeGen[k]!++;
  task.failCheckStart[k] = failCheckStart;
  schedule(sim, markAt, 'lb/targetMarkedUnhealthy', {task, gen: task.nodeGen[k]!, zone: k});
}

/** Node `k` starts checking `task` again: one pass for a new target, the healthy threshold for one it marked. */
export function scheduleNodeReturn(sim: Sim, task: TaskRec, k: number): void {
  const hc = sim.model.loadBalancer.healthCheck;
  task.nodeGen[k]!++;
  task.failCheckStart[k] = Infinity;
  const at = task.view[k] === 'unhealthy' ? nodeReturnTime(sim.t, sim.phases[k]!, hc) : nextCheckAtOrAfter(sim.t, sim.phases[k]!, hc.intervalSeconds);
  schedule(sim, at, 'lb/targetHealthy', {task, gen: task.nodeGen[k]!, zone: k});
}

/** A task stops (crash or zone outage). */
export function killTask(sim: Sim, task: TaskRec, byZone: boolean, why: string): void {
  if (task.removed || task.status === 'dead') return;
  targetConnectionsLost(sim, task);
  const wasInService = task.lb === 'healthy' && task.status === 'running';
  if (wasInService && !byZone) loseTaskSessions(sim, [{task, share: 1}], `task ${task.id} stopped`);
  task.status = 'dead';
  task.killedByZone = byZone;
  task.lifeGen++;
  log(sim, 'task/stopped', `task ${task.id} stopped (${why})`, {zone: task.zone, task: task.id});
  if (task.lb === 'healthy' || task.lb === 'initial') {
    for (const k of sim.nodes) if (task.view[k] !== 'unhealthy' && zoneUp(sim, k)) scheduleNodeMark(sim, task, k);
  }
  if (sim.model.scheduler.kind === 'ecs' && task.lb !== 'draining') {
    schedule(sim, sim.t + sim.model.scheduler.noticeSeconds, 'scheduler/taskStopNoticed', {task, gen: task.lifeGen});
  }
  sim.dirty = true;
}

/** `task/ready`: the task has started; it registers with the load balancer and waits for checks. */
export function ruleTaskReady(sim: Sim, item: Item): void {
  const task = item.task!;
  if (item.gen !== task.lifeGen || task.status !== 'starting' || task.removed) return;
  task.status = 'running';
  sim.dirty = true;
  if (task.lb === 'unregistered' || task.lb === 'initial') {
    task.lb = 'initial';
    resetChecks(task);
    let first = Infinity;
    for (const k of sim.nodes) {
      task.view[k] = 'out';
      scheduleNodeReturn(sim, task, k);
      first = Math.min(first, nextCheckAtOrAfter(sim.t, sim.phases[k]!, sim.model.loadBalancer.healthCheck.intervalSeconds));
    }
    log(sim, 'lb/targetRegistered', `task ${task.id} is ready and registered; first health check at t=${fmt(first)} s`, {
      zone: task.zone,
      task: task.id,
    });
    return;
  }
  // An instance restarts in place (a fixed fleet after its zone returns). At each node: a
  // failing check that already started still marks it; a later one is cancelled by a pass;
  // a node that has marked it needs the healthy threshold of passes.
  let pending = 0;
  let marked = 0;
  for (const k of sim.nodes) {
    if (task.view[k] === 'unhealthy') {
      marked++;
      scheduleNodeReturn(sim, task, k);
    } else if (task.failCheckStart[k]! < sim.t) pending++;
    else {
      task.nodeGen[k]!++;
      task.failCheckStart[k] = Infinity;
    }
  }
  const how =
    marked > 0
      ? `; needs ${sim.model.loadBalancer.healthCheck.healthyThreshold} passing checks`
      : pending > 0
        ? ''
        : ' before it was marked unhealthy';
  log(sim, 'task/restarted', `instance ${task.id} restarted${how}`, {zone: task.zone, task: task.id});
}

function liveNodesMarked(sim: Sim, task: TaskRec): {marked: number; all: boolean} {
  let marked = 0;
  let all = true;
  for (const k of sim.nodes) {
    if (task.view[k] === 'unhealthy') marked++;
    else if (zoneUp(sim, k)) all = false;
  }
  return {marked, all};
}

/** `lb/targetMarkedUnhealthy`: one node has seen the unhealthy threshold of failed checks. */
export function ruleTargetMarkedUnhealthy(sim: Sim, item: Item): void {
  const task = item.task!;
  const k = item.zone!;
  if (item.gen !== task.nodeGen[k] || task.removed) return;
  if (task.lb !== 'healthy' && task.lb !== 'initial') return;
  task.failCheckStart[k] = Infinity;
  if (task.view[k] === 'unhealthy') return;
  task.view[k] = 'unhealthy';
  sim.dirty = true;
  if (task.status === 'running') scheduleNodeReturn(sim, task, k);
  nodeMarked(sim, task, `${sim.model.loadBalancer.healthCheck.unhealthyThreshold} failed checks`);
}

/**
 * A node has just marked `task`: the first node says so; once every live node has, the target
 * is marked unhealthy as a whole and ECS replaces a stopped task.
 */
export function nodeMarked(sim: Sim, task: TaskRec, after: string): void {
  const {marked, all} = liveNodesMarked(sim, task);
  if (!all || task.status === 'running') {
    if (marked === 1 && sim.nodes.length > 1 && task.status !== 'running') {
      log(sim, 'lb/nodeMarkedUnhealthy', `a load balancer node marked task ${task.id} unhealthy after ${after}; the other nodes follow on their own schedules`, {
        zone: task.zone,
        task: task.id,
      });
    }
    if (!all) return;
  }
  task.lb = 'unhealthy';
  log(sim, 'lb/targetMarkedUnhealthy', `task ${task.id} marked unhealthy after ${after}${sim.nodes.length > 1 ? ' at every load balancer node' : ''}`, {
    zone: task.zone,
    task: task.id,
  });
  // ECS replaces tasks that fail target-group health checks.
  if (task.status !== 'running' && sim.model.scheduler.kind === 'ecs' && !task.noticed) noticeStop(sim, task);
}

/** `lb/targetHealthy`: one node's checks passed; the target enters that node's pool. */
export function ruleTargetHealthy(sim: Sim, item: Item): void {
  const task = item.task!;
  const k = item.zone!;
  if (item.gen !== task.nodeGen[k] || task.removed || task.status !== 'running') return;
  // A node across a network partition cannot reach it, and a node whose zone is down does not
  // check: the heal or the zone's return schedules its checks again.
  if (!connected(sim, k, task.zone) || !zoneUp(sim, k)) return;
  if (task.view[k] === 'in') return;
  task.view[k] = 'in';
  sim.dirty = true;
  enteredService(sim, task);
  rebalanceWhenEverywhere(sim, task);
}

/** The first node took `task` in: the target as a whole is in service. */
function enteredService(sim: Sim, task: TaskRec): void {
  const was = task.lb;
  if (was !== 'initial' && was !== 'unhealthy') return;
  const {healthCheck} = sim.model.loadBalancer;
  task.lb = 'healthy';
  task.healthySince = sim.t;
  const how =
    was === 'initial'
      ? 'passed its first health check and entered service'
      : `passed ${healthCheck.healthyThreshold} health checks in a row and returned to service`;
  log(sim, 'lb/targetHealthy', `task ${task.id} ${how}`, {zone: task.zone, task: task.id});
  targetEnteredService(sim);
}

/** Every live node has `task` in its pool: only then does AZ rebalancing stop a task elsewhere. */
function rebalanceWhenEverywhere(sim: Sim, task: TaskRec): void {
  for (const k of sim.nodes) if (zoneUp(sim, k) && task.view[k] !== 'in') return;
  if (task.rebalance) {
    task.rebalance = false;
    sim.rebalanceInFlight = false;
    drainOneFromFullestZone(sim, task.zone);
    maybeRebalance(sim);
  }
}

/** `scheduler/taskStopNoticed`: the scheduler notices a stopped task on its own. */
export function ruleTaskStopNoticed(sim: Sim, item: Item): void {
  const task = item.task!;
  if (task.noticed || task.removed || task.status !== 'dead') return;
  noticeStop(sim, task);
}

function noticeStop(sim: Sim, task: TaskRec): void {
  task.noticed = true;
  task.removed = true;
  resetChecks(task);
  const wasRegistered = task.lb !== 'unregistered';
  task.lb = 'unregistered';
  sim.dirty = true;
  if (task.rebalance) {
    task.rebalance = false;
    sim.rebalanceInFlight = false;
  }
  // Like ECS, the scheduler keeps the running count at the desired count: a task started only
  // to rebalance, or one left over when rebalancing found nothing to drain, is not replaced.
  const known = tasksPerZoneAsSchedulerSees(sim).reduce((a, b) => a + b, 0);
  const replace = known + sim.pendingLaunches < sim.model.service.desiredCount;
  log(
    sim,
    'scheduler/taskStopNoticed',
    `scheduler noticed task ${task.id} stopped${wasRegistered ? ' and deregistered it' : ''}${replace ? '; launching a replacement' : ''}`,
    {zone: task.zone, task: task.id},
  );
  if (!replace) return;
  sim.pendingLaunches++;
  launchPending(sim);
}

/**
 * Tasks per zone as the scheduler sees them, used for the spread: starting or running and not
 * draining, plus tasks that have stopped but whose stop it has not noticed yet (it still
 * believes them running, as ECS does until a task's stop is reported).
 */
export function tasksPerZoneAsSchedulerSees(sim: Sim): number[] {
  const counts = new Array<number>(sim.model.zones.length).fill(0);
  for (const t of sim.tasks) {
    if (!t.removed && t.lb !== 'draining' && (t.status !== 'dead' || !t.noticed)) counts[t.zone]!++;
  }
  return counts;
}

function launchIn(sim: Sim, z: number, rebalance: boolean): void {
  const task = createTask(sim, z, 'starting');
  task.rebalance = rebalance;
  const ready = sim.t + sim.model.service.startSeconds;
  schedule(sim, ready, 'task/ready', {task, gen: task.lifeGen});
  sim.dirty = true;
  log(
    sim,
    'scheduler/taskLaunched',
    `scheduler launched task ${task.id} in zone ${zoneName(sim, z)}${rebalance ? ' to rebalance' : ''}; ready at t=${fmt(ready)} s`,
    {zone: z, task: task.id},
  );
}

/** Places waiting replacements in the up zone with the fewest tasks (ECS spread). */
export function launchPending(sim: Sim): void {
  while (sim.pendingLaunches > 0) {
    const counts = tasksPerZoneAsSchedulerSees(sim);
    let best = -1;
    for (let z = 0; z < counts.length; z++) {
      if (!zoneUp(sim, z)) continue;
      if (best < 0 || counts[z]! < counts[best]!) best = z;
    }
    if (best < 0) {
      log(sim, 'scheduler/placementFailed', `no zone is up; ${sim.pendingLaunches} task(s) wait for a zone`);
      return;
    }
    sim.pendingLaunches--;
    launchIn(sim, best, false);
  }
}

/** AZ rebalancing: start a task in the emptiest up zone when the spread is off by more than one. */
export function maybeRebalance(sim: Sim): void {
  if (sim.model.scheduler.kind !== 'ecs' || !sim.model.scheduler.rebalance || sim.rebalanceInFlight) return;
  const counts = tasksPerZoneAsSchedulerSees(sim);
  let min = -1;
  let max = -1;
  for (let z = 0; z < counts.length; z++) {
    if (!zoneUp(sim, z)) continue;
    if (min < 0 || counts[z]! < counts[min]!) min = z;
    if (max < 0 || counts[z]! > counts[max]!) max = z;
  }
  if (min < 0 || counts[max]! - counts[min]! <= 1) return;
  sim.rebalanceInFlight = true;
  log(sim, 'scheduler/rebalanceStarted', `AZ rebalancing: zone ${zoneName(sim, max)} has ${counts[max]} tasks, zone ${zoneName(sim, min)} has ${counts[min]}`);
  launchIn(sim, min, true);
}

/**
 * A rebalancing task in zone `into` entered service: stop one in the fullest zone. When the
 * fullest zone holds no task in service (its tasks stopped and nobody has noticed yet), nothing
 * is drained; the service runs one task over its desired count until a stop is noticed, and
 * that stop is then not replaced.
 */
function drainOneFromFullestZone(sim: Sim, into: number): void {
  const counts = tasksPerZoneAsSchedulerSees(sim);
  let max = -1;
  for (let z = 0; z < counts.length; z++) if (max < 0 || counts[z]! > counts[max]!) max = z;
  if (max === into || counts[max]! <= counts[into]!) return;
  let victim: TaskRec | undefined;
  for (const t of sim.tasks) {
    if (t.zone === max && !t.removed && t.status === 'running' && t.lb === 'healthy') victim = t; // the newest
  }
  if (victim === undefined) return;
  loseTaskSessions(sim, [{task: victim, share: 1}], `task ${victim.id} drained by rebalancing (only the users stuck to it)`);
  victim.lb = 'draining';
  resetChecks(victim);
  sim.dirty = true;
  const end = sim.t + sim.model.loadBalancer.deregistrationDelaySeconds;
  log(sim, 'lb/targetDraining', `task ${victim.id} deregistered for rebalancing; draining until t=${fmt(end)} s`, {
    zone: victim.zone,
    task: victim.id,
  });
  schedule(sim, end, 'scheduler/drainFinished', {task: victim});
}

/** `scheduler/drainFinished`: a drained task stops. */
export function ruleDrainFinished(sim: Sim, item: Item): void {
  const task = item.task!;
  if (task.removed) return;
  task.removed = true;
  task.status = 'dead';
  task.noticed = true;
  task.lb = 'unregistered';
  sim.dirty = true;
  log(sim, 'scheduler/taskDrained', `task ${task.id} finished draining and stopped`, {zone: task.zone, task: task.id});
}

/** Zone `z` failed: every task in it stops. */
export function killZoneTasks(sim: Sim, z: number): void {
  // Every task of the zone stops at once: their users sign in again on the other zones' tasks.
  const inService = sim.tasks.filter((t) => t.zone === z && !t.removed && t.status === 'running' && t.lb === 'healthy');
  loseTaskSessions(
    sim,
    inService.map((task) => ({task, share: 1})),
    `zone ${zoneName(sim, z)} failed with ${inService.length === 1 ? `task ${inService[0]!.id}` : `${inService.length} tasks`} in service`,
  );
  for (const task of sim.tasks) {
    if (task.zone !== z || task.removed || task.status === 'dead') continue;
    if (task.lb === 'draining') {
      ruleDrainFinished(sim, {t: sim.t, seq: 0, rule: 'scheduler/drainFinished', task});
      continue;
    }
    killTask(sim, task, true, `zone ${zoneName(sim, z)} failed`);
  }
  // The zone's load balancer node goes with it: when the zone returns, its node starts with an
  // empty pool (DNS leaves it out until then) and takes each target in at its first passing check.
  for (const task of sim.tasks) {
    task.view[z] = 'out';
    task.nodeGen[z]!++;
    task.failCheckStart[z] = Infinity;
  }
}

/** Zone `z` is back: its node checks the targets it does not have in service; a fixed fleet restarts its instances; ECS places waiting tasks and may rebalance. */
export function zoneReturned(sim: Sim, z: number): void {
  if (sim.nodes.includes(z)) {
    for (const t of sim.tasks) {
      if (!t.removed && t.status === 'running' && (t.lb === 'healthy' || t.lb === 'initial' || t.lb === 'unhealthy') && t.view[z] !== 'in') {
        scheduleNodeReturn(sim, t, z);
      }
    }
  }
  if (sim.model.scheduler.kind === 'none') {
    for (const task of sim.tasks) {
      if (task.zone !== z || task.removed || task.status !== 'dead' || !task.killedByZone) continue;
      task.status = 'starting';
      task.killedByZone = false;
      schedule(sim, sim.t + sim.model.service.startSeconds, 'task/ready', {task, gen: task.lifeGen});
      sim.dirty = true;
    }
    return;
  }
  launchPending(sim);
  maybeRebalance(sim);
}

/** `task/crashed`: one task crashes. */
export function ruleTaskCrashed(sim: Sim, item: Item): void {
  const id = item.text!;
  const task = sim.tasks.find((t) => t.id === id && !t.removed && t.status !== 'dead');
  if (task === undefined) {
    log(sim, 'fault/ignored', `task ${id} is not running, so the crash does nothing`);
    return;
  }
  killTask(sim, task, false, 'crashed');
}
