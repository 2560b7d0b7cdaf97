import {describe, expect, it} from 'vitest';
import {getPreset, PRESET_IDS, PRESETS, selectStateAt, simulate, toTimeline, type Model} from './index';

const run = (id: Parameters<typeof getPreset>[0], change: (m: Model) => void = () => {}) => {
  const m = getPreset(id).model;
  change(m);
  return simulate(m);
};

describe('presets', () => {
  it.each(PRESET_IDS)('%s has a title, a one-sentence lesson and a valid model', (id) => {
    const p = PRESETS[id];
    expect(p.id).toBe(id);
    expect(p.title.length).toBeGreaterThan(5);
    expect(p.lesson.trim().endsWith('.')).toBe(true);
    expect(p.lesson.slice(0, -1)).not.toMatch(/\.\s/);
    expect(() => simulate(p.model)).not.toThrow();
  });

  it('one-task-two-zones: the task moves to zone b after detection + start + one check', () => {
    const r = run('one-task-two-zones');
    expect(r.events.find((e) => e.type === 'scheduler/taskLaunched')!.zone).toBe('b');
    // Detection 35–65 s, start 60 s, first check within 30 s: a total outage of 95–155 s.
    expect(r.summary.longestOutageSeconds).toBeGreaterThanOrEqual(95);
    expect(r.summary.longestOutageSeconds).toBeLessThan(155);
  });

  it('two-stateless-tasks: failures only in the detection window and the DNS TTL, far fewer with one retry', () => {
    const r = run('two-stateless-tasks');
    const mark = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!.t;
    const tl = toTimeline(r);
    // Kept-alive connections to zone a's node: half the clients (1,000 sessions, one request each
    // 1,000 ÷ 100 = 10 s) lose their next request, so half the requests fail from 300 to 310 s.
    const kept = (t: number) => (t < 310 ? 0.5 : 0);
    // Then the same clients, still holding zone a's node from DNS: half of them at 300 s, none at
    // 360 s (TTL 60 s), held for 6 s at a time at each stretch's mean: ½ × (1 − (6k + 3) / 60).
    const stale = (t: number) => (t < 310 || t >= 360 ? 0 : 0.5 * (1 - (6 * Math.floor((t - 300) / 6) + 3) / 60));
    for (const p of tl) {
      const lost = kept(p.t) + stale(p.t);
      if (p.t < 300 || p.t >= Math.max(mark, 360)) expect(p.failed).toBe(0);
      // Before the mark the rest of the clients reach the live node, which sends half to the dead task.
      else if (p.t < mark) expect(p.failed).toBeCloseTo(100 * (lost + (1 - lost) / 2), 9);
      else expect(p.failed).toBeCloseTo(100 * lost, 9);
    }
    // More than half fail until the dead task is marked: the stale share adds to the dead task's half.
    expect(r.summary.longestOutageSeconds).toBe(mark - 300);
    // Retries halve the dead task's share (the DNS window and kept-alive connections have their
    // own retry story: TTL 0 and no keep-alive here).
    const ttl0 = (m: Model) => {
      m.loadBalancer = {dnsTtlSeconds: 0};
      m.clients = {keepAlive: false};
    };
    const once = run('two-stateless-tasks', ttl0);
    const retry = run('two-stateless-tasks', (m) => {
      ttl0(m);
      m.traffic = {...m.traffic, retries: 1};
    });
    // A retry fails only if it also lands on the dead task: (1/2)² = 1/4 instead of 1/2.
    expect(retry.summary.failed).toBeCloseTo(once.summary.failed / 2, 6);
    const retry2 = run('two-stateless-tasks', (m) => {
      ttl0(m);
      m.traffic = {...m.traffic, retries: 3};
    });
    expect(retry2.summary.failed).toBeCloseTo(once.summary.failed / 8, 6);
  });

  it('in-memory-sessions: the lost zone sessions are gone, the service stays up, and rebalancing loses more', () => {
    const r = run('in-memory-sessions');
    const lost = r.events.filter((e) => e.type === 'sessions/lost');
    // a-1 held half of the 1000 sessions when zone a failed.
    expect(lost[0]!.t).toBe(300);
    expect(lost[0]!.message).toContain('500 sessions lost');
    // Zone a returns at 2100; rebalancing starts a-2 and, once every node has it, drains b-2,
    // signing out the users who had moved onto b-2 since it entered service (sessions turn over
    // every 30 minutes on average by default, and new ones land evenly on the targets in service).
    const entered = (id: string) => r.events.find((e) => e.type === 'lb/targetHealthy' && e.task === id)!.t;
    const drainedAt = r.events.find((e) => e.type === 'lb/targetDraining')!.t;
    const relax = (from: number, target: number, dt: number) => target + (from - target) * Math.exp(-dt / 1800);
    const drained = relax(relax(0, 500, entered('a-2') - entered('b-2')), 1000 / 3, drainedAt - entered('a-2'));
    expect(lost).toHaveLength(2);
    expect(lost[1]!.t).toBe(drainedAt);
    expect(r.summary.sessionsLost).toBeCloseTo(500 + drained, 6);
    expect(drained).toBeGreaterThan(100);
    // The service stays up once the dead task is marked: before that, the clients still holding
    // zone a's node from DNS add to the half sent to the dead task, so more than half fail.
    const mark = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!.t;
    expect(r.summary.longestOutageSeconds).toBe(mark - 300);
    expect(run('two-stateless-tasks').summary.sessionsLost).toBe(0);
  });

  it('six-tasks-three-zones: a third of the capacity gone, no overload', () => {
    const r = run('six-tasks-three-zones');
    const s = selectStateAt(r, 400);
    expect(s.zones.reduce((a, z) => a + z.capacity, 0)).toBe(200);
    expect(r.summary.failedByCause.timeout + r.summary.failedByCause.shed).toBe(0);
    // Besides the dead targets, the clients of zone b's node. For the first 2,000 sessions ÷ 200 rps
    // = 10 s, a third of the requests go over kept-alive connections to it and fail: 200 × 1/3 × 10.
    expect(r.summary.failedByCause.staleConnection).toBeCloseTo((200 / 3) * 10, 6);
    // Then those that still hold it from DNS: a third of 200 rps at first, falling linearly to 0
    // over the 60 s TTL (200 × 1/3 × 60 / 2 = 2,000), less its first 10 s, in stretches of 6 s at
    // their mean: 6 s at 1/3 × (1 − 3/60) and 4 s at 1/3 × (1 − 9/60).
    expect(r.summary.failedByCause.staleDns).toBeCloseTo(2000 - (200 / 3) * (0.95 * 6 + 0.85 * 4), 6);
    const {deadTarget, staleDns, staleConnection} = r.summary.failedByCause;
    expect(r.summary.failed).toBeCloseTo(deadTarget + staleDns + staleConnection, 6);
  });

  it('rds-multi-az: writes fail during the 60–120 s failover, none lost', () => {
    const r = run('rds-multi-az');
    expect(r.summary.databaseDowntimeSeconds).toBeGreaterThanOrEqual(60);
    expect(r.summary.databaseDowntimeSeconds).toBeLessThanOrEqual(120);
    expect(r.summary.failedByCause.database).toBeGreaterThan(0);
    expect(r.summary.writesLost).toBe(0);
    // At its documented worst the failover takes the full 120 s, and still loses nothing.
    const worst = simulate(getPreset('rds-multi-az').model, {draws: 'worst'});
    expect(worst.summary.databaseDowntimeSeconds).toBe(120);
    expect(worst.summary.writesLost).toBe(0);
  });

  it('async-replica: lost writes ≈ lag × write rate', () => {
    const r = run('async-replica');
    // 5 s lag × 10 writes/s.
    expect(r.summary.writesLost).toBeCloseTo(5 * 10, 6);
    expect(r.summary.recoveryPointSeconds).toBe(5);
    // Down from the loss (300) until the promotion finishes (600 + 120).
    expect(r.summary.databaseDowntimeSeconds).toBe(420);
  });

  it('aurora: writer loss costs at most two minutes of writes (often under one) and nothing else', () => {
    const r = run('aurora');
    expect(r.summary.databaseDowntimeSeconds).toBeLessThanOrEqual(120);
    expect(r.summary.writesLost).toBe(0);
    // The documented worst: 120 s without a writer, still nothing lost.
    const worst = simulate(getPreset('aurora').model, {draws: 'worst'});
    expect(worst.summary.databaseDowntimeSeconds).toBe(120);
    expect(worst.summary.writesLost).toBe(0);
    const noReplica = run('aurora', (m) => {
      m.database = {kind: 'aurora', writerZone: 'a'};
    });
    // Without a replica, the writer zone outage (1800 s) plus a new writer (600 s).
    expect(noReplica.summary.databaseDowntimeSeconds).toBe(1800 + 600);
  });

  it('gray-failure-zonal-shift: health checks never catch it; the shift ends it', () => {
    const r = run('gray-failure-zonal-shift');
    expect(r.events.some((e) => e.type === 'lb/targetMarkedUnhealthy')).toBe(false);
    const tl = toTimeline(r, {stepSeconds: 60});
    for (const p of tl) {
      if (p.t >= 300 && p.t < 900) expect(p.failed).toBeGreaterThan(0);
      else expect(p.failed).toBe(0);
    }
    const noShift = run('gray-failure-zonal-shift', (m) => {
      m.actions = [];
    });
    expect(noShift.summary.failed).toBeCloseTo(r.summary.failed * (3000 / 600), 6);
  });

  it('zone-cut-off: nothing dies, requests fail until detection, and the async writes after the cut are lost', () => {
    const r = run('zone-cut-off');
    expect(r.events.some((e) => e.type === 'task/stopped')).toBe(false);
    const marked = r.events.find((e) => e.type === 'partition/marked')!.t;
    // Before marking, 4/9 of the traffic crosses the cut (see partition.test.ts for the arithmetic),
    // and of the 4/9 served by b-1 and c-1, the writes (10 %) cannot reach the primary in a.
    expect(r.segments.find((s) => s.from === 300)!.failedByCause.partition).toBeCloseTo((150 * 4) / 9 + (15 * 4) / 9, 9);
    expect(marked - 300).toBeLessThanOrEqual(65);
    const promoted = r.events.find((e) => e.type === 'db/replicaPromoted')!;
    expect(promoted.zone).not.toBe('a');
    expect(r.summary.writesLost).toBeGreaterThan(0);
    const sync = run('zone-cut-off', (m) => {
      m.database = {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b', 'c'], replication: 'sync'};
    });
    expect(sync.summary.writesLost).toBe(0);
  });
});

describe('presets on clients, retries and overload', () => {
  /** The segment that covers time `t`. */
  const at = (r: ReturnType<typeof simulate>, t: number) => r.segments.find((s) => s.from <= t && t < s.to)!;

  it('dns-cache-cross-zone-off: a third of the requests go to the lost node until the zone is back', () => {
    const r = run('dns-cache-cross-zone-off');
    // Cross-zone off: no node sends to another zone's tasks, so none reaches zone a's dead tasks.
    expect(r.summary.failedByCause.deadTarget).toBe(0);
    // Clients that never re-resolve: a third of 300 req/s for the whole 1,200 s outage = 120,000;
    // the first 3,000 sessions ÷ 300 rps = 10 s of it on their kept-alive connections to the node.
    expect(r.summary.failedByCause.staleConnection).toBeCloseTo(300 * (1 / 3) * 10, 6);
    expect(r.summary.failedByCause.staleDns).toBeCloseTo(300 * (1 / 3) * (1200 - 10), 6);
    // Clients that honour the 60 s TTL: a third at first, falling to none in 60 s: 300 × 1/3 × 60 / 2 = 3,000.
    const ttl = run('dns-cache-cross-zone-off', (m) => {
      m.clients = {};
    });
    // Less its first 10 s, which fail on the kept-alive connections (6 s stretches, as above).
    expect(ttl.summary.failedByCause.staleDns).toBeCloseTo(300 * (1 / 3) * (30 - (0.95 * 6 + 0.85 * 4)), 6);
    expect(ttl.summary.failedByCause.staleConnection).toBeCloseTo(300 * (1 / 3) * 10, 6);
    expect(ttl.summary.failedByCause.deadTarget).toBe(0);
  });

  it('retry-storm: the overload outlasts the zone, goodput stays at zero', () => {
    const r = run('retry-storm');
    const back = Math.max(...r.events.filter((e) => e.type === 'lb/targetHealthy').map((e) => e.t));
    expect(back).toBeGreaterThan(900); // zone b's tasks are back in service…
    const end = at(r, 3599);
    expect(end.capacity).toBe(600); // …600 req/s of capacity for 420 offered…
    // …but every request times out and is retried 3 times: 4 × 420 = 1,680 attempts a second.
    expect(end.attempts).toBeCloseTo(4 * 420, 6);
    expect(end.served).toBe(0);
    expect(end.failed).toBeCloseTo(420, 6);
    expect(end.wasted).toBeCloseTo(600, 6); // the tasks work flat out for clients that gave up
    // Backoff with jitter alone spreads the retries but makes no fewer: the storm stays.
    const jitterOnly = run('retry-storm', (m) => {
      m.clients = {retries: 3, backoff: {baseSeconds: 1, capSeconds: 20, jitter: 'full'}};
    });
    expect(at(jitterOnly, 3599).served).toBe(0);
    // Without retries the same overload drains once the zone is back: 420 < 600.
    const noRetries = run('retry-storm', (m) => {
      m.clients = {};
    });
    expect(at(noRetries, 3599).served).toBeCloseTo(420, 6);
  });

  it('retry-storm-tamed: the budget caps retries at 10 % of first attempts, and the service recovers', () => {
    const r = run('retry-storm-tamed');
    // The budget is spent when a retry is decided; jitter spreads when they arrive, so it holds over the run.
    expect(r.summary.retries).toBeLessThanOrEqual(0.1 * r.summary.offered);
    // During the outage the queues still pass the timeout: 420 + 42 attempts on 400 of capacity.
    expect(at(r, 800).served).toBe(0);
    expect(at(r, 800).attempts).toBeCloseTo(462, 6);
    // After the zone is back the backlog drains and every request is served.
    expect(at(r, 3599).served).toBeCloseTo(420, 6);
    expect(at(r, 3599).failed).toBe(0);
  });

  it('load-shedding: goodput stays at the capacity left, and recovers with the zone', () => {
    const r = run('load-shedding');
    const mid = at(r, 800);
    // 400 req/s of capacity for 420 req/s plus retries: the tasks serve 400 in time and shed the rest at once.
    expect(mid.capacity).toBe(400);
    expect(mid.served).toBeCloseTo(400, 6);
    expect(mid.timedOut).toBe(0);
    expect(mid.wasted).toBe(0);
    expect(mid.shed).toBeGreaterThan(0);
    // Only a request shed on all 4 attempts fails; with shedding share f = (λ − 400) / λ, that is 420 × f⁴.
    const f = (mid.attempts - 400) / mid.attempts;
    expect(mid.failed).toBeCloseTo(420 * f ** 4, 6);
    expect(at(r, 3599).served).toBeCloseTo(420, 6);
    expect(r.summary.availability).toBeGreaterThan(run('retry-storm').summary.availability);
  });
});
