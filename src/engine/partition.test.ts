import {describe, expect, it} from 'vitest';
import {healthCheckDetection, ModelError, promoteReplica, simulate, zonePartition, type DatabaseSpec, type Model} from './index';
import {nextCheckAtOrAfter} from './healthChecks';

/** Three zones, one task each, plenty of capacity; zone a is cut off from t = 300 s for 900 s. */
const cutA = (extra: Partial<Model> = {}): Model => ({
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 3, capacityPerTask: 1000},
  traffic: {requestsPerSecond: 300, writeShare: 0.1},
  faults: [zonePartition('a', {at: 300, duration: 900})],
  durationSeconds: 1800,
  ...extra,
});

const eventAt = (model: Model, type: string): number => {
  const r = simulate(model);
  const e = r.events.find((x) => x.type === type);
  if (e === undefined) throw new Error(`no ${type} event`);
  return e.t;
};

const patroni = (replication: 'sync' | 'async', zones = ['a', 'b', 'c']): DatabaseSpec => ({
  kind: 'self-managed',
  primaryZone: 'a',
  replicaZones: zones.slice(1),
  replication,
});

describe('network partition: load balancer', () => {
  it('loses the requests each node sends across the cut until that node marks those targets unhealthy', () => {
    // Three nodes get a third of the traffic each. Node a sends 2 of its 3 shares to b-1 and
    // c-1 until it marks them; nodes b and c each send 1 of 3 to a-1 until they mark it. Each
    // node marks on its own schedule, (2 − 1) × 30 + 5 s after its first check at or after 300.
    const {earliestDetectionSeconds, latestDetectionSeconds} = healthCheckDetection({});
    for (let seed = 1; seed <= 10; seed++) {
      const r = simulate({...cutA(), seed});
      const mark = (z: string) => nextCheckAtOrAfter(300, r.healthCheckPhases[z]!, 30) + 35 - 300;
      for (const z of ['a', 'b', 'c']) {
        expect(mark(z)).toBeGreaterThanOrEqual(earliestDetectionSeconds);
        expect(mark(z)).toBeLessThanOrEqual(latestDetectionSeconds);
      }
      const lost = 300 * ((1 / 3) * (2 / 3) * mark('a') + (1 / 3) * (1 / 3) * mark('b') + (1 / 3) * (1 / 3) * mark('c'));
      expect(r.summary.failedByCause.partition).toBeCloseTo(lost, 6);
      expect(r.summary.failed).toBeCloseTo(r.summary.failedByCause.partition, 6);
      expect(r.events.find((e) => e.type === 'partition/marked')!.t - 300).toBe(Math.max(mark('a'), mark('b'), mark('c')));
    }
  });

  it('serves each side from its own targets once marked, and takes them back after the healthy threshold', () => {
    const r = simulate(cutA());
    const marked = r.events.find((e) => e.type === 'partition/marked')!.t;
    for (const s of r.segments) if (s.from >= marked) expect(s.failed).toBe(0);
    // Healed at 1200: the targets return after 5 passing checks, 120–150 s later.
    const restored = r.events.find((e) => e.type === 'partition/restored')!.t - 1200;
    expect(restored).toBeGreaterThanOrEqual(4 * 30);
    expect(restored).toBeLessThanOrEqual(5 * 30);
  });

  it('sends nothing across the cut with cross-zone load balancing off', () => {
    expect(simulate(cutA({loadBalancer: {crossZone: false}})).summary.availability).toBe(1);
  });

  it('costs sticky in-memory sessions of users whose node is across from their task', () => {
    // 1000 sessions on each task. When a node marks the targets across the cut, the third of
    // their users who enter at that node lose their sessions and sign in again, spread evenly
    // over the three tasks; between marks sessions turn over towards the even share.
    const r = simulate(
      cutA({
        service: {desiredCount: 3, capacityPerTask: 1000, sessionStore: 'task-memory', sticky: true},
        traffic: {requestsPerSecond: 300, writeShare: 0.1, activeSessions: 3000, sessionSeconds: 1800},
      }),
    );
    const zones = ['a', 'b', 'c'];
    const marks = zones
      .map((z, k) => ({k, t: nextCheckAtOrAfter(300, r.healthCheckPhases[z]!, 30) + 35}))
      .sort((x, y) => x.t - y.t || x.k - y.k);
    const held = [1000, 1000, 1000];
    let lost = 0;
    let now = 300;
    for (const {k, t} of marks) {
      const turnover = 1 - Math.exp(-(t - now) / 1800);
      const mean = (held[0]! + held[1]! + held[2]!) / 3;
      for (let j = 0; j < 3; j++) held[j] = held[j]! + (mean - held[j]!) * turnover;
      now = t;
      const across = [0, 1, 2].filter((j) => (j === 0) !== (k === 0));
      let here = 0;
      for (const j of across) {
        here += held[j]! / 3;
        held[j] = held[j]! * (2 / 3);
      }
      for (let j = 0; j < 3; j++) held[j] = held[j]! + here / 3;
      lost += here;
    }
    expect(r.summary.sessionsLost).toBeCloseTo(lost, 6);
    expect(r.summary.sessionsLost).toBeLessThan(3000);
  });

  it('is seen as an impaired zone by AWS zonal autoshift (300 s, the model’s estimate), and the shift ends when the cut heals', () => {
    const r = simulate(cutA({actions: [{kind: 'zonalAutoshift'}]}));
    const started = r.events.find((e) => e.type === 'shift/started')!;
    expect(started.zone).toBe('a');
    expect(started.t).toBe(600);
    expect(r.events.find((e) => e.type === 'shift/ended')!.t).toBe(1200);
  });
});

describe('network partition: what tasks need on the other side', () => {
  it('fails the writes of tasks that cannot reach a single-zone database', () => {
    // After marking, nodes b and c serve with b-1 and c-1 (2/3 of the traffic), whose writes
    // cannot reach the database in a: 2/3 × 10 % × 300 = 20 writes/s. One retry: (2/3)² × 30.
    const db: DatabaseSpec = {kind: 'single-az', zone: 'a'};
    const marked = eventAt(cutA({database: db}), 'partition/marked');
    const perSecond = (model: Model) => simulate(model).segments.find((s) => s.from === marked)!.failedByCause.partition;
    expect(perSecond(cutA({database: db}))).toBeCloseTo(20, 9);
    expect(perSecond(cutA({database: db, traffic: {requestsPerSecond: 300, writeShare: 0.1, retries: 1}}))).toBeCloseTo(
      (30 * 4) / 9,
      9,
    );
  });

  it('fails requests of tasks cut off from a single-zone session store', () => {
    const r = simulate(cutA({service: {desiredCount: 3, capacityPerTask: 1000, sessionStore: 'single-zone', sessionStoreZone: 'b'}}));
    const marked = r.events.find((e) => e.type === 'partition/marked')!.t;
    // Node a serves with a-1 only, which cannot reach the store in b: a third of the traffic.
    expect(r.segments.find((s) => s.from === marked)!.failedByCause.partition).toBeCloseTo(100, 9);
  });
});

describe('network partition: databases', () => {
  it('Patroni: a primary cut off from the DCS majority demotes itself; the majority side promotes; async loses what did not replicate', () => {
    const r = simulate(cutA({database: patroni('async')}));
    const demoted = r.events.find((e) => e.type === 'db/leaderLockLost')!.t;
    // The lock renewal fails within loop_wait + retry_timeout = 10 + 10 s.
    expect(demoted).toBe(300 + 10 + 10);
    const promoted = r.events.find((e) => e.type === 'db/replicaPromoted')!;
    // The other side takes the lock when it expires: ttl 30 s after the cut, plus up to one loop_wait.
    expect(promoted.t).toBeGreaterThanOrEqual(300 + 30);
    expect(promoted.t).toBeLessThanOrEqual(300 + 30 + 10);
    expect(promoted.zone).not.toBe('a');
    // Lost: the 5 s of lag before the cut at 30 writes/s, plus the writes zone a's primary took
    // from 300 to 320, which only came from node a to a-1: 1/3 × 1/3 × 30 = 10/3 per second.
    expect(r.summary.writesLost).toBeCloseTo(5 * 30 + 20 * (10 / 3), 6);
    expect(r.summary.recoveryPointSeconds).toBe(320 - 295);
  });

  it('Patroni with synchronous replication stalls on the cut-off side and loses nothing', () => {
    const r = simulate(cutA({database: patroni('sync')}));
    expect(r.summary.writesLost).toBe(0);
    expect(r.events.some((e) => e.type === 'db/replicaPromoted')).toBe(true);
    // Writes stop at the cut (no standby answers) and resume at the promotion.
    const promoted = r.events.find((e) => e.type === 'db/replicaPromoted')!.t;
    expect(r.summary.databaseDowntimeSeconds).toBe(promoted - 300);
  });

  it('Patroni over two zones: neither side has a DCS majority, so writes stop until the cut heals', () => {
    const r = simulate({
      ...cutA({database: patroni('async', ['a', 'b'])}),
      zones: ['a', 'b'],
      service: {desiredCount: 2, capacityPerTask: 1000},
    });
    expect(r.events.some((e) => e.type === 'db/replicaPromoted')).toBe(false);
    expect(r.summary.databaseDowntimeSeconds).toBe(1200 - 320);
    expect(r.summary.writesLost).toBe(0);
  });

  it('promoting an async replica by hand across a cut fences the old primary and loses what it took since', () => {
    const r = simulate(cutA({database: {kind: 'async-replica', primaryZone: 'a', replicaZone: 'b'}, actions: [promoteReplica({at: 600})]}));
    expect(r.events.some((e) => e.type === 'db/primaryFenced' && e.t === 600)).toBe(true);
    // Acknowledged since the replica froze at 300 − 5 s: 5 s at 30/s, then only zone a's tasks
    // could write: 10/3 per second until zone a's node marked b-1 and c-1 (its own first check
    // at or after 300, then 30 + 5 s), 10 per second after, when it sends all its traffic to a-1.
    const marked = nextCheckAtOrAfter(300, r.healthCheckPhases.a!, 30) + 35;
    expect(r.summary.writesLost).toBeCloseTo(5 * 30 + (marked - 300) * (10 / 3) + (600 - marked) * 10, 6);
    expect(r.events.some((e) => e.type === 'db/nodeRejoined' && e.t === 1200)).toBe(true);
  });

  it('without a promotion, an async primary keeps its side writing and nothing is lost', () => {
    const r = simulate(cutA({database: {kind: 'async-replica', primaryZone: 'a', replicaZone: 'b'}}));
    expect(r.summary.writesLost).toBe(0);
    expect(r.summary.databaseDowntimeSeconds).toBe(0);
  });
});

describe('network partition: bad input', () => {
  const fails = (model: Model, field: string, words: string) => {
    expect(() => simulate(model)).toThrow(ModelError);
    try {
      simulate(model);
    } catch (error) {
      expect((error as ModelError).field).toBe(field);
      expect((error as ModelError).message).toContain(words);
    }
  };

  it('refuses databases whose behaviour under a partition AWS does not document', () => {
    fails(cutA({database: {kind: 'aurora', writerZone: 'a', replicaZones: ['b']}}), 'faults[0].kind', 'does not document');
    fails(cutA({database: {kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'b'}}), 'faults[0].kind', 'does not document');
    fails(
      cutA({database: {kind: 'async-replica', primaryZone: 'a', replicaZone: 'b', autoPromoteAfterSeconds: 60}}),
      'faults[0].kind',
      'promote by hand',
    );
  });

  it('needs two zones and one partition at a time', () => {
    fails({...cutA(), zones: ['a'], service: {desiredCount: 1}}, 'faults[0].kind', 'at least two zones');
    fails(cutA({faults: [zonePartition('a', {at: 300, duration: 900}), zonePartition('b', {at: 600, duration: 60})]}), 'faults[1]', 'one partition at a time');
  });
});
