import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {simulate, type Fault, type Model} from './index';

const ZONES = ['a', 'b', 'c'];

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({kind: fc.constant('zoneOutage' as const), zone: fc.constantFrom(...ZONES), at: fc.integer({min: 0, max: 3000}), duration: fc.integer({min: 1, max: 2000})}),
  fc.record({kind: fc.constant('taskCrash' as const), task: fc.constantFrom('a-1', 'b-1', 'c-1', 'a-2'), at: fc.integer({min: 0, max: 3000})}),
  fc.record({kind: fc.constant('zonePartition' as const), zone: fc.constantFrom(...ZONES), at: fc.integer({min: 0, max: 3000}), duration: fc.integer({min: 1, max: 2000})}),
);

const sessionModel = fc
  .record({
    n: fc.integer({min: 1, max: 3}),
    tasks: fc.integer({min: 1, max: 9}),
    sticky: fc.boolean(),
    crossZone: fc.boolean(),
    sessions: fc.integer({min: 1, max: 5000}),
    sessionSeconds: fc.integer({min: 60, max: 7200}),
    rebalance: fc.boolean(),
    seed: fc.integer({min: 1, max: 1000}),
    faults: fc.array(faultArb, {maxLength: 3}),
  })
  .map(
    (p): Model => ({
      zones: ZONES.slice(0, p.n),
      service: {desiredCount: p.tasks, capacityPerTask: 1000, sessionStore: 'task-memory', sticky: p.sticky},
      scheduler: {rebalance: p.rebalance},
      loadBalancer: {crossZone: p.crossZone},
      traffic: {requestsPerSecond: 100, activeSessions: p.sessions, sessionSeconds: p.sessionSeconds},
      // Keep faults in the model's zones, and one partition at a time (with at least two zones).
      faults: p.faults
        .filter((f) => ZONES.indexOf('zone' in f ? f.zone : f.kind === 'taskCrash' ? f.task[0]! : 'a') < p.n)
        .filter((f, i, all) => f.kind !== 'zonePartition' || (p.n >= 2 && all.findIndex((g) => g.kind === 'zonePartition') === i)),
      durationSeconds: 3600,
      seed: p.seed,
    }),
  );

/** The amount in a `sessions/lost` event: "t=… s 123.4 sessions lost: …". */
const amount = (message: string): number => Number(/ ([\d.]+) sessions lost/.exec(message)![1]);

describe('sessions (properties)', () => {
  it('no loss ever takes more sessions than existed at that moment', () => {
    fc.assert(
      fc.property(sessionModel, (model) => {
        const r = simulate(model);
        const all = model.traffic!.activeSessions!;
        for (const e of r.events) if (e.type === 'sessions/lost') expect(amount(e.message)).toBeLessThanOrEqual(all + 0.05);
        expect(r.summary.sessionsLost).toBeGreaterThanOrEqual(r.summary.sessionsLostInNormalRunning);
      }),
      {numRuns: 200},
    );
    // A property run is CPU-bound: a generous timeout on a shared machine.
  }, 60_000);

  it('sticky sessions: one zone lost for the rest of the run never loses more than the sessions that existed', () => {
    fc.assert(
      fc.property(sessionModel, fc.integer({min: 0, max: 3000}), (model, at) => {
        fc.pre(model.service!.sticky === true);
        const r = simulate({...model, faults: [{kind: 'zoneOutage', zone: 'a', at, duration: 3600}]});
        expect(r.summary.sessionsLost).toBeLessThanOrEqual(model.traffic!.activeSessions! + 1e-6);
        // …and exactly the lost zone's share: its tasks held tasksInA / tasks of them.
        const tasks = model.service!.desiredCount!;
        const inA = Math.ceil(tasks / model.zones.length);
        expect(r.summary.sessionsLost).toBeCloseTo((model.traffic!.activeSessions! * inA) / tasks, 6);
      }),
      {numRuns: 150},
    );
  });
});
