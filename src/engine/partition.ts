/**
 * Network partitions: one zone cut off from the others while clients still reach
 * every zone's load balancer node.
 *
 * What the model does during a cut, and why:
 * - Load balancer: every node checks every target (ALB documents this), so the targets
 *   across the cut fail the checks of the nodes on the other side. Until each of those nodes
 *   marks them unhealthy (on its own schedule, within the same 35–65 s as a dead target),
 *   the requests it sends across fail; afterwards each side serves its own users with its
 *   own targets. After the cut heals each node needs the healthy threshold of passing checks
 *   to take the targets back. This is the model's assumption: AWS does not document how
 *   load balancer nodes behave when zones are cut apart.
 *   With cross-zone load balancing off, nodes only use their own zone and nothing crosses.
 * - Tasks keep running and pass their own zone's checks, so the scheduler leaves them be.
 * - Anything a task needs on the other side (the database primary, a single-zone session
 *   store or dependency) fails for the requests that task serves.
 * - The database rules live in `database.ts` (replicas across the cut stop receiving;
 *   Patroni's leader lock decides who may be primary).
 */
import {nodeMarkTime, nodeReturnTime} from './healthChecks';
import {loseTaskSessions} from './sessions';
import {nodeMarked, scheduleNodeReturn} from './targetHealth';
import {activePartition, fmt, log, schedule, zoneName, zoneUp, type Item, type Sim, type TaskRec} from './state';

/** Node `node` and a target in zone `zone` are on different sides of the partition cutting off `cut`. */
function across(cut: number, node: number, zone: number): boolean {
  return (node === cut) !== (zone === cut);
}

function registered(t: TaskRec): boolean {
  return !t.removed && (t.lb === 'healthy' || t.lb === 'initial' || t.lb === 'unhealthy');
}

/** `partition/started`: zone `item.zone` is cut off for `item.value` seconds. */
export function rulePartitionStarted(sim: Sim, item: Item): void {
  const z = item.zone!;
  const hc = sim.model.loadBalancer.healthCheck;
  sim.partitionGen++;
  sim.partition = {zone: z, at: sim.t, healAt: Infinity, marked: 0, gen: sim.partitionGen};
  sim.dirty = true;
  log(
    sim,
    'partition/started',
    `network partition: zone ${zoneName(sim, z)} is cut off from the other zones; clients still reach every zone`,
    {zone: z},
  );
  // Each node fails the checks of the targets across the cut from now on, on its own schedule.
  for (const k of sim.nodes) schedule(sim, nodeMarkTime(sim.t, sim.phases[k]!, hc).markAt, 'partition/marked', {gen: sim.partitionGen, zone: k});
  const end = sim.t + item.value!;
  if (end < sim.model.durationSeconds) schedule(sim, end, 'partition/healed', {gen: sim.partitionGen});
}

/** `partition/marked`: node `item.zone` marks the targets across the cut unhealthy. */
export function rulePartitionMarked(sim: Sim, item: Item): void {
  const p = activePartition(sim);
  if (p === null || item.gen !== p.gen) return;
  const k = item.zone!;
  const crossing: TaskRec[] = [];
  for (const t of sim.tasks) {
    if (!registered(t) || t.status !== 'running' || !across(p.zone, k, t.zone) || t.view[k] !== 'in') continue;
    crossing.push(t);
  }
  p.marked++;
  sim.dirty = true;
  const {crossZone, healthCheck} = sim.model.loadBalancer;
  const first = p.marked === 1;
  const last = p.marked === sim.nodes.length;
  if (crossZone && (first || last)) {
    let inside = 0;
    let outside = 0;
    for (const t of sim.tasks) {
      if (!registered(t) || t.status !== 'running' || t.healthySince > p.at) continue;
      if (t.zone === p.zone) inside++;
      else outside++;
    }
    if (inside + outside > 0) {
      const what = `the targets across the partition unhealthy after ${healthCheck.unhealthyThreshold} failed checks (${inside} in zone ${zoneName(sim, p.zone)}, ${outside} in the other zones)`;
      if (last) log(sim, 'partition/marked', `every load balancer node has marked ${what}`, {zone: p.zone});
      else log(sim, 'partition/nodeMarked', `the load balancer node in zone ${zoneName(sim, k)} marks ${what}; the other nodes follow on their own schedules`, {zone: p.zone});
    }
  }
  if (crossing.length === 0) return;
  // Users who enter at this node and are stuck to a target across the cut move to a target on
  // its side: their share of those targets' sessions (one node's share of the users) is lost.
  if (crossZone && zoneUp(sim, k)) {
    const live = sim.nodes.filter((n) => zoneUp(sim, n)).length;
    loseTaskSessions(
      sim,
      crossing.map((task) => ({task, share: 1 / live})),
      `users entering at the load balancer node in zone ${zoneName(sim, k)} were moved to tasks on its side of the partition, away from the tasks that held their sessions`,
    );
  }
  for (const t of crossing) {
    t.view[k] = 'unhealthy';
    t.nodeGen[k]!++;
    t.failCheckStart[k] = Infinity;
    nodeMarked(sim, t, `${healthCheck.unhealthyThreshold} failed checks across the partition`);
  }
}

/** `partition/healed`: the cut heals; each node takes the targets across it back after passing checks. */
export function rulePartitionHealed(sim: Sim, item: Item): void {
  const p = sim.partition;
  if (p === null || item.gen !== p.gen) return;
  p.healAt = sim.t;
  sim.dirty = true;
  log(sim, 'partition/healed', `network partition healed: zone ${zoneName(sim, p.zone)} reaches the other zones again`, {
    zone: p.zone,
  });
  // Targets a node marked across the cut need the healthy threshold; targets that registered
  // during the cut need their first passing check there.
  const markedBy: number[] = [];
  for (const k of sim.nodes) {
    for (const t of sim.tasks) {
      if (!registered(t) || t.status !== 'running' || !across(p.zone, k, t.zone) || t.view[k] === 'in') continue;
      if (t.view[k] === 'unhealthy' && !markedBy.includes(k)) markedBy.push(k);
      scheduleNodeReturn(sim, t, k);
    }
  }
  sim.partition = null;
  if (markedBy.length > 0 && sim.model.loadBalancer.crossZone) {
    const hc = sim.model.loadBalancer.healthCheck;
    // The last node to take the targets back: its first check after the heal plus the threshold.
    let at = -Infinity;
    for (const k of markedBy) at = Math.max(at, nodeReturnTime(sim.t, sim.phases[k]!, hc));
    schedule(sim, at, 'partition/restored', {zone: p.zone});
  }
}

/** `partition/restored`: every node has the targets across the healed partition back. */
export function rulePartitionRestored(sim: Sim, item: Item): void {
  log(
    sim,
    'partition/restored',
    `load balancer nodes on each side see the targets across the healed partition as healthy again after ${fmt(sim.model.loadBalancer.healthCheck.healthyThreshold)} passing checks`,
    {zone: item.zone!},
  );
}
