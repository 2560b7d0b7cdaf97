/**
 * Network partitions: one zone cut off from the others while clients still reach
 * every zone's load balancer node.
 *
 * What the model does during a cut, and why:
 * - Load balancer: every node checks every target (ALB documents this), so the targets
 *   across the cut fail the checks of the nodes on the other side. Until those nodes mark
 *   them unhealthy (the same 35–65 s as a dead target), the requests they send across
 *   fail; afterwards each side serves its own users with its own targets. After the cut
 *   heals the nodes need the healthy threshold of passing checks to take the targets back.
 *   With cross-zone load balancing off, nodes only use their own zone and nothing crosses.
 * - Tasks keep running and pass their own zone's checks, so the scheduler leaves them be.
 * - Anything a task needs on the other side (the database primary, a single-zone session
 *   store or dependency) fails for the requests that task serves.
 * - The database rules live in `database.ts` (replicas across the cut stop receiving;
 *   Patroni's leader lock decides who may be primary).
 */
import {nextCheckAtOrAfter} from './loadBalancer';
import {activePartition, fmt, log, loseSessions, schedule, zoneName, type Item, type Sim, type TaskRec} from './state';

/** How the load balancer nodes on the other side of a partition see a target. */
export type FarView =
  /** No partition in effect: every node sees what the target's own zone sees. */
  | 'normal'
  /** Still in the far nodes' pool, but requests they send it are lost on the way. */
  | 'cut'
  /** Not in the far nodes' pool (marked unhealthy there, or never seen to pass). */
  | 'excluded';

/** How nodes on the far side of the current partition see `task` right now. */
export function farView(sim: Sim, task: TaskRec): FarView {
  const p = sim.partition;
  if (p === null) return 'normal';
  const seenBeforeCut = task.healthySince <= p.at;
  if (sim.t < p.healAt) {
    if (!seenBeforeCut) return 'excluded';
    return sim.t < p.markAt ? 'cut' : 'excluded';
  }
  // Healed: targets the far nodes had marked unhealthy need the healthy threshold;
  // targets that entered service during the cut need their first passing check.
  if (seenBeforeCut) return sim.t >= p.restoreAt ? 'normal' : 'excluded';
  return sim.t >= p.firstCheckAt ? 'normal' : 'excluded';
}

/** `partition/started`: zone `item.zone` is cut off for `item.value` seconds. */
export function rulePartitionStarted(sim: Sim, item: Item): void {
  const z = item.zone!;
  const {healthCheck} = sim.model.loadBalancer;
  const firstFailed = nextCheckAtOrAfter(sim.t, sim.phase, healthCheck.intervalSeconds);
  sim.partitionGen++;
  sim.partition = {
    zone: z,
    at: sim.t,
    markAt: firstFailed + (healthCheck.unhealthyThreshold - 1) * healthCheck.intervalSeconds + healthCheck.timeoutSeconds,
    healAt: Infinity,
    firstCheckAt: Infinity,
    restoreAt: Infinity,
    gen: sim.partitionGen,
  };
  sim.dirty = true;
  log(
    sim,
    'partition/started',
    `network partition: zone ${zoneName(sim, z)} is cut off from the other zones; clients still reach every zone`,
    {zone: z},
  );
  schedule(sim, sim.partition.markAt, 'partition/marked', {gen: sim.partitionGen});
  const end = sim.t + item.value!;
  if (end < sim.model.durationSeconds) schedule(sim, end, 'partition/healed', {gen: sim.partitionGen});
}

/** Targets in service on each side: [in the cut-off zone, in the other zones]. */
function inServiceBySide(sim: Sim, z: number): [number, number] {
  let inside = 0;
  let outside = 0;
  for (const t of sim.tasks) {
    if (t.removed || t.lb !== 'healthy' || t.status !== 'running' || t.healthySince > sim.partition!.at) continue;
    if (t.zone === z) inside++;
    else outside++;
  }
  return [inside, outside];
}

/** `partition/marked`: the nodes on each side mark the targets across the cut unhealthy. */
export function rulePartitionMarked(sim: Sim, item: Item): void {
  const p = activePartition(sim);
  if (p === null || item.gen !== p.gen) return;
  sim.dirty = true;
  if (!sim.model.loadBalancer.crossZone) return;
  const [inside, outside] = inServiceBySide(sim, p.zone);
  if (inside + outside === 0) return;
  const {unhealthyThreshold} = sim.model.loadBalancer.healthCheck;
  log(
    sim,
    'partition/marked',
    `load balancer nodes on each side mark the targets across the partition unhealthy after ${unhealthyThreshold} failed checks (${inside} in zone ${zoneName(sim, p.zone)}, ${outside} in the other zones)`,
    {zone: p.zone},
  );
  if (sim.model.service.sessionStore !== 'task-memory') return;
  // A user's sticky target is across the cut for users who enter on the other side.
  const lbZones = sim.model.zones.map((name) => sim.model.loadBalancer.zones.includes(name));
  const nodesInside = lbZones[p.zone] ? 1 : 0;
  const nodesOutside = lbZones.filter(Boolean).length - nodesInside;
  const nodes = nodesInside + nodesOutside;
  const all = sim.model.traffic.activeSessions;
  const total = inside + outside;
  const crossing = (nodesInside / nodes) * (outside / total) + (nodesOutside / nodes) * (inside / total);
  if (crossing <= 0) return;
  const lost = sim.model.service.sticky ? all * crossing : all;
  loseSessions(sim, lost, 'users were moved to tasks on their side of the partition, away from the tasks that held their sessions');
}

/** `partition/healed`: the cut heals; nodes take the targets across it back after passing checks. */
export function rulePartitionHealed(sim: Sim, item: Item): void {
  const p = sim.partition;
  if (p === null || item.gen !== p.gen) return;
  const {healthCheck} = sim.model.loadBalancer;
  p.healAt = sim.t;
  p.firstCheckAt = nextCheckAtOrAfter(sim.t, sim.phase, healthCheck.intervalSeconds);
  // Healed before the nodes marked anything: the next passing check resets their count.
  p.restoreAt = sim.t < p.markAt ? sim.t : p.firstCheckAt + (healthCheck.healthyThreshold - 1) * healthCheck.intervalSeconds;
  sim.dirty = true;
  log(sim, 'partition/healed', `network partition healed: zone ${zoneName(sim, p.zone)} reaches the other zones again`, {
    zone: p.zone,
  });
  schedule(sim, p.firstCheckAt, 'partition/restored', {gen: p.gen});
  if (p.restoreAt > p.firstCheckAt) schedule(sim, p.restoreAt, 'partition/restored', {gen: p.gen});
}

/** `partition/restored`: more targets are back in every node's pool; the last one ends the partition. */
export function rulePartitionRestored(sim: Sim, item: Item): void {
  const p = sim.partition;
  if (p === null || item.gen !== p.gen) return;
  sim.dirty = true;
  if (sim.t < p.restoreAt) return;
  if (sim.model.loadBalancer.crossZone && p.restoreAt > p.healAt) {
    log(
      sim,
      'partition/restored',
      `load balancer nodes on each side see the targets across the healed partition as healthy again after ${fmt(sim.model.loadBalancer.healthCheck.healthyThreshold)} passing checks`,
      {zone: p.zone},
    );
  }
  sim.partition = null;
}
