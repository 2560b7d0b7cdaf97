import {describe, expect, it} from 'vitest';
import {
  alarmZonalShift,
  autoZonalShift,
  grayFailure,
  selectStateAt,
  simulate,
  taskCrash,
  upgradeModel,
  zonalAutoshift,
  zonalShift,
  zoneOutage,
  type Model,
} from './index';
import {nextCheckAtOrAfter} from './healthChecks';

/** Six tasks, three zones, 200 rps, 50 rps per task: each zone can carry half the peak. */
const sixTasks = (extra: Partial<Model> = {}): Model => ({
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 6, capacityPerTask: 50},
  traffic: {requestsPerSecond: 200},
  durationSeconds: 3600,
  ...extra,
});

describe('faults', () => {
  it('gray failure: health checks never catch it, a share of the zone traffic fails all along', () => {
    const r = simulate(sixTasks({faults: [grayFailure('b', {at: 300, duration: 600, errorShare: 0.5})]}));
    expect(r.events.some((e) => e.type === 'lb/targetMarkedUnhealthy')).toBe(false);
    // A third of 200 rps reaches zone b and half of it fails, for 600 s: 200 / 3 × 0.5 × 600.
    expect(r.summary.failedByCause.grayFailure).toBeCloseTo((200 / 3) * 0.5 * 600, 6);
    expect(selectStateAt(r, 400).zones[1]!.impaired).toBe(true);
  });

  it('zonal shift away from a gray zone ends the errors', () => {
    const r = simulate(
      sixTasks({
        faults: [grayFailure('b', {at: 300, duration: 3000, errorShare: 0.5})],
        actions: [zonalShift('b', {at: 900, duration: 2700})],
      }),
    );
    // Errors only from 300 to 900; the other four tasks carry 200 rps without overload.
    expect(r.summary.failed).toBeCloseTo((200 / 3) * 0.5 * 600, 6);
    // Overload now shows as timeouts in the tasks' queues or shed requests: none.
    expect(r.summary.failedByCause.timeout + r.summary.failedByCause.shed).toBe(0);
    expect(selectStateAt(r, 1000).zones[1]!.shifted).toBe(true);
  });

  it('a zonal shift expires after its duration', () => {
    const r = simulate(sixTasks({actions: [zonalShift('a', {at: 100, duration: 200})]}));
    expect(r.events.find((e) => e.type === 'shift/ended')!.t).toBe(300);
  });

  it('AWS zonal autoshift never starts for a gray failure or a task crash: AWS does not see them', () => {
    const r = simulate(
      sixTasks({
        faults: [grayFailure('b', {at: 300, duration: 1200, errorShare: 0.5}), taskCrash('c-1', {at: 400})],
        actions: [zonalAutoshift({delaySeconds: 60})],
      }),
    );
    expect(r.events.some((e) => e.type === 'shift/started')).toBe(false);
    // The run is exactly the run without autoshift.
    const without = simulate(sixTasks({faults: [grayFailure('b', {at: 300, duration: 1200, errorShare: 0.5}), taskCrash('c-1', {at: 400})]}));
    expect(r.summary).toEqual(without.summary);
  });

  it('AWS zonal autoshift shifts away from a lost zone after its delay and ends when the zone recovers', () => {
    const r = simulate(sixTasks({faults: [zoneOutage('a', {at: 300, duration: 1200})], actions: [zonalAutoshift({delaySeconds: 120})]}));
    const started = r.events.find((e) => e.type === 'shift/started')!;
    expect([started.t, started.zone]).toEqual([300 + 120, 'a']);
    expect(started.message).toContain('AWS zonal autoshift');
    expect(r.events.find((e) => e.type === 'shift/ended')!.t).toBe(1500);
    // Default delay: 300 s, the model's estimate.
    const byDefault = simulate(sixTasks({faults: [zoneOutage('a', {at: 300, duration: 1200})], actions: [zonalAutoshift()]}));
    expect(byDefault.events.find((e) => e.type === 'shift/started')!.t).toBe(600);
  });

  it('an alarm-driven zonal shift fires after its evaluation periods, expires, and fires again while the zone still fails', () => {
    const r = simulate(
      sixTasks({
        faults: [grayFailure('b', {at: 300, duration: 1200, errorShare: 0.5})],
        actions: [alarmZonalShift({errorRateThreshold: 0.1, evaluationPeriodSeconds: 60, evaluationPeriods: 2, expiresAfterSeconds: 600})],
      }),
    );
    const starts = r.events.filter((e) => e.type === 'shift/started').map((e) => e.t);
    // Breach from 300: fires at 300 + 2 × 60 = 420; expires at 1020; zone b fails again at once,
    // so the alarm fires again at 1020 + 120 = 1140 and that shift runs until 1740.
    expect(starts).toEqual([420, 1140]);
    expect(r.events.filter((e) => e.type === 'shift/ended').map((e) => e.t)).toEqual([1020, 1740]);
    // Zone b's errors last 2 × 120 s in all: 200 / 3 × 0.5 × 240.
    expect(r.summary.failedByCause.grayFailure).toBeCloseTo((200 / 3) * 0.5 * 240, 6);
  });

  it('an alarm-driven zonal shift does not fire below its threshold, nor for a breach shorter than its periods', () => {
    const below = simulate(
      sixTasks({faults: [grayFailure('b', {at: 300, duration: 1200, errorShare: 0.05})], actions: [alarmZonalShift({errorRateThreshold: 0.1})]}),
    );
    expect(below.events.some((e) => e.type === 'shift/started')).toBe(false);
    // 3 × 60 s by default; a 150 s gray failure ends before the alarm fires.
    const short = simulate(
      sixTasks({faults: [grayFailure('b', {at: 300, duration: 150, errorShare: 0.5})], actions: [alarmZonalShift()]}),
    );
    expect(short.events.some((e) => e.type === 'alarm/breaching')).toBe(true);
    expect(short.events.some((e) => e.type === 'shift/started')).toBe(false);
  });

  it('reads the old autoZonalShift as the alarm-driven shift it always was, and says so', () => {
    const old = {...sixTasks(), actions: [{kind: 'autoZonalShift', errorRateThreshold: 0.1, delaySeconds: 120}]} as unknown as Model;
    const {model, notices} = upgradeModel(old);
    expect(model.actions).toEqual([{kind: 'alarmZonalShift', errorRateThreshold: 0.1, evaluationPeriodSeconds: 120, evaluationPeriods: 1}]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('alarm-driven zonal shift');
    expect(notices[0]).toContain('10 % errors for one period of 120 s');
    // The old helper in live code returns the same action; the old model still runs.
    expect(autoZonalShift({errorRateThreshold: 0.1, delaySeconds: 120})).toEqual(model.actions![0]);
    const r = simulate({...old, faults: [grayFailure('b', {at: 300, duration: 1200, errorShare: 0.5})]});
    expect(r.events.find((e) => e.type === 'shift/started')!.t).toBe(420);
    expect(upgradeModel(sixTasks()).notices).toEqual([]);
  });

  it('zone outage stops tasks, and cross-zone load balancing spreads the dead share', () => {
    // TTL 0 and no keep-alive: clients forget the lost node at once, so only the dead targets fail
    // (the stale-DNS window is clients/dns.test.ts's, the dead node's connections keepAlive.test.ts's).
    const r = simulate(
      sixTasks({faults: [zoneOutage('a', {at: 300, duration: 600})], loadBalancer: {dnsTtlSeconds: 0}, clients: {keepAlive: false}, seed: 2}),
    );
    // Nodes b and c take half the traffic each; each sends 2 of its 6 shares to the dead tasks
    // until it marks them, (2 − 1) × 30 + 5 s after its own first check at or after 300:
    // 100 rps × 2/6 × (mark_b − 300) + 100 rps × 2/6 × (mark_c − 300).
    const marks = ['b', 'c'].map((z) => nextCheckAtOrAfter(300, r.healthCheckPhases[z]!, 30) + 30 + 5);
    expect(marks[0]).not.toBe(marks[1]); // this seed's nodes do not check in step
    for (const m of marks) expect(m - 300).toBeGreaterThanOrEqual(35);
    for (const m of marks) expect(m - 300).toBeLessThanOrEqual(65);
    expect(r.summary.failedByCause.deadTarget).toBeCloseTo(marks.reduce((sum, m) => sum + 100 * (2 / 6) * (m - 300), 0), 6);
    // The target is marked as a whole when the last node marks it.
    expect(r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!.t).toBe(Math.max(...marks));
    expect(selectStateAt(r, 310).zones[0]!.status).toBe('down');
  });

  it('with cross-zone off no request reaches the dead tasks, but clients still holding the lost node from DNS fail', () => {
    // Without keep-alive: the dead node's kept-alive connections are clients/keepAlive.test.ts's.
    const r = simulate(sixTasks({loadBalancer: {crossZone: false}, clients: {keepAlive: false}, faults: [zoneOutage('a', {at: 300, duration: 600})]}));
    expect(r.summary.failedByCause.deadTarget).toBe(0);
    // Until this change the lost node left every client's cache at once and nothing failed. Now a
    // third of 200 rps still goes to it at first, falling to 0 over the 60 s TTL: 200 × 1/3 × 60 / 2.
    expect(r.summary.failedByCause.staleDns).toBeCloseTo(2000, 6);
  });

  it('task crash fails its share until detection', () => {
    const r = simulate(sixTasks({faults: [taskCrash('c-2', {at: 100})], seed: 5}));
    // Three nodes, a third of 200 rps each, 1 of 6 shares to c-2 until each node marks it.
    const marks = ['a', 'b', 'c'].map((z) => nextCheckAtOrAfter(100, r.healthCheckPhases[z]!, 30) + 30 + 5);
    expect(r.summary.failedByCause.deadTarget).toBeCloseTo(marks.reduce((sum, m) => sum + (200 / 3) * (1 / 6) * (m - 100), 0), 6);
  });

  it('a zonal dependency (NAT gateway) fails requests from every zone while its zone is down', () => {
    const model = sixTasks({
      service: {desiredCount: 6, capacityPerTask: 50, zonalDependency: {zone: 'a', name: 'NAT gateway', share: 0.3}},
      faults: [zoneOutage('a', {at: 300, duration: 600})],
      // TTL 0, no keep-alive: the clients holding zone a's node would fail first (not this test's subject).
      loadBalancer: {crossZone: false, dnsTtlSeconds: 0},
      clients: {keepAlive: false},
    });
    const r = simulate(model);
    // 30 % of 200 rps need the NAT gateway for 600 s.
    expect(r.summary.failedByCause.dependency).toBeCloseTo(0.3 * 200 * 600, 6);
    expect(r.events.some((e) => e.type === 'dependency/failed')).toBe(true);
  });

  it('overlapping outages of one zone keep it down until the last ends', () => {
    const r = simulate(
      sixTasks({faults: [zoneOutage('a', {at: 100, duration: 300}), zoneOutage('a', {at: 200, duration: 400})]}),
    );
    expect(r.events.filter((e) => e.type === 'zone/failed')).toHaveLength(1);
    expect(r.events.find((e) => e.type === 'zone/recovered')!.t).toBe(600);
  });
});

describe('sessions', () => {
  const base = (service: Model['service']): Model => ({
    zones: ['a', 'b'],
    service: {desiredCount: 2, ...service},
    traffic: {requestsPerSecond: 100, activeSessions: 1000},
    faults: [zoneOutage('a', {at: 300, duration: 3300})],
  });

  it('task memory with sticky sessions loses the dead task share (1000 / 2)', () => {
    expect(simulate(base({sessionStore: 'task-memory', sticky: true})).summary.sessionsLost).toBe(500);
  });

  it('task memory without stickiness loses the dead task share at the outage, and signs users out all along', () => {
    const r = simulate(base({sessionStore: 'task-memory', sticky: false}));
    // a-1 held half the sessions when it stopped: 1000 / 2. Never more than existed.
    expect(r.summary.sessionsLost - r.summary.sessionsLostInNormalRunning).toBeCloseTo(500, 9);
    expect(r.summary.sessionsLostInNormalRunning).toBeGreaterThan(0);
  });

  it('in task memory without stickiness, users are signed out during normal running: (n − 1)/n of requests', () => {
    const noFault = (desiredCount: number, sticky: boolean) =>
      simulate({
        zones: ['a', 'b', 'c'],
        service: {desiredCount, sessionStore: 'task-memory', sticky},
        traffic: {requestsPerSecond: 100, activeSessions: 1000},
      }).summary;
    // 100 rps for 3600 s; a request lands on the task holding the session with probability 1/n.
    expect(noFault(3, false).sessionsLost).toBeCloseTo(100 * 3600 * (2 / 3), 6);
    expect(noFault(3, false).sessionsLostInNormalRunning).toBeCloseTo(100 * 3600 * (2 / 3), 6);
    expect(noFault(1, false).sessionsLost).toBe(0);
    expect(noFault(3, true).sessionsLost).toBe(0);
  });

  it('rebalancing drains a task and loses only the sessions of the users stuck to it', () => {
    const r = simulate({
      zones: ['a', 'b'],
      service: {desiredCount: 2, sessionStore: 'task-memory', sticky: true},
      traffic: {requestsPerSecond: 100, activeSessions: 1000, sessionSeconds: 1800},
      faults: [zoneOutage('a', {at: 300, duration: 1800})],
    });
    const entered = (id: string) => r.events.find((e) => e.type === 'lb/targetHealthy' && e.task === id)!.t;
    expect(r.events.find((e) => e.type === 'lb/targetDraining')!.task).toBe('b-2');
    // At 300 a-1's 500 sessions are lost and those users sign in on b-1. From the moment b-2
    // enters service, sessions turn over (1800 s on average) and new ones land evenly on the
    // targets in service: towards 1000 / 2 on b-2 until a-2 enters service, then towards
    // 1000 / 3 until every node has a-2 and rebalancing drains b-2 with what it holds.
    const drained = r.events.find((e) => e.type === 'lb/targetDraining')!.t;
    const relax = (from: number, target: number, dt: number) => target + (from - target) * Math.exp(-dt / 1800);
    const onB2 = relax(relax(0, 500, entered('a-2') - entered('b-2')), 1000 / 3, drained - entered('a-2'));
    expect(r.summary.sessionsLost).toBeCloseTo(500 + onB2, 6);
    expect(onB2).toBeLessThan(500);
  });

  it('a multi-zone store loses none', () => {
    expect(simulate(base({sessionStore: 'multi-zone'})).summary.sessionsLost).toBe(0);
  });

  it('a single-zone store loses all and fails every request while its zone is down', () => {
    const r = simulate(base({sessionStore: 'single-zone', sessionStoreZone: 'a'}));
    expect(r.summary.sessionsLost).toBe(1000);
    // After the dead task is marked, every request reaches b-1 and fails on the store.
    expect(r.summary.availability).toBeLessThan(0.2);
    const other = simulate(base({sessionStore: 'single-zone', sessionStoreZone: 'b'}));
    expect(other.summary.sessionsLost).toBe(0);
  });

  it('a zonal shift moves sticky users off the zone, losing their in-memory sessions', () => {
    const r = simulate({
      zones: ['a', 'b'],
      service: {desiredCount: 2, sessionStore: 'task-memory', sticky: true},
      traffic: {requestsPerSecond: 100, activeSessions: 1000},
      actions: [zonalShift('a', {at: 100, duration: 100})],
    });
    expect(r.summary.sessionsLost).toBe(500);
  });
});

describe('traffic', () => {
  it('a daily curve changes the rate every 15 minutes between trough and peak', () => {
    const r = simulate({
      zones: ['a', 'b'],
      service: {desiredCount: 2, capacityPerTask: 1000},
      traffic: {curve: 'daily', requestsPerSecond: 1000, troughRequestsPerSecond: 200, peakHour: 14},
      durationSeconds: 86_400,
    });
    expect(r.segments).toHaveLength(96);
    const rates = r.segments.map((s) => s.offered);
    expect(Math.max(...rates)).toBeLessThanOrEqual(1000);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(200);
    // A cosine day averages to the midpoint of peak and trough.
    expect(r.summary.offered / 86_400).toBeCloseTo(600, 6);
  });

  it('the write share sets how many requests need the database', () => {
    const model = (writeShare: number): Model => ({
      zones: ['a', 'b'],
      service: {desiredCount: 2},
      database: {kind: 'single-az', zone: 'a'},
      traffic: {requestsPerSecond: 100, writeShare},
      faults: [zoneOutage('a', {at: 100, duration: 100}), taskCrash('b-1', {at: 3000})],
      scheduler: {rebalance: false},
    });
    expect(simulate(model(0.2)).summary.failedByCause.database).toBeGreaterThan(simulate(model(0.1)).summary.failedByCause.database);
  });
});
