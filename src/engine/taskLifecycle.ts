/**
 * A task's life as faults touch it: it becomes ready and registers, it crashes, its zone fails
 * (every task there stops) or returns (its node checks the targets again, a fixed fleet
 * restarts its instances, ECS places waiting tasks).
 */
import {targetConnectionsLost} from './clients/keepAlive';
import {nextCheckAtOrAfter} from './healthChecks';
import {ruleDrainFinished, launchPending, maybeRebalance} from './scheduler';
import {loseTaskSessions} from './sessions';
import {fmt, log, schedule, zoneName, zoneUp, type Item, type Sim, type TaskRec} from './state';
import {scheduleNodeMark, scheduleNodeReturn} from './targetHealth';
import {resetChecks} from './tasks';

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
