import {describe, expect, it} from 'vitest';
import {checkCountAt, selectMechanismAt, writesBetween} from './mechanism';
import {getPreset} from './presets';
import {simulate} from './simulate';
import {healthCheckDetection} from './helpers';
import {primaryFailure, zoneOutage} from './faults';
import type {Model, SimulationResult} from './types';

function eventOf(result: SimulationResult, type: string, task?: string) {
  const event = result.events.find((e) => e.type === type && (task === undefined || e.task === task));
  if (!event) throw new Error(`no ${type} event${task ? ` for ${task}` : ''}`);
  return event;
}

describe('checkCountAt', () => {
  it('counts failed checks as their timeouts pass and finds the next start', () => {
    // Threshold 2, interval 30, timeout 5, marked at 361: checks start at 326 and 356.
    expect(checkCountAt(300, 361, 2, 30, 5)).toEqual({done: 0, threshold: 2, nextCheckInSeconds: 26, changesInSeconds: 61});
    expect(checkCountAt(331, 361, 2, 30, 5)).toEqual({done: 1, threshold: 2, nextCheckInSeconds: 25, changesInSeconds: 30});
    expect(checkCountAt(360, 361, 2, 30, 5)).toEqual({done: 1, threshold: 2, nextCheckInSeconds: null, changesInSeconds: 1});
  });
});

describe('selectMechanismAt: a target failing its health checks', () => {
  const result = simulate(getPreset('two-stateless-tasks').model);
  const stopped = eventOf(result, 'task/stopped', 'a-1');
  const marked = eventOf(result, 'lb/targetMarkedUnhealthy', 'a-1');
  const {intervalSeconds, timeoutSeconds, unhealthyThreshold} = result.model.loadBalancer.healthCheck;

  it('counts up to the threshold between the stop and the mark the engine reports', () => {
    const atStop = selectMechanismAt(result, stopped.t).targets['a-1']!;
    expect(atStop.checks).toHaveLength(1);
    expect(atStop.checks[0]).toMatchObject({direction: 'failing', done: 0, threshold: unhealthyThreshold, changesInSeconds: marked.t - stopped.t});
    const justBefore = selectMechanismAt(result, marked.t - 0.5).targets['a-1']!;
    expect(justBefore.checks[0]!.done).toBe(unhealthyThreshold - 1);
    expect(selectMechanismAt(result, marked.t).targets['a-1']?.checks ?? []).toEqual([]);
  });

  // The engine marks the target when the threshold-th failed check times out, so the first
  // failed check started (threshold − 1) intervals and one timeout before the mark.
  const first = marked.t - (unhealthyThreshold - 1) * intervalSeconds - timeoutSeconds;

  it('puts the first failed check within one interval after the stop, as the engine documents', () => {
    expect(first).toBeGreaterThanOrEqual(stopped.t);
    expect(first).toBeLessThan(stopped.t + intervalSeconds);
    // At the stop the selector points at that check, or at the one after it when it starts at that very second.
    const next = selectMechanismAt(result, stopped.t).targets['a-1']!.checks[0]!.nextCheckInSeconds!;
    expect(next).toBe(first > stopped.t ? first - stopped.t : intervalSeconds);
    const detection = healthCheckDetection(result.model.loadBalancer.healthCheck);
    expect(marked.t - stopped.t).toBeGreaterThanOrEqual(detection.earliestDetectionSeconds);
    expect(marked.t - stopped.t).toBeLessThanOrEqual(detection.latestDetectionSeconds);
  });

  it('counts only the checks whose timeout has passed', () => {
    expect(selectMechanismAt(result, first + timeoutSeconds - 1).targets['a-1']!.checks[0]!.done).toBe(0);
    expect(selectMechanismAt(result, first + timeoutSeconds).targets['a-1']!.checks[0]!.done).toBe(1);
  });

  it('leaves healthy targets without counts', () => {
    expect(selectMechanismAt(result, stopped.t + 10).targets['b-1']!.checks).toEqual([]);
  });
});

describe('selectMechanismAt: the scheduler and a new task', () => {
  const result = simulate(getPreset('one-task-two-zones').model);
  const stopped = eventOf(result, 'task/stopped', 'a-1');
  const launched = eventOf(result, 'scheduler/taskLaunched');
  const registered = eventOf(result, 'lb/targetRegistered', launched.task);
  const healthy = eventOf(result, 'lb/targetHealthy', launched.task);

  it('says when the replacement starts, from the launch the engine logged', () => {
    const at = stopped.t + 19;
    const mechanism = selectMechanismAt(result, at);
    expect(mechanism.scheduler.replacementInSeconds).toBe(launched.t - at);
    expect(mechanism.scheduler.unnoticedStops).toBe(1);
    expect(mechanism.targets['a-1']!.noticedInSeconds).toBe(launched.t - at);
  });

  it('follows the replacement from start to service', () => {
    const starting = selectMechanismAt(result, launched.t + 1);
    expect(starting.scheduler.replacementInSeconds).toBeNull();
    expect(starting.targets[launched.task!]!.readyInSeconds).toBe(registered.t - launched.t - 1);
    const registeredNow = selectMechanismAt(result, registered.t + 1);
    expect(registeredNow.targets[launched.task!]!.inServiceInSeconds).toBe(healthy.t - registered.t - 1);
    expect(selectMechanismAt(result, healthy.t).targets[launched.task!]!.inServiceInSeconds).toBeNull();
  });
});

describe('selectMechanismAt: the database', () => {
  it('shows failover progress between the primary loss and the promotion', () => {
    const result = simulate(getPreset('rds-multi-az').model);
    const lost = eventOf(result, 'db/primaryLost');
    const promoted = eventOf(result, 'db/replicaPromoted');
    const middle = (lost.t + promoted.t) / 2;
    expect(selectMechanismAt(result, middle).database!.failover).toEqual({
      lostAt: lost.t,
      phase: 'failingOver',
      waitingFor: null,
      startedAt: lost.t,
      endsAt: promoted.t,
      progress: 0.5,
      writesResumeAt: promoted.t,
    });
    expect(selectMechanismAt(result, promoted.t).database!.failover).toBeNull();
    expect(selectMechanismAt(result, lost.t - 1).database!.failover).toBeNull();
  });

  it('waits for the operator before a manual failover starts', () => {
    const result = simulate(getPreset('async-replica').model);
    const lost = eventOf(result, 'db/primaryLost');
    const started = eventOf(result, 'db/failoverStarted');
    expect(selectMechanismAt(result, lost.t + 1).database!.failover).toMatchObject({phase: 'waiting', startedAt: null, progress: null, writesResumeAt: eventOf(result, 'db/writesResumed').t});
    expect(selectMechanismAt(result, lost.t + 1).database!.failover!.waitingFor).toBe('no automatic failover: writes fail until an operator promotes the replica');
    expect(selectMechanismAt(result, started.t + 1).database!.failover).toMatchObject({phase: 'failingOver', startedAt: started.t});
  });

  // Two zones, zone a (the primary's) lost at 100 s for 600 s: what the database waits for depends on how it replicates.
  const zoneLoss = (database: Model['database']) =>
    simulate({zones: ['a', 'b'], service: {desiredCount: 2}, traffic: {requestsPerSecond: 100, writeShare: 0.1}, database, faults: [zoneOutage('a', {at: 100, duration: 600})], durationSeconds: 900});

  it('a promotion is not the end: semi-sync waits its 10 s for a replica before writes resume', () => {
    const result = zoneLoss({kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'semi-sync'});
    const promoted = eventOf(result, 'db/replicaPromoted').t;
    const resumed = eventOf(result, 'db/writesResumed').t;
    expect(resumed).toBe(promoted + 10);
    expect(selectMechanismAt(result, promoted - 1).database!.failover).toMatchObject({phase: 'failingOver', endsAt: promoted, writesResumeAt: resumed});
    expect(selectMechanismAt(result, promoted + 1).database!.failover).toMatchObject({phase: 'notWriting', writesResumeAt: resumed});
    expect(selectMechanismAt(result, resumed).database!.failover).toBeNull();
  });

  it('a synchronous primary promoted with no standby left takes no writes until the zone returns', () => {
    const result = zoneLoss({kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'sync'});
    const promoted = eventOf(result, 'db/replicaPromoted').t;
    expect(selectMechanismAt(result, promoted + 1).database!.failover).toMatchObject({phase: 'notWriting', writesResumeAt: 700});
  });

  it('a single-zone database, and Patroni restarting PostgreSQL in place, wait without a failover, and say why', () => {
    const single = zoneLoss({kind: 'single-az', zone: 'a'});
    expect(selectMechanismAt(single, 200).database!.failover).toMatchObject({phase: 'waiting', waitingFor: 'single-zone database: writes fail until the instance is back', writesResumeAt: 700});
    const crashed = simulate({
      zones: ['a', 'b'],
      service: {desiredCount: 2},
      traffic: {requestsPerSecond: 100, writeShare: 0.1},
      database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'sync'},
      faults: [primaryFailure({at: 100, failed: 'process', duration: 200})],
      durationSeconds: 900,
    });
    expect(selectMechanismAt(crashed, 200).database!.failover).toMatchObject({phase: 'waiting', writesResumeAt: 300});
    expect(selectMechanismAt(crashed, 200).database!.failover!.waitingFor).toMatch(/^Patroni keeps the leader key and restarts PostgreSQL in place/);
  });

  it('a failover that stalls waits again, until the replica it needs is back', () => {
    // Three zones, the standby's zone b down from 300 s, the primary lost for good at 600 s: nothing to promote until 900 s.
    const result = simulate({
      zones: ['a', 'b', 'c'],
      service: {desiredCount: 3},
      traffic: {requestsPerSecond: 100, writeShare: 0.1},
      database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'sync'},
      faults: [zoneOutage('b', {at: 300, duration: 600}), primaryFailure({at: 600})],
      durationSeconds: 1800,
    });
    const stalled = eventOf(result, 'db/failoverStalled').t;
    expect(selectMechanismAt(result, stalled + 1).database!.failover).toMatchObject({phase: 'waiting', waitingFor: 'no reachable replica holds every acknowledged write; the failover waits'});
  });

  it('counts acknowledged writes no replica holds; at the loss they are the writes the engine says were lost', () => {
    const result = simulate(getPreset('async-replica').model);
    const lost = eventOf(result, 'db/primaryLost');
    const before = selectMechanismAt(result, lost.t - 1e-6).database!;
    expect(before.lagSeconds).toBeGreaterThan(0);
    expect(before.unreplicatedWrites).toBeCloseTo(result.summary.writesLost, 3);
    expect(selectMechanismAt(result, lost.t + 1).database!.unreplicatedWrites).toBe(0);
  });

  it('has nothing unreplicated with a synchronous standby', () => {
    const result = simulate(getPreset('rds-multi-az').model);
    expect(selectMechanismAt(result, 100).database).toMatchObject({unreplicatedWrites: 0, lagSeconds: 0});
  });

  it('has no database section without a database', () => {
    expect(selectMechanismAt(simulate(getPreset('two-stateless-tasks').model), 0).database).toBeNull();
  });
});

describe('selectMechanismAt: a network partition', () => {
  const result = simulate(getPreset('zone-cut-off').model);
  const started = eventOf(result, 'partition/started');
  const marked = eventOf(result, 'partition/marked');

  it('counts the far nodes’ failed checks on each side, each side until its own nodes mark the targets', () => {
    const at = started.t + 1;
    const mechanism = selectMechanismAt(result, at);
    const inside = mechanism.targets['a-1']!.checks;
    const outside = mechanism.targets['b-1']!.checks;
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatchObject({nodes: `nodes outside zone ${started.zone}`, direction: 'failing'});
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({nodes: `node in zone ${started.zone}`, nodeZone: started.zone});
    // In this preset the cut zone's node is the last of all to mark, at the engine's event; the
    // nodes outside it mark the targets in the cut zone earlier, each on its own phase.
    expect(outside[0]!.changesInSeconds).toBe(marked.t - at);
    expect(inside[0]!.changesInSeconds).toBeLessThan(outside[0]!.changesInSeconds);
    const insideDone = at + inside[0]!.changesInSeconds;
    expect(selectMechanismAt(result, insideDone).targets['a-1']!.checks).toEqual([]);
    expect(selectMechanismAt(result, insideDone).targets['b-1']!.checks).toHaveLength(1);
    expect(selectMechanismAt(result, marked.t).targets['b-1']!.checks).toEqual([]);
  });

  it('splits the far nodes’ count once the first of them has marked the targets', () => {
    const firstNode = eventOf(result, 'partition/nodeMarked');
    const checks = selectMechanismAt(result, firstNode.t + 1).targets['a-1']!.checks;
    expect(checks.length).toBeGreaterThan(1);
    expect(checks.every((c) => c.nodeZone !== started.zone)).toBe(true);
    expect(checks.filter((c) => c.done === c.threshold)).toHaveLength(1);
  });
});

describe('selectMechanismAt: load balancer nodes whose counts differ', () => {
  // Zone b is lost: the nodes in zones a and c each check b-1 on their own phase.
  const result = simulate(getPreset('six-tasks-three-zones').model);
  const stopped = eventOf(result, 'task/stopped', 'b-1');
  const firstNode = eventOf(result, 'lb/nodeMarkedUnhealthy', 'b-1');
  const marked = eventOf(result, 'lb/targetMarkedUnhealthy', 'b-1');
  const {unhealthyThreshold} = result.model.loadBalancer.healthCheck;

  it('has two nodes that mark the target at different times', () => {
    expect(Object.keys(result.healthCheckPhases)).toContain('b');
    expect(firstNode.t).toBeGreaterThan(stopped.t);
    expect(firstNode.t).toBeLessThan(marked.t);
  });

  it('shows one count while the nodes agree, and one per node once they differ', () => {
    const before = selectMechanismAt(result, firstNode.t - 0.5).targets['b-1']!.checks;
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({nodes: null, done: unhealthyThreshold - 1, changesInSeconds: marked.t - firstNode.t + 0.5});
    const between = selectMechanismAt(result, firstNode.t + 0.5).targets['b-1']!.checks;
    expect(between.map((c) => c.nodeZone).sort()).toEqual(['a', 'c']);
    const done = between.find((c) => c.done === unhealthyThreshold)!;
    const counting = between.find((c) => c.done < unhealthyThreshold)!;
    expect(done).toMatchObject({nextCheckInSeconds: null, changesInSeconds: 0, nodes: `node in zone ${done.nodeZone}`});
    expect(counting.changesInSeconds).toBe(marked.t - firstNode.t - 0.5);
    expect(counting.nextCheckInSeconds).not.toBeNull();
  });

  it('never counts the node in the lost zone', () => {
    for (const t of [stopped.t, firstNode.t + 0.5, marked.t - 0.5]) {
      for (const count of selectMechanismAt(result, t).targets['b-1']!.checks) expect(count.nodeZone).not.toBe('b');
    }
  });
});

describe('writesBetween', () => {
  it('adds the write rate over the segments', () => {
    const result = simulate(getPreset('rds-multi-az').model);
    const rate = result.segments[0]!.writesServed;
    expect(writesBetween(result, 10, 20)).toBeCloseTo(rate * 10, 6);
  });
});
