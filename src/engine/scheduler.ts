/**
 * The ECS-like scheduler: it notices stopped tasks, launches replacements in the up zone with
 * the fewest tasks, and rebalances tasks across zones. Each rule handles one named event
 * (`scheduler/taskStopNoticed`, `scheduler/drainFinished`) and schedules what follows.
 */
import {loseTaskSessions} from './sessions';
import {fmt, log, schedule, zoneName, zoneUp, type Item, type Sim, type TaskRec} from './state';
import {createTask, resetChecks} from './tasks';

/** Every live node has `task` in its pool: only then does AZ rebalancing stop a task elsewhere. */
export function rebalanceWhenEverywhere(sim: Sim, task: TaskRec): void {
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

export function noticeStop(sim: Sim, task: TaskRec): void {
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
