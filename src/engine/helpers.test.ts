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

  it('costOfResilience: provisioned vs needed; an ALB’s cross-zone traffic is not billed, an NLB’s is', () => {
    // 3 zones, 6 tasks of 50 rps, 200 rps: needs 4 tasks, provisions 6 (1.5×).
    // Cross-zone on with even spread: 2/3 of requests go to another zone.
    const model = {zones: ['a', 'b', 'c'], service: {desiredCount: 6, capacityPerTask: 50}, traffic: {requestsPerSecond: 200}};
    const c = costOfResilience(model, {bytesPerRequest: 10_000});
    expect(c).toMatchObject({neededTasks: 4, provisionedTasks: 6, overheadRatio: 1.5});
    expect(c.crossZoneShare).toBeCloseTo(2 / 3, 12);
    // 200 rps × 2/3 × 10 kB × 2,592,000 s = 3,456 GB a month cross zones…
    const gb = (200 * (2 / 3) * 10_000 * 30 * 24 * 3600) / 1e9;
    expect(c.crossZoneFlows).toEqual([expect.objectContaining({id: 'loadBalancer', charged: false, usdPerMonth: 0})]);
    expect(c.crossZoneFlows[0]!.gbPerMonth).toBeCloseTo(gb, 6);
    // …billed nothing behind an ALB, $0.01/GB each way (3,456 × 0.02 = $69.12) behind an NLB with cross-zone on.
    expect(c.crossZoneUsdPerMonth).toBe(0);
    const nlb = costOfResilience({...model, loadBalancer: {type: 'network', crossZone: true}}, {bytesPerRequest: 10_000});
    expect(nlb.crossZoneUsdPerMonth).toBeCloseTo(gb * 0.02, 6);
    expect(nlb.crossZoneGBPerMonth).toBeCloseTo(gb, 6);
    // An NLB has cross-zone off by default: nothing crosses.
    expect(costOfResilience({...model, loadBalancer: {type: 'network'}}).crossZoneShare).toBe(0);
    const off = costOfResilience({zones: ['a', 'b'], loadBalancer: {crossZone: false}});
    expect(off.crossZoneShare).toBe(0);
  });

  it('costOfResilience: names and bills the database calls and the replication an ALB service sends between zones', () => {
    // 3 zones, 6 tasks, 300 rps, 20 % writes: 60 database calls a second; 4 of 6 tasks are outside zone a.
    const base = {zones: ['a', 'b', 'c'], service: {desiredCount: 6}, traffic: {requestsPerSecond: 300, writeShare: 0.2}};
    const month = 30 * 24 * 3600;
    const sizes = {bytesPerDatabaseCall: 4000, replicationBytesPerWrite: 2000};
    const dbGb = (60 * (4 / 6) * 4000 * month) / 1e9; // 414.72 GB
    const selfManaged = costOfResilience(
      {...base, database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b', 'c'], replication: 'sync'}},
      sizes,
    );
    const [lb, db, repl] = selfManaged.crossZoneFlows;
    expect(lb!.charged).toBe(false);
    expect(db).toMatchObject({id: 'database', charged: true, label: 'database calls from tasks outside zone a to the primary'});
    expect(db!.gbPerMonth).toBeCloseTo(dbGb, 6);
    // Each write goes to both replicas: 60 × 2 × 2 kB a second.
    const replGb = (60 * 2 * 2000 * month) / 1e9; // 622.08 GB
    expect(repl).toMatchObject({id: 'replication', charged: true});
    expect(repl!.gbPerMonth).toBeCloseTo(replGb, 6);
    expect(selfManaged.crossZoneUsdPerMonth).toBeCloseTo((dbGb + replGb) * 0.02, 6);
    // A managed RDS Multi-AZ instance: the calls are billed, its replication is not (the model's reading of RDS pricing).
    const rds = costOfResilience({...base, database: {kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'b'}}, sizes);
    expect(rds.crossZoneFlows.map((f) => [f.id, f.charged])).toEqual([
      ['loadBalancer', false],
      ['database', true],
      ['replication', false],
    ]);
    expect(rds.crossZoneUsdPerMonth).toBeCloseTo(dbGb * 0.02, 6);
    // Reads that use the database too: every request makes a call.
    const reads = costOfResilience({...base, traffic: {...base.traffic, readsUseDatabase: true}, database: {kind: 'single-az', zone: 'a'}}, sizes);
    expect(reads.crossZoneFlows[1]!.gbPerMonth).toBeCloseTo(dbGb * 5, 6);
  });

});
