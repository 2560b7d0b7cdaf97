import {describe, expect, it} from 'vitest';
import {healthCheckDetection, selectStateAt, simulate, taskCrash, zoneOutage, type Model} from './index';

const twoTasks = (extra: Partial<Model> = {}): Model => ({
  zones: ['a', 'b'],
  service: {desiredCount: 2, capacityPerTask: 100},
  traffic: {requestsPerSecond: 100},
  faults: [zoneOutage('a', {at: 300, duration: 600})],
  // Clients forget the lost zone's node at once (TTL 0) and hold no kept-alive connection to it:
  // these tests count what the health checks and the scheduler let fail, not the stale-DNS
  // window (clients/dns.test.ts has that) nor the dead node's connections (clients/keepAlive.test.ts).
  loadBalancer: {dnsTtlSeconds: 0},
  clients: {keepAlive: false},
  ...extra,
});

describe('health checks', () => {
  it('marks a dead target unhealthy after interval × unhealthy threshold + timeout, give or take one interval', () => {
    // Defaults: 2 failed checks 30 s apart, the second times out after 5 s: 35 s ≤ detection < 65 s.
    for (let seed = 1; seed <= 30; seed++) {
      const r = simulate({...twoTasks(), seed});
      const mark = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!;
      const detection = mark.t - 300;
      expect(detection).toBeGreaterThanOrEqual(2 * 30 + 5 - 30);
      expect(detection).toBeLessThan(2 * 30 + 5);
      // Every request sent to the dead task until then fails: half of 100 rps.
      expect(r.summary.failedByCause.deadTarget).toBeCloseTo(50 * detection, 6);
    }
  });

  it('uses the configured interval, timeout and threshold', () => {
    // 10 s interval, 3 failed checks, 4 s timeout: 24 s ≤ detection < 34 s.
    const hc = {intervalSeconds: 10, timeoutSeconds: 4, unhealthyThreshold: 3, healthyThreshold: 5};
    for (let seed = 1; seed <= 10; seed++) {
      const r = simulate({...twoTasks(), loadBalancer: {healthCheck: hc}, seed});
      const d = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!.t - 300;
      expect(d).toBeGreaterThanOrEqual(2 * 10 + 4);
      expect(d).toBeLessThan(3 * 10 + 4);
    }
    expect(healthCheckDetection(hc)).toMatchObject({earliestDetectionSeconds: 24, latestDetectionSeconds: 34});
  });

  it('lets a new target in after one passing check at or after it is ready', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = simulate({...twoTasks(), seed});
      const ready = r.events.find((e) => e.type === 'lb/targetRegistered')!;
      const inService = r.events.find((e) => e.type === 'lb/targetHealthy')!;
      expect(inService.task).toBe(ready.task);
      expect(inService.t - ready.t).toBeGreaterThanOrEqual(0);
      expect(inService.t - ready.t).toBeLessThan(30);
    }
  });

  it('needs the healthy threshold of passes in a row for a target that was marked unhealthy', () => {
    // A fixed fleet: the instance restarts when its zone returns (t = 900, ready at 960), then needs
    // 5 passing checks 30 s apart: back between 960 + 4 × 30 and 960 + 5 × 30.
    for (let seed = 1; seed <= 10; seed++) {
      const r = simulate({...twoTasks({scheduler: {kind: 'none'}}), seed});
      const back = r.events.find((e) => e.type === 'lb/targetHealthy' && e.task === 'a-1')!;
      expect(back.message).toContain('passed 5 health checks in a row');
      expect(back.t - 960).toBeGreaterThanOrEqual(4 * 30);
      expect(back.t - 960).toBeLessThan(5 * 30);
    }
  });
});

describe('scheduler', () => {
  it('moves the one task of a two-zone service to the other zone, with downtime', () => {
    // Downtime = detection (35–65 s) + start (60 s) + wait for the first check (0–30 s).
    const r = simulate({zones: ['a', 'b'], service: {desiredCount: 1}, faults: [zoneOutage('a', {at: 300, duration: 600})]});
    const launched = r.events.find((e) => e.type === 'scheduler/taskLaunched')!;
    expect(launched.zone).toBe('b');
    const back = r.events.find((e) => e.type === 'lb/targetHealthy')!;
    const downtime = back.t - 300;
    expect(downtime).toBeGreaterThanOrEqual(35 + 60);
    expect(downtime).toBeLessThan(65 + 60 + 30);
    expect(r.summary.longestOutageSeconds).toBe(downtime);
    expect(r.summary.availability).toBeCloseTo(1 - downtime / 3600, 9);
  });

  it('replaces stopped tasks in healthy zones, keeping the spread', () => {
    const r = simulate({zones: ['a', 'b', 'c'], service: {desiredCount: 6}, faults: [zoneOutage('a', {at: 300, duration: 3000})]});
    const zones = r.events.filter((e) => e.type === 'scheduler/taskLaunched' && e.t < 3300).map((e) => e.zone);
    expect(zones.sort()).toEqual(['b', 'c']);
    const s = selectStateAt(r, 1000);
    expect(s.zones.map((z) => z.healthy)).toEqual([0, 3, 3]);
  });

  it('waits for a zone when none is up, then places the task', () => {
    const r = simulate({
      zones: ['a'],
      service: {desiredCount: 1},
      faults: [zoneOutage('a', {at: 100, duration: 500})],
    });
    expect(r.events.some((e) => e.type === 'scheduler/placementFailed')).toBe(true);
    const launch = r.events.find((e) => e.type === 'scheduler/taskLaunched')!;
    expect(launch.t).toBe(600);
  });

  it('acts on its own notice when that comes before the load balancer', () => {
    // Notice after 5 s deregisters the dead task: only 5 s × 50 rps fail.
    const r = simulate({...twoTasks(), scheduler: {noticeSeconds: 5}});
    expect(r.summary.failedByCause.deadTarget).toBeCloseTo(5 * 50, 9);
  });

  it('rebalances back into a returning zone (launch first, then drain the extra task)', () => {
    const r = simulate(twoTasks());
    expect(r.events.some((e) => e.type === 'scheduler/rebalanceStarted' && e.t === 900)).toBe(true);
    const end = selectStateAt(r, 3599);
    expect(end.zones.map((z) => z.healthy)).toEqual([1, 1]);
    const off = simulate({...twoTasks(), scheduler: {rebalance: false}});
    expect(selectStateAt(off, 3599).zones.map((z) => z.healthy)).toEqual([0, 2]);
  });

  it('counts tasks it has not yet seen stop, so rebalancing never drains the zone that is still healthy', () => {
    // Zone a fails, its tasks move to b, a returns and rebalancing starts moving tasks back;
    // then b fails too. Until the scheduler notices b's tasks stopped it still counts them, so
    // b looks fullest: nothing in a is drained, and the noticed stops are replaced only up to
    // the desired count of 6.
    for (let seed = 1; seed <= 20; seed++) {
      const r = simulate({
        zones: ['a', 'b'],
        service: {desiredCount: 6, capacityPerTask: 220},
        traffic: {requestsPerSecond: 150},
        faults: [zoneOutage('a', {at: 0, duration: 64}), zoneOutage('b', {at: 149, duration: 1})],
        durationSeconds: 3600,
        seed,
      });
      expect(r.events.filter((e) => e.type === 'lb/targetDraining' && e.zone === 'a')).toEqual([]);
      expect(selectStateAt(r, 3599).zones.map((z) => z.healthy)).toEqual([3, 3]);
    }
  });

  it('ignores a crash of a task that is not running', () => {
    const r = simulate({zones: ['a'], service: {desiredCount: 1}, faults: [taskCrash('a-7', {at: 10})]});
    expect(r.events[0]!.type).toBe('fault/ignored');
    expect(r.summary.availability).toBe(1);
  });

  it('replaces a crashed task in its own zone when the zones are balanced otherwise', () => {
    const r = simulate({zones: ['a', 'b'], service: {desiredCount: 2}, faults: [taskCrash('a-1', {at: 10})]});
    expect(r.events.find((e) => e.type === 'scheduler/taskLaunched')!.task).toBe('a-2');
  });
});
