import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {nextCheckAtOrAfter} from '../healthChecks';
import {simulate, taskCrash, zoneOutage, type Model, type SimulationResult} from '../index';
import {requestTotals} from '../requestTotals';

/** Three zones, two tasks each, 300 req/s; clients forget a lost node at once (TTL 0), so DNS adds nothing. */
const sixTasks = (extra: Partial<Model> = {}): Model => ({
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 6, capacityPerTask: 100},
  traffic: {requestsPerSecond: 300},
  loadBalancer: {dnsTtlSeconds: 0},
  durationSeconds: 1800,
  ...extra,
});

/** The segment in force at `t`. */
const at = (r: SimulationResult, t: number) => r.segments.find((s) => s.from <= t && t < s.to)!;

describe('kept-alive connections to a node or target that dies', () => {
  it('a lost node: each client connected to it loses its next request, a third of the requests for one gap', () => {
    // Cross-zone off: no request reaches zone a's dead tasks, so only the node's clients fail.
    const model = sixTasks({loadBalancer: {dnsTtlSeconds: 0, crossZone: false}, faults: [zoneOutage('a', {at: 300, duration: 600})]});
    // 3,000 sessions (the default, 10 × 300 req/s), each a client sending one request every
    // 3,000 ÷ 300 = 10 s: for 10 s every request on the third of connections to zone a's node
    // fails, 300 × 1/3 × 10 = 1,000 requests, one per client of that node (3,000 × 1/3).
    const r = simulate(model);
    expect(r.summary.failedByCause.staleConnection).toBeCloseTo(300 * (1 / 3) * 10, 6);
    expect(r.summary.failed).toBeCloseTo(1000, 6);
    expect(at(r, 305).failedByCause.staleConnection).toBeCloseTo(100, 9);
    expect(at(r, 310).failed).toBe(0);
    // Clients that send less often hold their dead connection longer: 9,000 sessions, one request
    // each 30 s, lose 300 × 1/3 × 30 = 3,000 requests (still one each for the node's 3,000 clients).
    const rare = simulate({...model, traffic: {requestsPerSecond: 300, activeSessions: 9000}});
    expect(rare.summary.failedByCause.staleConnection).toBeCloseTo(3000, 6);
    // Without keep-alive each request opens a new connection, routed to a live node: nothing fails.
    const fresh = simulate({...model, clients: {keepAlive: false}});
    expect(fresh.summary.failed).toBe(0);
  });

  it('a request lost on a dead connection is retried after the request timeout, on a new connection', () => {
    // 600 sessions at 300 req/s: one request every 2 s, so the node's clients fail for 2 s
    // (300 × 1/3 × 2 = 200 requests). Each retry waits the 4 s request timeout, so it comes after
    // the gap, over a new connection to a live node, and is served: nothing fails for good.
    const r = simulate(
      sixTasks({
        loadBalancer: {dnsTtlSeconds: 0, crossZone: false},
        traffic: {requestsPerSecond: 300, activeSessions: 600},
        clients: {retries: 1, requestTimeoutSeconds: 4},
        faults: [zoneOutage('a', {at: 300, duration: 600})],
      }),
    );
    expect(r.summary.failed).toBeCloseTo(0, 9);
    const retried = r.segments.reduce((sum, s) => sum + s.retries * (s.to - s.from), 0);
    expect(retried).toBeCloseTo(200, 6);
    expect(at(r, 303).retries).toBe(0);
    expect(at(r, 304).retries).toBeCloseTo(100, 9);
    expect(at(r, 306).retries).toBe(0);
  });

  it('NLB: the clients pinned to a crashed task lose their next request even after it is marked, when they send rarely', () => {
    // An NLB (cross-zone off): node c sends half its third to each of its two tasks, so c-2 holds
    // 1/6 of the connections. 30,000 sessions at 300 req/s: one request every 100 s.
    const model = sixTasks({loadBalancer: {type: 'network', dnsTtlSeconds: 0}, traffic: {requestsPerSecond: 300, activeSessions: 30_000}, faults: [taskCrash('c-2', {at: 100})]});
    const r = simulate(model);
    const mark = nextCheckAtOrAfter(100, r.healthCheckPhases.c!, 30) + 30 + 5;
    // Until node c marks it, routing sends c-2 its 1/6 (deadTarget, as without keep-alive)…
    expect(r.summary.failedByCause.deadTarget).toBeCloseTo(300 * (1 / 6) * (mark - 100), 6);
    // …and from the mark the pinned clients that have not yet sent a request are reset when they
    // do: 1/6 of the requests until 100 s after the crash, 300 × 1/6 × (200 − mark).
    expect(r.summary.failedByCause.staleConnection).toBeCloseTo(300 * (1 / 6) * (200 - mark), 6);
    // In all, one request for each of the 30,000 / 6 = 5,000 pinned clients.
    expect(r.summary.failed).toBeCloseTo(5000, 6);
    // An ALB ends the client's connection at the node and picks a target per request: no pinning.
    const alb = simulate({...model, loadBalancer: {dnsTtlSeconds: 0, crossZone: false}});
    expect(alb.summary.failedByCause.staleConnection).toBe(0);
    // With the default 3,000 sessions (one request each 10 s), every pinned client has sent its
    // next request to the dead task before the mark: keep-alive adds nothing.
    const often = simulate({...model, traffic: {requestsPerSecond: 300}});
    expect(often.summary.failedByCause.staleConnection).toBe(0);
  });

  it('NLB with cross-zone on, a lost zone: its node’s clients and, through the other nodes, its tasks’ pinned clients', () => {
    // 30,000 sessions at 300 req/s: one request every 100 s. Zone a's node held 1/3 of the
    // connections; its two tasks held 1/3 too, of which the node's own 1/3 passed through it
    // (the nodes' pools alike): 1/3 + 1/3 × (1 − 1/3) = 5/9 of the connections are dead.
    const r = simulate(
      sixTasks({
        loadBalancer: {type: 'network', crossZone: true, dnsTtlSeconds: 0},
        traffic: {requestsPerSecond: 300, activeSessions: 30_000},
        scheduler: {kind: 'none'},
        faults: [zoneOutage('a', {at: 300, duration: 600})],
      }),
    );
    // Before the marks: the node's third fails on its connections; b's and c's nodes still route
    // 2/6 of the other 2/3 to the dead tasks (deadTarget), exactly the pinned 2/9.
    expect(at(r, 305).failedByCause.staleConnection).toBeCloseTo(300 / 3, 9);
    expect(at(r, 305).failedByCause.deadTarget).toBeCloseTo(300 * (2 / 3) * (2 / 6), 9);
    // After both nodes have marked them (at most 65 s), the pinned clients still fail, until 400 s.
    expect(at(r, 390).failedByCause.staleConnection).toBeCloseTo(300 * (5 / 9), 9);
    expect(at(r, 390).failedByCause.deadTarget).toBe(0);
    expect(at(r, 400).failed).toBe(0);
  });
});

describe('kept-alive connections and waiting retries', () => {
  it('a failure that changes cause with the same totals still replans the retries it waits for', () => {
    // Found by the property below: when node a marks the crashed a-1, its pinned clients' share
    // (1/9) stops failing fast as deadTarget and fails on kept-alive connections instead, whose
    // retries wait the request timeout. Every total of the flows stays the same, so only the
    // retries asked for tell the engine that the stretch is not steady; without them it refilled
    // the waiting retries as if the new ones had been asked for all along (308 requests too many).
    const r = simulate(
      sixTasks({
        service: {desiredCount: 9, capacityPerTask: 150},
        loadBalancer: {type: 'network', crossZone: false, dnsTtlSeconds: 0},
        traffic: {requestsPerSecond: 300, activeSessions: 11_101},
        clients: {retries: 1, backoff: {baseSeconds: 0.5, capSeconds: 5, jitter: 'full'}},
        faults: [taskCrash('a-1', {at: 985})],
      }),
    );
    const {offered, ended} = requestTotals(r);
    expect(offered - ended - r.summary.inFlightAtEnd).toBeCloseTo(0, 6);
    expect(r.summary.failedByCause.staleConnection).toBeGreaterThan(0);
  });
});

describe('kept-alive connections (properties)', () => {
  it('every request still ends served or failed, and without keep-alive nothing fails on a dead connection', () => {
    // Load balancer type, cross-zone, sessions, retries and faults at random; capacity to spare
    // (3 × 150 req/s per zone for at most 300), so what fails is the mechanism's, not overload's.
    const arb = fc.record({
      type: fc.constantFrom('application' as const, 'network' as const),
      crossZone: fc.boolean(),
      dnsTtlSeconds: fc.integer({min: 0, max: 120}),
      activeSessions: fc.integer({min: 0, max: 60_000}),
      keepAlive: fc.boolean(),
      retries: fc.integer({min: 0, max: 3}),
      backoff: fc.boolean(),
      faults: fc.array(
        fc.oneof(
          fc.record({kind: fc.constant('zoneOutage' as const), zone: fc.constantFrom('a', 'b', 'c'), at: fc.integer({min: 0, max: 1700}), duration: fc.integer({min: 1, max: 600})}),
          fc.record({kind: fc.constant('taskCrash' as const), task: fc.constantFrom('a-1', 'b-2', 'c-3'), at: fc.integer({min: 0, max: 1700})}),
        ),
        {maxLength: 3},
      ),
    });
    fc.assert(
      fc.property(arb, (p) => {
        const model = sixTasks({
          service: {desiredCount: 9, capacityPerTask: 150},
          loadBalancer: {type: p.type, crossZone: p.crossZone, dnsTtlSeconds: p.dnsTtlSeconds},
          traffic: {requestsPerSecond: 300, activeSessions: p.activeSessions},
          clients: {keepAlive: p.keepAlive, retries: p.retries, backoff: p.backoff ? {baseSeconds: 0.5, capSeconds: 5, jitter: 'full'} : null},
          faults: p.faults,
        });
        const r = simulate(model);
        const {offered, ended} = requestTotals(r);
        expect(Math.abs(offered - ended - r.summary.inFlightAtEnd)).toBeLessThan(1e-6 * offered);
        if (!p.keepAlive || p.activeSessions === 0) expect(r.summary.failedByCause.staleConnection).toBe(0);
        const causes = Object.values(r.summary.failedByCause).reduce((a, b) => a + b, 0);
        expect(causes).toBeCloseTo(r.summary.failed, 6);
      }),
      {numRuns: 40},
    );
  }, 120_000);
});
