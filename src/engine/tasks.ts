/**
 * Task records: creating them, and cancelling their pending health-check results. The rules
 * that change tasks live with their mechanism: `targetHealth.ts` (the load balancer's view),
 * `scheduler.ts` (ECS replacing and rebalancing), `taskLifecycle.ts` (a task starts or stops).
 */
import {zoneName, type Sim, type TaskRec} from './state';
import {emptyQueue} from './clients/queueing';

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
    flowTarget: -1,
    shown: null,
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
