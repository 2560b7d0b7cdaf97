/**
 * The database behaviours the model corrected against AWS's and Patroni's documents (issue 12,
 * points 1, 4 and 5). Each test writes its arithmetic out: 100 req/s with 10 % writes is
 * 10 writes a second, and the tasks run where only the database can fail a request.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  ModelError,
  primaryFailure,
  promoteReplica,
  simulate,
  validateModel,
  zoneOutage,
  type DatabaseSpec,
  type Fault,
  type Model,
  type OperatorAction,
} from '../index';

function withDb(database: DatabaseSpec, faults: Fault[], extra: Partial<Model> = {}, actions: OperatorAction[] = []): Model {
  return {
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3},
    traffic: {requestsPerSecond: 100, writeShare: 0.1},
    database,
    faults,
    actions,
    durationSeconds: 3600,
    // Clients forget a lost zone's node at once (TTL 0) and hold no kept-alive connection to it:
    // these tests count the database's failures and writes, not the stale-DNS window's
    // (clients/dns.test.ts has those) nor the dead node's connections' (clients/keepAlive.test.ts).
    loadBalancer: {dnsTtlSeconds: 0},
    clients: {keepAlive: false},
    ...extra,
  };
}

const cluster: DatabaseSpec = {kind: 'multi-az-cluster', writerZone: 'a', readerZones: ['b', 'c']};
const promotedAt = (r: ReturnType<typeof simulate>) => r.events.find((e) => e.type === 'db/replicaPromoted')?.t;

describe('RDS Multi-AZ DB cluster: a commit needs one reader’s acknowledgement', () => {
  it('resolves to one required acknowledgement and lossless promotion', () => {
    const db = validateModel(withDb(cluster, [])).database;
    expect(db.requiredAcks).toBe(1);
    expect(db.losslessPromotion).toBe(true);
  });

  it('with both readers unreachable, writes stop instead of committing unprotected', () => {
    // Zones b and c (both readers) are down from 100 to 400; the writer in a is fine.
    const r = simulate(withDb(cluster, [zoneOutage('b', {at: 100, duration: 300}), zoneOutage('c', {at: 100, duration: 300})], {service: {tasksPerZone: {a: 3}}}));
    // 300 s without a commit × 10 writes/s = 3,000 failed writes, none acknowledged, none lost.
    expect(r.summary.databaseDowntimeSeconds).toBe(300);
    expect(r.summary.failedByCause.database).toBeCloseTo(300 * 10, 6);
    expect(r.summary.writesLost).toBe(0);
    expect(r.events.find((e) => e.type === 'db/writesStopped')?.message).toBe(
      't=100 s database stops accepting writes: no standby can acknowledge a commit, so commits wait (clients see their writes hang until their own timeout)',
    );
  });

  it('one reader is enough: writes go on while the other is unreachable', () => {
    const r = simulate(withDb(cluster, [zoneOutage('b', {at: 100, duration: 300})], {service: {tasksPerZone: {a: 3}}}));
    expect(r.summary.databaseDowntimeSeconds).toBe(0);
  });

  it('a reader that holds every acknowledged write stays promotable after the writer fails', () => {
    // Readers down 100–400, so nothing commits after 100; the writer fails for good at 200.
    // At 400 the readers return holding every acknowledged write; the failover that waited for
    // them takes the top of its typical range, 35 s: writable again at 435, down 100 → 435 = 335 s.
    const r = simulate(
      withDb(cluster, [zoneOutage('b', {at: 100, duration: 300}), zoneOutage('c', {at: 100, duration: 300}), primaryFailure({at: 200})], {
        service: {tasksPerZone: {a: 3}},
      }),
      {draws: 'worst'},
    );
    expect(promotedAt(r)).toBe(435);
    expect(r.summary.databaseDowntimeSeconds).toBe(335);
    expect(r.summary.writesLost).toBe(0);
  });

  it('never loses an acknowledged write, whatever zones and instances fail (property)', () => {
    const zone = fc.constantFrom('a', 'b', 'c');
    const fault: fc.Arbitrary<Fault> = fc.oneof(
      fc.record({kind: fc.constant('zoneOutage' as const), zone, at: fc.integer({min: 0, max: 3599}), duration: fc.integer({min: 1, max: 1500})}),
      fc.record({kind: fc.constant('primaryFailure' as const), at: fc.integer({min: 0, max: 3599})}),
      fc.record({kind: fc.constant('primaryFailure' as const), at: fc.integer({min: 0, max: 3599}), duration: fc.integer({min: 1, max: 900})}),
    );
    fc.assert(
      fc.property(fc.array(fault, {maxLength: 6}), fc.integer({min: 1, max: 1000}), (faults, seed) => {
        const r = simulate(withDb(cluster, faults, {seed}));
        expect(r.summary.writesLost).toBe(0);
        expect(r.summary.recoveryPointSeconds).toBe(0);
      }),
      {numRuns: 200},
    );
  }, 60_000);
});

describe('Aurora failover: AWS’s whole documented range', () => {
  const aurora: DatabaseSpec = {kind: 'aurora', writerZone: 'a', replicaZones: ['b']};

  it('draws 20–120 s: most under 60 s, some up to 120 s', () => {
    const downtimes = Array.from({length: 400}, (_, i) => simulate(withDb(aurora, [primaryFailure({at: 100})], {seed: i + 1})).summary.databaseDowntimeSeconds);
    // The primary fails at 100 and nothing else happens: the downtime is the drawn failover time.
    expect(Math.min(...downtimes)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...downtimes)).toBeLessThanOrEqual(120);
    const underSixty = downtimes.filter((d) => d <= 60).length / downtimes.length;
    // The model's shape: 3 in 4 under 60 s. 400 draws put the share within ±0.08 of 0.75 (about 3.7 standard errors).
    expect(underSixty).toBeGreaterThan(0.67);
    expect(underSixty).toBeLessThan(0.83);
    expect(Math.max(...downtimes)).toBeGreaterThan(110);
  }, 60_000);

  it('takes 120 s at its documented worst case; so do a Multi-AZ DB instance, and a cluster takes 35 s', () => {
    const worst = (database: DatabaseSpec) => simulate(withDb(database, [primaryFailure({at: 100})]), {draws: 'worst'}).summary.databaseDowntimeSeconds;
    expect(worst(aurora)).toBe(120);
    expect(worst({kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'b'})).toBe(120);
    expect(worst(cluster)).toBe(35);
  });

  it('a range the reader sets is drawn uniformly within it', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const d = simulate(withDb({...aurora, failoverSeconds: {min: 30, max: 40}}, [primaryFailure({at: 100})], {seed})).summary.databaseDowntimeSeconds;
      expect(d).toBeGreaterThanOrEqual(30);
      expect(d).toBeLessThanOrEqual(40);
    }
  });
});

describe('Patroni: two ways a primary dies', () => {
  const patroni = (extra: Partial<Extract<DatabaseSpec, {kind: 'self-managed'}>> = {}): DatabaseSpec => ({
    kind: 'self-managed',
    primaryZone: 'a',
    replicaZones: ['b', 'c'],
    replication: 'sync',
    ...extra,
  });

  it('node lost: the key expires ttl after its last renewal (up to loop_wait before), a replica takes it within loop_wait: 20–40 s', () => {
    // ttl 30, loop_wait 10: expiry 30 − [0, 10] s after the loss, then [0, 10] s to the race: 20 to 40 s.
    const downs = Array.from({length: 200}, (_, i) => simulate(withDb(patroni(), [primaryFailure({at: 100})], {seed: i + 1})).summary.databaseDowntimeSeconds);
    expect(Math.min(...downs)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...downs)).toBeLessThanOrEqual(40);
    expect(Math.min(...downs)).toBeLessThan(25);
    expect(Math.max(...downs)).toBeGreaterThan(35);
    // Worst case: renewed just as the node died (30 s) plus a full loop (10 s).
    expect(simulate(withDb(patroni(), [primaryFailure({at: 100})]), {draws: 'worst'}).summary.databaseDowntimeSeconds).toBe(40);
    // ttl 20, loop_wait 5: 15 to 25 s.
    expect(simulate(withDb(patroni({ttlSeconds: 20, loopWaitSeconds: 5}), [primaryFailure({at: 100})]), {draws: 'worst'}).summary.databaseDowntimeSeconds).toBe(25);
  }, 60_000);

  it('PostgreSQL crash on a live node: restarted in place, no failover while it comes back within primary_start_timeout', () => {
    // Back 60 s after the crash, well within 300 s: down 60 s, the same primary, nothing lost even with async.
    const r = simulate(withDb(patroni({replication: 'async'}), [primaryFailure({at: 100, duration: 60, failed: 'process'})]));
    expect(r.summary.databaseDowntimeSeconds).toBe(60);
    expect(r.summary.writesLost).toBe(0);
    expect(promotedAt(r)).toBeUndefined();
    expect(r.events.some((e) => e.type === 'db/primaryRecovered' && e.t === 160)).toBe(true);
  });

  it('PostgreSQL that stays down: failover after loop_wait + primary_start_timeout + loop_wait at worst (320 s)', () => {
    const crash = [primaryFailure({at: 100, failed: 'process'})];
    // Seen within a loop (0–10 s), given up 300 s later, the key taken within a loop (0–10 s): 300 to 320 s.
    for (let seed = 1; seed <= 30; seed++) {
      const d = simulate(withDb(patroni(), crash, {seed})).summary.databaseDowntimeSeconds;
      expect(d).toBeGreaterThanOrEqual(300);
      expect(d).toBeLessThanOrEqual(320);
    }
    expect(simulate(withDb(patroni(), crash), {draws: 'worst'}).summary.databaseDowntimeSeconds).toBe(320);
    // primary_start_timeout 0: fail over at once, only the two loops remain: at most 20 s.
    expect(simulate(withDb(patroni({primaryStartTimeoutSeconds: 0}), crash), {draws: 'worst'}).summary.databaseDowntimeSeconds).toBe(20);
  });

  it('the node dies while Patroni restarts PostgreSQL on it: the key then expires as for any lost node', () => {
    // Crash at 100; zone a lost at 200, still inside the restart window: a new leader 20–40 s after 200.
    const r = simulate(withDb(patroni(), [primaryFailure({at: 100, failed: 'process'}), zoneOutage('a', {at: 200, duration: 1000})]), {draws: 'worst'});
    expect(promotedAt(r)).toBe(240);
  });

  it('fills in Patroni’s documented defaults, and names a bad setting', () => {
    const db = validateModel(withDb(patroni(), [])).database;
    expect(db.patroni).toEqual({ttlSeconds: 30, loopWaitSeconds: 10, primaryStartTimeoutSeconds: 300, maximumLagOnFailoverBytes: 1_048_576, walBytesPerWrite: 1000});
    // A lost node: 30 − 10 = 20 s at the earliest, 30 + 10 = 40 s at the latest.
    expect(db.failoverSeconds).toEqual({min: 20, max: 40});
    expect(() => validateModel(withDb(patroni({maximumLagOnFailoverBytes: -1}), []))).toThrow(/database\.maximumLagOnFailoverBytes: must be at least 0, got -1/);
    // Patroni runs no lease under 20 s and no loop under 1 s: the model refuses them, at the boundary too.
    expect(() => validateModel(withDb(patroni({ttlSeconds: 15, loopWaitSeconds: 5}), []))).toThrow(/database\.ttlSeconds: must be at least 20 s, the lowest Patroni accepts, got 15/);
    expect(() => validateModel(withDb(patroni({loopWaitSeconds: 0.5}), []))).toThrow(/database\.loopWaitSeconds: must be at least 1 s, the lowest Patroni accepts, got 0\.5/);
    expect(validateModel(withDb(patroni({ttlSeconds: 20, loopWaitSeconds: 1}), [])).database.failoverSeconds).toEqual({min: 19, max: 21});
    expect(() => validateModel(withDb(patroni(), [{kind: 'primaryFailure', at: 100, failed: 'disk' as 'process'}]))).toThrow(
      /faults\[0\]\.failed: unknown value "disk" \(expected one of: instance, process\)/,
    );
  });

  it('an operator who promotes a replica during the restart ends it: one new primary, no second failover', () => {
    // Crash at 100; the operator promotes at 150, done within one loop_wait (10 s at worst): primary again at 160.
    const r = simulate(withDb(patroni(), [primaryFailure({at: 100, failed: 'process'})], {}, [promoteReplica({at: 150})]), {draws: 'worst'});
    expect(r.events.filter((e) => e.type === 'db/replicaPromoted').map((e) => e.t)).toEqual([160]);
    expect(r.events.some((e) => e.type === 'db/restartGaveUp')).toBe(false);
    expect(r.summary.databaseDowntimeSeconds).toBe(60);
  });

  it('a partition that cuts the restarting primary off from the DCS majority: its key expires, the majority fails over', () => {
    // Crash at 100; zone a cut off at 200: Patroni there cannot renew, so the majority side's clock runs as for a lost node.
    const r = simulate(withDb(patroni(), [primaryFailure({at: 100, failed: 'process'}), {kind: 'zonePartition', zone: 'a', at: 200, duration: 1000}]), {draws: 'worst'});
    expect(promotedAt(r)).toBe(240);
  });

  it('a process crash is modelled for self-managed databases only', () => {
    expect(() => validateModel(withDb(cluster, [primaryFailure({at: 100, failed: 'process'})]))).toThrow(ModelError);
    expect(() => validateModel(withDb(cluster, [primaryFailure({at: 100, failed: 'process'})]))).toThrow(/faults\[0\]\.failed.*self-managed/);
  });
});

describe('Patroni: maximum_lag_on_failover', () => {
  // The standby's zone b fails at 100; semi-sync stalls to 110, then commits go on unprotected.
  // The primary dies for good at 300; b returns at 400 holding writes up to 100 only.
  // It misses 190 s × 10 writes/s = 1,900 writes × 1,000 bytes = 1.9 MB, over the 1 MB limit.
  const semiSync: DatabaseSpec = {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'semi-sync'};
  const story = [zoneOutage('b', {at: 100, duration: 300}), primaryFailure({at: 300})];
  const service = {tasksPerZone: {c: 3}};

  it('refuses a standby too far behind: no primary, nothing lost, until the end of the run', () => {
    const r = simulate(withDb(semiSync, story, {service}));
    expect(r.events.some((e) => e.type === 'db/failoverRefused')).toBe(true);
    expect(promotedAt(r)).toBeUndefined();
    expect(r.summary.writesLost).toBe(0);
    // Writes stall 100–110, run unprotected 110–300, then nothing until 3,600: 10 + 3,300 s.
    expect(r.summary.databaseDowntimeSeconds).toBe(10 + 3300);
  });

  it('an operator’s promotion accepts the loss: the RPO-versus-RTO choice', () => {
    // Promoted by hand at 1,000 (within one loop_wait, 10 s at worst): 1,900 writes lost, 200 s of them.
    const r = simulate(withDb(semiSync, story, {service}, [promoteReplica({at: 1000})]), {draws: 'worst'});
    expect(promotedAt(r)).toBe(1010);
    expect(r.summary.writesLost).toBeCloseTo(1900, 6);
    expect(r.summary.recoveryPointSeconds).toBe(200);
  });

  it('a standby within the limit is promoted automatically', () => {
    // 1,900 writes × 500 bytes = 950,000 bytes ≤ 1,048,576: promoted within one loop after b returns at 400.
    const r = simulate(withDb({...semiSync, walBytesPerWrite: 500}, story, {service}), {draws: 'worst'});
    expect(promotedAt(r)).toBe(410);
    expect(r.summary.writesLost).toBeCloseTo(1900, 6);
    // Async with the default 5 s of lag: 5 × 10 × 1,000 = 50,000 bytes, well within the limit.
    const lagging = simulate(withDb({kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'async'}, [primaryFailure({at: 300})]));
    expect(lagging.summary.writesLost).toBeCloseTo(50, 6);
  });
});
