/**
 * Tasks, their health checks and the ECS-like scheduler, as small rules over
 * the simulation state. Each rule handles one named event (`task/ready`,
 * `lb/targetMarkedUnhealthy`, …) and schedules what follows from it.
 *
 * Health-check arithmetic: with the shared schedule `phase + k × interval`, a
 * target that dies at `d` fails every check that starts at or after `d`; it is
 * marked unhealthy when the `unhealthyThreshold`-th of them times out, at
 * `s1 + (U − 1) × interval + timeout` where `s1` is the first check at or after
 * `d`. A new target enters service at its first check at or after it is ready;
 * a target that was marked unhealthy needs `healthyThreshold` passes in a row.
 */
import {nextCheckAtOrAfter} from './loadBalancer';
import {fmt, log, loseSessions, schedule, zoneName, zoneUp, type Item, type Sim, type TaskRec} from './state';

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
    lbGen: 0,
    failCheckStart: 0,
    removed: false,
    noticed: false,
    killedByZone: false,
    rebalance: false,
    healthySince: -1,
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

/** Tasks the load balancer currently sends traffic to as healthy. */
export function inServiceCount(sim: Sim): number {
  let n = 0;
  for (const t of sim.tasks) if (!t.removed && t.lb === 'healthy') n++;
  return n;
}

/**
 * Session bookkeeping when in-service targets leave service. With sticky sessions a
 * target takes its own share (sessions ÷ in-service targets) with it; without
 * stickiness a user's requests were spread over every task, so each session had state
 * on the leaving task and all of them count as lost.
 */
export function targetsLeftService(sim: Sim, leaving: number, why: string): void {
  if (sim.model.service.sessionStore !== 'task-memory' || leaving <= 0) return;
  const all = sim.model.traffic.activeSessions;
  const n = inServiceCount(sim);
  const lost = sim.model.service.sticky ? (all * leaving) / Math.max(n, leaving) : all;
  loseSessions(sim, lost, why);
}

/** A task stops (crash or zone outage). */
export function killTask(sim: Sim, task: TaskRec, byZone: boolean, why: string): void {
  if (task.removed || task.status === 'dead') return;
  const {healthCheck} = sim.model.loadBalancer;
  const wasInService = task.lb === 'healthy' && task.status === 'running';
  if (wasInService) targetsLeftService(sim, 1, `task ${task.id} stopped`);
  task.status = 'dead';
  task.killedByZone = byZone;
  task.lifeGen++;
  log(sim, 'task/stopped', `task ${task.id} stopped (${why})`, {zone: task.zone, task: task.id});
  if (task.lb === 'healthy' || task.lb === 'initial') {
    task.lbGen++;
    const s1 = nextCheckAtOrAfter(sim.t, sim.phase, healthCheck.intervalSeconds);
    task.failCheckStart = s1 + (healthCheck.unhealthyThreshold - 1) * healthCheck.intervalSeconds;
    schedule(sim, task.failCheckStart + healthCheck.timeoutSeconds, 'lb/targetMarkedUnhealthy', {
      task,
      gen: task.lbGen,
    });
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
  const {healthCheck} = sim.model.loadBalancer;
  task.status = 'running';
  sim.dirty = true;
  if (task.lb === 'unregistered' || task.lb === 'initial') {
    task.lb = 'initial';
    task.lbGen++;
    const first = nextCheckAtOrAfter(sim.t, sim.phase, healthCheck.intervalSeconds);
    log(sim, 'lb/targetRegistered', `task ${task.id} is ready and registered; first health check at t=${fmt(first)} s`, {
      zone: task.zone,
      task: task.id,
    });
    schedule(sim, first, 'lb/targetHealthy', {task, gen: task.lbGen});
    return;
  }
  if (task.lb === 'healthy' && task.failCheckStart < sim.t) {
    // The failing check that marks it unhealthy already started: that result stands.
    log(sim, 'task/restarted', `instance ${task.id} restarted`, {zone: task.zone, task: task.id});
    return;
  }
  if (task.lb === 'healthy') {
    task.lbGen++; // a passing check arrives before the threshold is reached
    log(sim, 'task/restarted', `instance ${task.id} restarted before it was marked unhealthy`, {
      zone: task.zone,
      task: task.id,
    });
    return;
  }
  scheduleRecoveryChecks(sim, task);
  log(sim, 'task/restarted', `instance ${task.id} restarted; needs ${healthCheck.healthyThreshold} passing checks`, {
    zone: task.zone,
    task: task.id,
  });
}

function scheduleRecoveryChecks(sim: Sim, task: TaskRec): void {
  const {healthCheck} = sim.model.loadBalancer;
  task.lbGen++;
  const first = nextCheckAtOrAfter(sim.t, sim.phase, healthCheck.intervalSeconds);
  schedule(sim, first + (healthCheck.healthyThreshold - 1) * healthCheck.intervalSeconds, 'lb/targetHealthy', {
    task,
    gen: task.lbGen,
  });
}

/** `lb/targetMarkedUnhealthy`: the unhealthy threshold of failed checks is reached. */
export function ruleTargetMarkedUnhealthy(sim: Sim, item: Item): void {
  const task = item.task!;
  if (item.gen !== task.lbGen || task.removed) return;
  if (task.lb !== 'healthy' && task.lb !== 'initial') return;
  const {healthCheck} = sim.model.loadBalancer;
  task.lb = 'unhealthy';
  sim.dirty = true;
  log(
    sim,
    'lb/targetMarkedUnhealthy',
    `task ${task.id} marked unhealthy after ${healthCheck.unhealthyThreshold} failed checks`,
    {zone: task.zone, task: task.id},
  );
  if (task.status === 'running') {
    scheduleRecoveryChecks(sim, task);
    return;
  }
  // ECS replaces tasks that fail target-group health checks.
  if (sim.model.scheduler.kind === 'ecs' && !task.noticed) noticeStop(sim, task);
}

/** `lb/targetHealthy`: the target passed the checks it needed and enters service. */
export function ruleTargetHealthy(sim: Sim, item: Item): void {
  const task = item.task!;
  if (item.gen !== task.lbGen || task.removed || task.status !== 'running') return;
  const {healthCheck} = sim.model.loadBalancer;
  const was = task.lb;
  if (was !== 'initial' && was !== 'unhealthy') return;
  task.lb = 'healthy';
  task.healthySince = sim.t;
  sim.dirty = true;
  const how =
    was === 'initial'
      ? 'passed its first health check and entered service'
      : `passed ${healthCheck.healthyThreshold} health checks in a row and returned to service`;
  log(sim, 'lb/targetHealthy', `task ${task.id} ${how}`, {zone: task.zone, task: task.id});
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
  task.lbGen++;
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
  targetsLeftService(sim, 1, `task ${victim.id} drained by rebalancing`);
  victim.lb = 'draining';
  victim.lbGen++;
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
  for (const task of sim.tasks) {
    if (task.zone !== z || task.removed || task.status === 'dead') continue;
    if (task.lb === 'draining') {
      ruleDrainFinished(sim, {t: sim.t, seq: 0, rule: 'scheduler/drainFinished', task});
      continue;
    }
    killTask(sim, task, true, `zone ${zoneName(sim, z)} failed`);
  }
}

/** Zone `z` is back: a fixed fleet restarts its instances; ECS places waiting tasks and may rebalance. */
export function zoneReturned(sim: Sim, z: number): void {
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
