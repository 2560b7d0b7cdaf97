import {describe, expect, it} from 'vitest';
import {capacityPlan, costOfResilience, healthCheckDetection, ModelError, replicationRace, simulate, zoneOutage} from './index';

describe('helpers', () => {
  it('healthCheckDetection: ALB defaults give 35–65 s detection and 120–150 s to return', () => {
    expect(healthCheckDetection()).toEqual({
      earliestDetectionSeconds: 1 * 30 + 5,
      latestDetectionSeconds: 2 * 30 + 5,
      newTargetMaxWaitSeconds: 30,
      earliestReturnSeconds: 4 * 30,
      latestReturnSeconds: 5 * 30,
      // Two failed checks, 30 s apart: from the moment of death, or from the next check.
      failedCheckStarts: {earliest: [0, 30], latest: [30, 60]},
    });
  });

  it('healthCheckDetection agrees with the simulation', () => {
    const times = healthCheckDetection({intervalSeconds: 10, unhealthyThreshold: 2, timeoutSeconds: 5});
    for (let seed = 1; seed <= 10; seed++) {
      const r = simulate({
        zones: ['a', 'b'],
        service: {desiredCount: 2},
        loadBalancer: {healthCheck: {intervalSeconds: 10, unhealthyThreshold: 2, timeoutSeconds: 5}},
        faults: [zoneOutage('a', {at: 100, duration: 100})],
        seed,
      });
      const d = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!.t - 100;
      expect(d).toBeGreaterThanOrEqual(times.earliestDetectionSeconds);
      expect(d).toBeLessThan(times.latestDetectionSeconds);
    }
  });

  it('capacityPlan: per-zone capacity P / (N − 1)', () => {
    // 3 zones, peak 1000 rps, 100 rps per task: 1000 / 2 / 100 = 5 tasks per zone, 150 % overhead.
    const p = capacityPlan({zones: 3, peakRequestsPerSecond: 1000, capacityPerTask: 100});
    expect(p).toMatchObject({minimumTasks: 10, tasksPerZone: 5, totalTasks: 15, overhead: 1.5, capacityAfterZoneLoss: 1000, survivesZoneLoss: true});
    expect(capacityPlan({zones: 2, peakRequestsPerSecond: 100, capacityPerTask: 100}).overhead).toBe(2);
    expect(capacityPlan({zones: 1, peakRequestsPerSecond: 100, capacityPerTask: 100}).survivesZoneLoss).toBe(false);
    expect(() => capacityPlan({zones: 0, peakRequestsPerSecond: 1, capacityPerTask: 1})).toThrow(ModelError);
  });

  it('replicationRace: async loses lag × write rate, the others pay a round trip', () => {
    expect(replicationRace({mode: 'async', lagSeconds: 5, writeRate: 10})).toMatchObject({writesLostOnPrimaryLoss: 50, writeLatencyAddedMs: 0, recoveryPointSeconds: 5});
    for (const mode of ['sync', 'semi-sync', 'quorum'] as const) {
      expect(replicationRace({mode, interZoneLatencyMs: 2, writeRate: 10})).toMatchObject({writesLostOnPrimaryLoss: 0, writeLatencyAddedMs: 2});
    }
    expect(() => replicationRace({mode: 'async', writeRate: Number.NaN})).toThrow(ModelError);
  });

  it('costOfResilience: provisioned vs needed, and cross-zone traffic at $0.01/GB each way', () => {
    // 3 zones, 6 tasks of 50 rps, 200 rps: needs 4 tasks, provisions 6 (1.5×).
    // Cross-zone on with even spread: 2/3 of requests go to another zone.
    const c = costOfResilience(
      {zones: ['a', 'b', 'c'], service: {desiredCount: 6, capacityPerTask: 50}, traffic: {requestsPerSecond: 200}},
      {bytesPerRequest: 10_000},
    );
    expect(c).toMatchObject({neededTasks: 4, provisionedTasks: 6, overheadRatio: 1.5});
    expect(c.crossZoneShare).toBeCloseTo(2 / 3, 12);
    const gb = (200 * (2 / 3) * 10_000 * 30 * 24 * 3600) / 1e9;
    expect(c.crossZoneGBPerMonth).toBeCloseTo(gb, 6);
    expect(c.crossZoneUsdPerMonth).toBeCloseTo(gb * 0.02, 6);
    const off = costOfResilience({zones: ['a', 'b'], loadBalancer: {crossZone: false}});
    expect(off.crossZoneShare).toBe(0);
  });
});
