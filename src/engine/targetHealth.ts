/**
 * The load balancer's view of each target, per node. Health checks run per load balancer node,
 * each on its own schedule (`healthChecks.ts`): every node marks a dead target on its own and
 * takes a new or recovered one into its own pool on its own. The target as a whole is in
 * service once one node has it, and is marked unhealthy (which ECS acts on) once every live
 * node has marked it.
 */
import {nextCheckAtOrAfter, nodeMarkTime, nodeReturnTime} from './healthChecks';
import {noticeStop, rebalanceWhenEverywhere} from './scheduler';
import {targetEnteredService} from './sessions';
import {connected, log, schedule, zoneUp, type Item, type Sim, type TaskRec} from './state';

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
