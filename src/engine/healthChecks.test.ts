import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {nextCheckAtOrAfter, nodeMarkTime, nodePhases, nodeReturnTime} from './healthChecks';
import {healthCheckDetection, simulate, taskCrash} from './index';

const ALB = {intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2};

describe('health-check schedule of one node', () => {
  it('marks a target that stops at 300 on the node with phase 7 at 337 + 30 + 5', () => {
    // First check at or after 300 on 7 + 30k: 307; the second failed check starts at 337 and times out at 342.
    expect(nextCheckAtOrAfter(300, 7, 30)).toBe(307);
    expect(nodeMarkTime(300, 7, ALB)).toEqual({failCheckStart: 337, markAt: 342});
    // Stopping just after a check started costs the most: 308 → first failed check 337, mark 372.
    expect(nodeMarkTime(308, 7, ALB).markAt - 308).toBe(64);
  });

  it('takes a recovered target back after 5 passes: first check + 4 × 30', () => {
    expect(nodeReturnTime(300, 7, ALB)).toBe(307 + 4 * 30);
  });

  it('gives every zone node its own phase, whole seconds within one interval, the same for the same seed', () => {
    const phases = nodePhases(3, 12, 6, 30);
    expect(phases[0]).toBe(12);
    for (const p of phases) {
      expect(Number.isInteger(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(30);
    }
    expect(new Set(phases).size).toBeGreaterThan(1);
    expect(nodePhases(3, 12, 6, 30)).toEqual(phases);
  });
});

describe('per-node detection (property)', () => {
  it('every node stops sending to a dead target within the detection window, and not before', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 4}),
        fc.integer({min: 5, max: 60}),
        fc.integer({min: 2, max: 10}),
        fc.integer({min: 1, max: 5}),
        fc.integer({min: 0, max: 1000}),
        fc.integer({min: 1, max: 10_000}),
        (n, interval, timeoutRaw, unhealthyThreshold, at, seed) => {
          const zones = ['a', 'b', 'c', 'd'].slice(0, n);
          const timeoutSeconds = Math.min(timeoutRaw, interval - 1);
          const hc = {intervalSeconds: interval, timeoutSeconds, unhealthyThreshold, healthyThreshold: 3};
          const {earliestDetectionSeconds, latestDetectionSeconds} = healthCheckDetection(hc);
          const r = simulate({
            zones,
            service: {desiredCount: 2 * n, capacityPerTask: 1000},
            traffic: {requestsPerSecond: 100},
            loadBalancer: {healthCheck: hc},
            // The scheduler does not remove the task before the load balancer could mark it.
            scheduler: {noticeSeconds: 10_000},
            faults: [taskCrash('a-1', {at})],
            durationSeconds: at + latestDetectionSeconds + 200,
            seed,
          });
          for (const z of zones) {
            const d = nodeMarkTime(at, r.healthCheckPhases[z]!, r.model.loadBalancer.healthCheck).markAt - at;
            expect(d).toBeGreaterThanOrEqual(earliestDetectionSeconds);
            expect(d).toBeLessThanOrEqual(latestDetectionSeconds);
          }
          const failedAt = (t: number) => r.segments.find((s) => s.from <= t && t < s.to)!.targets.find((x) => x.id === 'a-1')?.failed ?? 0;
          // Until the earliest possible mark every node still sends a-1 its share…
          expect(failedAt(at + earliestDetectionSeconds - 0.5)).toBeCloseTo(100 / (2 * n), 9);
          // …and after the latest one none does.
          expect(failedAt(at + latestDetectionSeconds + 0.5)).toBe(0);
          const marked = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy' && e.task === 'a-1')!.t - at;
          expect(marked).toBeGreaterThanOrEqual(earliestDetectionSeconds);
          expect(marked).toBeLessThanOrEqual(latestDetectionSeconds);
        },
      ),
      {numRuns: 150},
    );
  });

  it('spreads the marks of three nodes instead of one cliff (seed 2: the nodes check at different phases)', () => {
    const r = simulate({zones: ['a', 'b', 'c'], service: {desiredCount: 6}, faults: [taskCrash('a-1', {at: 300})], seed: 2});
    const marks = new Set(['a', 'b', 'c'].map((z) => nodeMarkTime(300, r.healthCheckPhases[z]!, r.model.loadBalancer.healthCheck).markAt));
    expect(marks.size).toBeGreaterThan(1);
    // The dead target's failures step down once per distinct mark time.
    const steps = new Set(r.segments.filter((s) => s.from >= 300).map((s) => s.targets.find((x) => x.id === 'a-1')?.failed ?? 0));
    expect(steps.size).toBe(marks.size + 1);
  });
});
