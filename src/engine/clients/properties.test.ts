/**
 * Laws of the clients' mechanisms over random models (fast-check, seeded by fast-check's own
 * seed per run): what stays true whatever the retries, backoff, budget, shedding, timeouts and
 * DNS caching.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {simulate, zoneOutage, type ClientsSpec, type Fault, type Model} from '../index';

const ZONES = ['a', 'b', 'c'];
const DURATION = 1800;

const clientsArb: fc.Arbitrary<ClientsSpec> = fc.record({
  dnsCacheSeconds: fc.oneof(fc.integer({min: 0, max: 300}), fc.constant('forever' as const)),
  keepAlive: fc.boolean(),
  connectTimeoutSeconds: fc.integer({min: 1, max: 10}),
  requestTimeoutSeconds: fc.integer({min: 1, max: 30}),
  retries: fc.integer({min: 0, max: 5}),
  backoff: fc.oneof(
    fc.constant(null),
    fc.record({baseSeconds: fc.constantFrom(0.1, 0.5, 1), capSeconds: fc.constantFrom(1, 5, 20), jitter: fc.constantFrom('full' as const, 'none' as const)}),
  ),
  retryBudget: fc.oneof(fc.constant(null), fc.double({min: 0, max: 1, noNaN: true})),
});

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({kind: fc.constant('zoneOutage' as const), zone: fc.constantFrom(...ZONES), at: fc.integer({min: 0, max: DURATION - 1}), duration: fc.integer({min: 1, max: 900})}),
  fc.record({kind: fc.constant('taskCrash' as const), task: fc.constantFrom('a-1', 'b-1', 'c-1'), at: fc.integer({min: 0, max: DURATION - 1})}),
  fc.record({
    kind: fc.constant('grayFailure' as const),
    zone: fc.constantFrom(...ZONES),
    at: fc.integer({min: 0, max: DURATION - 1}),
    duration: fc.integer({min: 1, max: 900}),
    errorShare: fc.double({min: 0, max: 1, noNaN: true}),
  }),
);

const modelArb: fc.Arbitrary<Model> = fc.record({
  zones: fc.constant(ZONES),
  service: fc.record({
    desiredCount: fc.integer({min: 3, max: 9}),
    capacityPerTask: fc.integer({min: 20, max: 120}),
    loadShedding: fc.boolean(),
    serviceTimeSeconds: fc.constantFrom(0.01, 0.05, 0.2),
  }),
  scheduler: fc.record({kind: fc.constantFrom('ecs' as const, 'none' as const)}),
  loadBalancer: fc.record({crossZone: fc.boolean()}),
  traffic: fc.record({requestsPerSecond: fc.integer({min: 50, max: 600})}),
  clients: clientsArb,
  faults: fc.array(faultArb, {maxLength: 3}),
  durationSeconds: fc.constant(DURATION),
});

describe('clients (properties)', () => {
  it('every request ends served or failed after its last attempt; goodput never exceeds capacity; same model, same result', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const r = simulate(model);
        let offered = 0;
        let ended = 0;
        let over = 0;
        for (const s of r.segments) {
          const len = s.to - s.from;
          offered += s.offered * len;
          ended += (s.served + s.failed) * len;
          over = Math.max(over, s.served - s.capacity);
          expect(s.firstAttempts).toBe(s.offered);
          expect(s.attempts).toBeCloseTo(s.firstAttempts + s.retries, 6);
        }
        // offered = served + failed + still under way at the end (queued or waiting to retry).
        expect(Math.abs(offered - ended - r.summary.inFlightAtEnd)).toBeLessThan(1e-6 * Math.max(1, offered));
        expect(over).toBeLessThan(1e-9);
        expect(JSON.stringify(simulate(model))).toBe(JSON.stringify(r));
      }),
      {numRuns: 60},
    );
    // Property runs are CPU-bound: a generous timeout on a shared machine.
  }, 120_000);

  it('with load shedding, a fleet left short of capacity still serves min(capacity, offered), within 1e-6', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 2, max: 4}),
        fc.integer({min: 50, max: 150}),
        fc.integer({min: 100, max: 900}),
        fc.integer({min: 0, max: 5}),
        (perZone, capacityPerTask, rps, retries) => {
          // A fixed fleet (nothing replaced), cross-zone on, clients that forget the lost node at
          // once: after every node has marked the lost zone's tasks, routing is even over the rest.
          const model: Model = {
            zones: ZONES,
            service: {desiredCount: 3 * perZone, capacityPerTask, loadShedding: true},
            scheduler: {kind: 'none'},
            loadBalancer: {dnsTtlSeconds: 0},
            traffic: {requestsPerSecond: rps},
            clients: {retries},
            faults: [zoneOutage('b', {at: 300, duration: 900})],
            durationSeconds: DURATION,
          };
          const r = simulate(model);
          const settled = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!.t;
          for (const s of r.segments) {
            if (s.from < settled || s.to > 1200) continue;
            const expected = Math.min(s.capacity, s.offered);
            expect(s.capacity).toBe(2 * perZone * capacityPerTask);
            expect(s.served).toBeGreaterThanOrEqual(expected * (1 - 1e-6));
            expect(s.timedOut).toBe(0);
          }
        },
      ),
      {numRuns: 60},
    );
  }, 120_000);
});
