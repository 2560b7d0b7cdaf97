import {describe, expect, it} from 'vitest';
import {nextCheckAtOrAfter} from './healthChecks';
import {computeFlows, type FlowInput, type FlowTarget} from './flows';
import {routingShares} from './loadBalancer';

/** Every node of the two zones sees the target the same way. */
const seen = (v: 'in' | 'unhealthy' | 'out') => [v, v] as const;
const live = (zone: number, capacity = 1000): FlowTarget => ({zone, view: seen('in'), alive: true, capacity, queued: 0, headGood: true});
const deadInService = (zone: number): FlowTarget => ({zone, view: seen('in'), alive: false, capacity: 1000, queued: 0, headGood: true});

function input(targets: FlowTarget[], over: Partial<FlowInput> = {}): FlowInput {
  const zoneCount = over.zoneCount ?? 2;
  return {
    targets,
    zoneCount,
    nodeUsable: new Array<boolean>(zoneCount).fill(true),
    targetZoneRoutable: new Array<boolean>(zoneCount).fill(true),
    crossZone: true,
    partitionZone: null,
    grayShare: new Array<number>(zoneCount).fill(0),
    rate: 100,
    classes: [{share: 1, isWrite: false, persistentCause: null, blockedIn: null}],
    staleShare: 0,
    policy: {retries: 0, instantRetries: true, budget: null, service: {serviceTimeSeconds: 0.05, timeoutSeconds: 10, shedding: false}},
    due: null,
    lostRate: 0,
    kept: null,
    ...over,
  };
}

/** The same, with `retries` client retries at once (no backoff). */
const withRetries = (retries: number): Partial<FlowInput> => ({
  policy: {retries, instantRetries: true, budget: null, service: {serviceTimeSeconds: 0.05, timeoutSeconds: 10, shedding: false}},
});

describe('health-check schedule', () => {
  it('finds the next check on the schedule phase + k × interval', () => {
    expect(nextCheckAtOrAfter(300, 26, 30)).toBe(326);
    expect(nextCheckAtOrAfter(326, 26, 30)).toBe(326);
    expect(nextCheckAtOrAfter(327, 26, 30)).toBe(356);
    expect(nextCheckAtOrAfter(0, 26, 30)).toBe(26);
  });
});

describe('routing', () => {
  it('gives each healthy target an equal share with cross-zone on', () => {
    // Zone 0 has two targets, zone 1 one: 100 rps / 3 targets each.
    const f = computeFlows(input([live(0), live(0), live(1)]));
    for (const x of f.targetServed) expect(x).toBeCloseTo(100 / 3, 12);
  });

  it('gives each zone node an equal share with cross-zone off, split inside the zone', () => {
    // Node 0 gets 50 rps for 2 targets (25 each); node 1 gets 50 rps for its one target.
    const f = computeFlows(input([live(0), live(0), live(1)], {crossZone: false}));
    expect([...f.targetServed]).toEqual([25, 25, 50]);
  });

  it('leaves a node out of DNS when its zone has no healthy target (cross-zone off)', () => {
    const unhealthy: FlowTarget = {...live(0), view: seen('unhealthy')};
    const f = computeFlows(input([unhealthy, live(1)], {crossZone: false}));
    expect([...f.targetServed]).toEqual([0, 100]);
    expect(f.failed).toBe(0);
  });

  it('fails a request sent to a dead target the load balancer still believes healthy', () => {
    const f = computeFlows(input([deadInService(0), live(1)]));
    expect(f.failedByCause.deadTarget).toBe(50);
    expect(f.served).toBe(50);
  });

  it('fails open to every registered target when none is healthy', () => {
    const u = (zone: number): FlowTarget => ({...live(zone), view: seen('unhealthy')});
    const f = computeFlows(input([u(0), u(1)]));
    expect(f.served).toBe(100);
  });

  it('fails with "no healthy target" when no target is registered', () => {
    const f = computeFlows(input([]));
    expect(f.failedByCause.noHealthyTarget).toBe(100);
  });

  it('past capacity, a target works at capacity and queues the rest (the excess no longer fails at once)', () => {
    // One target of 60 rps gets 100 rps: it serves 60 and 40 per second join its queue. The
    // queue is empty, so these will still be answered in time: nothing fails yet.
    const f = computeFlows(input([live(0, 60)]));
    expect(f.served).toBeCloseTo(60, 12);
    expect(f.targetInflow[0]).toBeCloseTo(100, 12);
    expect(f.failed).toBe(0);
  });

  it('times out every arrival once the queue holds more than the timeout', () => {
    // 60 rps of capacity, 1000 waiting: a new request waits 1000 / 60 = 16.7 s > 10 − 0.05 s.
    // The head is a request whose client gave up too: the task's 60 rps are wasted.
    const f = computeFlows(input([{...live(0, 60), queued: 1000, headGood: false}]));
    expect(f.failedByCause.timeout).toBeCloseTo(100, 12);
    expect(f.timedOut).toBeCloseTo(100, 12);
    expect(f.served).toBe(0);
    expect(f.wasted).toBeCloseTo(60, 12);
  });

  it('with load shedding, rejects at once what a full queue cannot answer in time', () => {
    // The queue holds 60 × (10 − 0.05) = 597 requests, the most that are still answered in time.
    // 100 arrive, the task serves 60: 40 per second are shed, 60 answered in time.
    const shedding = {retries: 0, instantRetries: true, budget: null, service: {serviceTimeSeconds: 0.05, timeoutSeconds: 10, shedding: true}};
    const f = computeFlows(input([{...live(0, 60), queued: 597}], {policy: shedding}));
    expect(f.failedByCause.shed).toBeCloseTo(40, 9);
    expect(f.served).toBeCloseTo(60, 12);
    expect(f.timedOut).toBe(0);
  });

  it('sends the stale-DNS share to the lost node: those attempts fail', () => {
    // A quarter of the clients still hold a lost node's address: 25 of 100 rps fail.
    const f = computeFlows(input([live(0), live(1)], {staleShare: 0.25}));
    expect(f.failedByCause.staleDns).toBeCloseTo(25, 12);
    expect(f.served).toBeCloseTo(75, 12);
  });

  it('sends nothing to a shifted zone or a zone the load balancer is not enabled in', () => {
    const f = computeFlows(input([live(0), live(1)], {targetZoneRoutable: [false, true], nodeUsable: [false, true]}));
    expect([...f.targetServed]).toEqual([0, 100]);
  });

  it('turns a failure share f into f^(N+1) with N client retries', () => {
    // One of two targets is dead: f = 1/2. N = 1 → 1/4 fail, N = 2 → 1/8.
    for (const [retries, share] of [
      [0, 0.5],
      [1, 0.25],
      [2, 0.125],
    ] as const) {
      const f = computeFlows(input([deadInService(0), live(1)], withRetries(retries)));
      expect(f.failed).toBeCloseTo(100 * share, 12);
      expect(f.failedByCause.deadTarget).toBeCloseTo(100 * share, 12);
    }
  });

  it('counts retries as extra load: attempts = R (1 + f + … + f^N)', () => {
    const f = computeFlows(input([deadInService(0), live(1)], withRetries(2)));
    expect(f.attempts).toBeCloseTo(100 * (1 + 0.5 + 0.25), 12);
  });

  it('fails requests in a gray zone at its error share', () => {
    const f = computeFlows(input([live(0), live(1)], {grayShare: [0.4, 0]}));
    // Half the traffic reaches zone 0, 40 % of that fails: 20 rps.
    expect(f.failedByCause.grayFailure).toBeCloseTo(20, 12);
  });

  it('books a persistent failure to its cause: retries cannot help', () => {
    const f = computeFlows(
      input([live(0), live(1)], {
        ...withRetries(3),
        classes: [
          {share: 0.1, isWrite: true, persistentCause: 'database', blockedIn: null},
          {share: 0.9, isWrite: false, persistentCause: null, blockedIn: null},
        ],
      }),
    );
    expect(f.failedByCause.database).toBeCloseTo(10, 12);
    expect(f.writesServed).toBe(0);
  });

  it('returns no share at all when no node is usable', () => {
    expect(routingShares(input([live(0)], {nodeUsable: [false, false]})).none).toBe(1);
  });
});
