/**
 * The challenge grader, on the two challenges the course ships (chapter 4's
 * fewest tasks for a lost zone, and the capstone's checkout design) and on
 * small made-up ones. The arithmetic behind each expected number is written
 * out beside it.
 */
import {describe, expect, it} from 'vitest';
import {simulate, type Model} from '@site/src/engine';
import {nextCheckAtOrAfter} from '@site/src/engine/healthChecks';
import fewestTasks from '@site/docs/capacity-for-a-lost-zone/challenge';
import capstone, {BRIEF, referenceDesign, startDesign} from '@site/docs/capstone/challenge';
import {databaseInstances, expandScenarios, gradeChallenge, gradingSeeds, scenarioModel, type ChallengeResult} from './challenge';
import {blankAnswer, correctAnswer, grade} from './grade';
import {validateModel} from '@site/src/engine';
import type {ChallengeQuestion} from './types';

const target = (result: ChallengeResult, id: string) => {
  const found = result.targets.find((t) => t.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
};
const missed = (result: ChallengeResult) => result.targets.filter((t) => !t.passed).map((t) => t.id);

describe('scenarios', () => {
  it('expand "each zone lost" over the design’s own zones, so a fourth zone is tested too', () => {
    const runs = expandScenarios([{kind: 'eachZoneLost', at: 300, duration: 1800}, {kind: 'primaryFailure', at: 600}], ['a', 'b', 'c', 'd']);
    expect(runs.map((run) => run.label)).toEqual(['Zone a lost', 'Zone b lost', 'Zone c lost', 'Zone d lost', 'Database primary fails']);
    expect(runs[1]!.faults).toEqual([{kind: 'zoneOutage', zone: 'b', at: 300, duration: 1800}]);
  });

  it('replace the design’s own faults and hand-timed actions, keep autoshift, and fix the run’s length and seed', () => {
    const model: Model = {
      zones: ['a', 'b'],
      faults: [],
      actions: [{kind: 'promoteReplica', at: 601}, {kind: 'zonalAutoshift'}, {kind: 'alarmZonalShift'}],
      durationSeconds: 600,
      seed: 7,
    };
    const run = scenarioModel(fewestTasks, model, {id: 'x', label: 'x', faults: [{kind: 'zoneOutage', zone: 'a', at: 300, duration: 1800}]});
    expect(run.faults).toHaveLength(1);
    expect(run.actions).toEqual([{kind: 'zonalAutoshift'}, {kind: 'alarmZonalShift'}]);
    expect(run.durationSeconds).toBe(3600);
    expect(run.seed).toBe(1);
  });

  it('cannot be dodged by deleting the fault from the lab', () => {
    const noFault = {...fewestTasks.start, faults: []};
    const result = gradeChallenge(fewestTasks, noFault);
    expect(target(result, 'no-overload').passed).toBe(false);
  });
});

describe('chapter 4: the fewest tasks for a lost zone', () => {
  it('fails the starting design and says which zone, how many requests and why', () => {
    // 6 tasks over 3 zones = 2 a zone. Losing one leaves 2 × 2 × 100 = 400 req/s for 600 req/s. The survivors'
    // queues grow by 200 req/s; once a new request would wait past the clients' 10 s timeout, every request
    // queued there times out (the tasks still do the work: wasted). Replacements bring back 600 req/s for
    // 600 req/s, so the backlog never drains: overload is far worse than the old "200 req/s × 100 s = 20,000".
    const result = gradeChallenge(fewestTasks, fewestTasks.start);
    expect(result.passed).toBe(false);
    const overload = target(result, 'no-overload');
    expect(overload.passed).toBe(false);
    expect(overload.actual!).toBeGreaterThan(200 * 100);
    expect(overload.reason).toMatch(/^Zone use1-az\d lost: [\d,]+ requests failed as overload; the other zones had 400 req\/s of capacity for 600 req\/s\.$/);
    // 6 tasks is under the 8 allowed: cheap, but it does not survive.
    expect(target(result, 'fewest-tasks')).toMatchObject({passed: true, actual: 6});
  });

  it('fails 3 tasks in each of 3 zones on the task count only: 600 ÷ (3 − 1) = 300 req/s a zone is 9 tasks, one more than needed', () => {
    const nine = {...fewestTasks.start, service: {capacityPerTask: 100, desiredCount: 9}};
    const result = gradeChallenge(fewestTasks, nine);
    expect(missed(result)).toEqual(['fewest-tasks']);
    expect(target(result, 'no-overload').actual).toBe(0);
    expect(target(result, 'fewest-tasks').reason).toBe('Your design runs 9 tasks (3 + 3 + 3 over 3 zones); the brief allows at most 8 tasks.');
  });

  it('passes 2 tasks in each of 4 zones: 600 ÷ (4 − 1) = 200 req/s a zone, and losing one leaves 3 × 200 = 600 req/s', () => {
    const result = gradeChallenge(fewestTasks, fewestTasks.solution);
    expect(result).toMatchObject({passed: true, problems: []});
    expect(target(result, 'no-overload').reason).toBe(
      'Met in every scenario (4, each run 5 times, every failover at the top of its typical range); the worst: 0 requests (Zone use1-az1 lost).',
    );
    expect(target(result, 'fewest-tasks').actual).toBe(8);
  });

  it('passes 8 tasks placed 2 + 2 + 2 + 1 + 1 over 5 zones: losing a zone of 2 leaves 6 × 100 = 600 req/s', () => {
    const five: Model = {...fewestTasks.start, zones: ['use1-az1', 'use1-az2', 'use1-az4', 'use1-az5', 'use1-az6'], service: {capacityPerTask: 100, desiredCount: 8}};
    expect(gradeChallenge(fewestTasks, five).passed).toBe(true);
  });

  it('fails 7 tasks over 4 zones (2 + 2 + 2 + 1): losing a zone of 2 leaves 500 req/s for 600', () => {
    const seven: Model = {...fewestTasks.solution, service: {capacityPerTask: 100, desiredCount: 7}};
    const overload = target(gradeChallenge(fewestTasks, seven), 'no-overload');
    expect(overload.passed).toBe(false);
    expect(overload.reason).toMatch(/^Zone use1-az\d lost: [\d,]+ requests failed as overload; the other zones had 500 req\/s of capacity for 600 req\/s\.$/);
  });

  it('does not let the reader lower the load or raise the capacity of a task: the brief fixes them', () => {
    const cheat: Model = {...fewestTasks.start, traffic: {requestsPerSecond: 300}, service: {desiredCount: 6, capacityPerTask: 1000}};
    const result = gradeChallenge(fewestTasks, cheat);
    expect(result.passed).toBe(false);
    expect(result.targets.every((t) => t.passed)).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual([
      'The brief fixes the traffic at 600 req/s, 10 % writes; your design has 300 req/s, 10 % writes. Put it back: the design is the zones, tasks, load balancer and database.',
      'The brief fixes the capacity of a task at 100 req/s; your design has 1,000 req/s. Put it back: the design is the zones, tasks, load balancer and database.',
    ]);
  });
});

describe('an invalid model', () => {
  it('is a failed attempt whose reason is the engine’s ModelError message, and never throws', () => {
    const bad = {...fewestTasks.start, service: {desiredCount: -1}};
    const result = gradeChallenge(fewestTasks, bad);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([{id: 'invalid-model', message: 'service.desiredCount: must be at least 0, got -1'}]);
    expect(result.targets.every((t) => !t.passed && t.actual === null)).toBe(true);
    expect(target(result, 'no-overload').reason).toContain('service.desiredCount: must be at least 0, got -1');
  });

  it('of any shape, even not an object, is graded without throwing', () => {
    for (const junk of [null, undefined, 42, 'model', [], {zones: []}, {zones: ['a'], servce: {}}, {zones: ['a', 'a']}]) {
      expect(() => gradeChallenge(capstone, junk as unknown as Model)).not.toThrow();
      expect(gradeChallenge(capstone, junk as unknown as Model).passed).toBe(false);
    }
  });
});

describe('the capstone: a checkout API', () => {
  const Z = referenceDesign.zones;
  const withDb = (database: Model['database']): Model => ({...referenceDesign, database});

  it('counts database instances: a primary or writer plus every standby and replica', () => {
    const count = (database: Model['database']) => databaseInstances(validateModel(withDb(database)));
    expect(count({kind: 'none'})).toBe(0);
    expect(count({kind: 'single-az', zone: Z[0]!})).toBe(1);
    expect(count({kind: 'multi-az-instance', primaryZone: Z[0]!, standbyZone: Z[1]!})).toBe(2);
    expect(count({kind: 'multi-az-cluster', writerZone: Z[0]!, readerZones: [Z[1]!, Z[2]!]})).toBe(3);
    expect(count({kind: 'aurora', writerZone: Z[0]!, replicaZones: []})).toBe(1);
    expect(count({kind: 'aurora', writerZone: Z[0]!, replicaZones: [Z[1]!]})).toBe(2);
  });

  it('passes the reference design on every target', () => {
    // 9 tasks, 3 a zone: losing one leaves 6 × 100 = 600 req/s. A Multi-AZ DB cluster = 3 instances, RPO 0.
    // Cross-zone: behind the ALB only the database calls are billed: 120 writes/s × 2/3 from tasks outside the
    // writer's zone × 4 kB × 2,592,000 s a month = 829.44 GB; × $0.01 × 2 directions = $16.59 ≤ $50.
    const result = gradeChallenge(capstone, referenceDesign);
    expect(missed(result)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(target(result, 'budget-cross-zone').actual).toBeCloseTo(16.5888, 4);
    expect(target(result, 'budget-tasks').actual).toBe(9);
    expect(target(result, 'budget-database').actual).toBe(3);
    expect(target(result, 'rpo').actual).toBe(0);
    // The last failure: health checks mark the lost zone's tasks unhealthy 35–65 s after the fault; the
    // cluster fails over in 35 s at its documented worst, so the health checks set the recovery time.
    expect(target(result, 'rto').actual!).toBeLessThanOrEqual(65);
  });

  it('fails the starting design on capacity, availability and recovery time, each with its reason', () => {
    // 6 tasks: losing a zone leaves 400 req/s for 600; the Multi-AZ instance takes 120 s to fail over at its documented worst.
    const result = gradeChallenge(capstone, startDesign);
    expect(missed(result)).toEqual(['availability', 'rto', 'no-overload']);
    // With queueing, the survivors' backlog passes the 10 s timeout and, at 600 req/s for 600 after the
    // replacements, never drains: the overload lasts to the end of the run (see the chapter 4 test above).
    expect(target(result, 'no-overload').reason).toMatch(/^Zone use1-az\d lost: [\d,]+ requests failed as overload; the other zones had 400 req\/s of capacity for 600 req\/s\.$/);
    expect(target(result, 'rto').reason).toMatch(/^Zone use1-az\d lost: requests kept failing until .* after the fault, more than the 90 s allowed\. The last to fail were overload/);
    expect(target(result, 'availability').actual!).toBeLessThan(0.99);
  });

  it('fails an RDS Multi-AZ DB instance on recovery time: its failover typically takes 60 to 120 s', () => {
    const result = gradeChallenge(capstone, withDb({kind: 'multi-az-instance', primaryZone: Z[0]!, standbyZone: Z[1]!}));
    expect(missed(result)).toEqual(['availability', 'rto']);
    expect(target(result, 'rto').actual!).toBeGreaterThan(BRIEF.recoveryTimeSeconds);
    expect(target(result, 'rto').reason).toContain('an RDS Multi-AZ DB instance typically takes 60 to 120 s to fail over to its standby');
  });

  it('fails Aurora with a replica on recovery time: graded at AWS’s documented 120 s, not on a lucky draw', () => {
    const aurora = withDb({kind: 'aurora', writerZone: Z[0]!, replicaZones: [Z[1]!]});
    const result = gradeChallenge(capstone, aurora);
    expect(missed(result)).toEqual(['availability', 'rto']);
    // The writer's zone is lost at 600: the failover takes 120 s, so writes fail until 720, 120 s after the fault.
    expect(target(result, 'rto').actual).toBe(120);
    expect(target(result, 'rto').reason).toContain('grading plans for the 120 s');
    // 120 s × 120 writes/s = 14,400 writes, less those sent to the lost zone's dead tasks before each node's
    // health checks caught them, which fail as dead targets first: the nodes in the two other zones each send
    // 300 req/s × 3/9 × 20 % = 20 writes/s there until they mark them, 35–65 s after the fault on their own phases.
    // Grading keeps the worst of its seeds: each second of detection fails 100 req/s at the dead tasks and spares
    // 20 writes/s from the database, so the worst run is the seed whose nodes mark the dead tasks latest.
    // Clients still holding the lost zone's node from DNS fail first too: a third of them at the fault, none
    // 60 s later (the TTL), held for 6 s at a time at each stretch's mean, ⅓ × (1 − (6k + 3) / 60).
    // For the first 10 s (6,000 sessions, the default 10 per req/s, each sending every 6,000 ÷ 600 = 10 s)
    // those same clients fail on their kept-alive connections to the lost node instead, all ⅓ of them.
    const lostWriter = expandScenarios(capstone.scenarios, Z)[0]!;
    const stale = (s: number) => (s < 10 ? 1 / 3 : s >= 60 ? 0 : (1 / 3) * (1 - (6 * Math.floor(s / 6) + 3) / 60));
    const worst = gradingSeeds(capstone)
      .map((seed) => {
        const run = simulate(scenarioModel(capstone, aurora, lostWriter, seed));
        const marked = [Z[1]!, Z[2]!].map((z) => nextCheckAtOrAfter(BRIEF.faultAt, run.healthCheckPhases[z]!, 30) + 35 - BRIEF.faultAt);
        // Each second of the 120 s failover: 120 writes/s, less the stale share, less what each of the two
        // live nodes (half the rest each) still sends to the 3 dead tasks of its 9 until it marks them.
        let database = 0;
        for (let s = 0; s < 120; s++) database += 120 * (1 - stale(s)) * (1 - marked.filter((m) => s < m).length * (1 / 2) * (3 / 9));
        return {late: marked[0]! + marked[1]!, database};
      })
      .sort((a, b) => b.late - a.late)[0]!;
    expect(target(result, 'availability').reason).toContain(`${Math.round(worst.database).toLocaleString('en-US')} needing the database`);
    // One random draw per run would have passed: every one of the grading seeds draws under 90 s.
    for (const scenario of expandScenarios(capstone.scenarios, Z)) {
      for (const seed of [1, 2, 3, 4, 5]) {
        expect(simulate(scenarioModel(capstone, aurora, scenario, seed)).summary.timeToRecoverSeconds!).toBeLessThan(BRIEF.recoveryTimeSeconds);
      }
    }
  });

  it('fails 4 database instances on the budget: Aurora with three replicas', () => {
    const result = gradeChallenge(capstone, withDb({kind: 'aurora', writerZone: Z[0]!, replicaZones: [Z[1]!, Z[2]!, Z[1]!]}));
    expect(target(result, 'budget-database').reason).toBe('Your design runs 4 database instances (Aurora: a writer and its replicas); the budget allows at most 3 database instances.');
  });

  it('fails asynchronous replication on the recovery point only: 5 s of lag × 120 writes/s = 600 orders lost', () => {
    // 20 % of 600 req/s = 120 writes/s; a replica 5 s behind holds none of the last 5 s: 5 × 120 = 600 writes.
    const result = gradeChallenge(capstone, withDb({kind: 'self-managed', primaryZone: Z[0]!, replicaZones: [Z[1]!], replication: 'async'}));
    expect(missed(result)).toEqual(['rpo']);
    expect(target(result, 'rpo').reason).toBe(
      'Zone use1-az1 lost: the last 5 s of acknowledged writes were lost (600 writes), more than the 0 s allowed: replication is asynchronous, so the promoted replica was about 5 s behind.',
    );
  });

  it('fails Aurora with no replica: nothing recovers on its own when the writer’s zone is lost', () => {
    const result = gradeChallenge(capstone, withDb({kind: 'aurora', writerZone: Z[0]!, replicaZones: []}));
    expect(missed(result)).toEqual(['availability', 'rto']);
    expect(target(result, 'rto').reason).toContain('Aurora with no replica has to create a new writer');
  });

  it('fails 12 tasks on the task budget only: 4 a zone is one more than 600 ÷ 2 ÷ 100 = 3', () => {
    const result = gradeChallenge(capstone, {...referenceDesign, service: {capacityPerTask: 100, desiredCount: 12}});
    expect(missed(result)).toEqual(['budget-tasks']);
    expect(target(result, 'budget-tasks').reason).toBe('Your design runs 12 tasks (4 + 4 + 4 over 3 zones); the brief allows at most 9 tasks.');
  });

  it('passes 2 tasks in each of 4 zones behind the ALB, database calls billed a little more; behind an NLB they break the budget', () => {
    // 3 of 4 zones' tasks call the writer across zones: 120 × 3/4 × 4 kB × 2,592,000 s = 933.12 GB; × $0.02 = $18.66.
    const four: Model = {...referenceDesign, zones: [...Z, 'use1-az5'], service: {capacityPerTask: 100, desiredCount: 8}};
    const result = gradeChallenge(capstone, four);
    expect(target(result, 'budget-cross-zone')).toMatchObject({passed: true});
    expect(target(result, 'budget-cross-zone').actual).toBeCloseTo(18.6624, 4);
    // An NLB with cross-zone on bills the requests too: 3/4 × 600 req/s × 10 kB × 2,592,000 s = 11,664 GB, $233.28 more.
    const nlb = gradeChallenge(capstone, {...four, loadBalancer: {type: 'network', crossZone: true}});
    expect(missed(nlb)).toEqual(['budget-cross-zone']);
    expect(target(nlb, 'budget-cross-zone').actual).toBeCloseTo(233.28 + 18.6624, 4);
    expect(target(nlb, 'budget-cross-zone').reason).toBe(
      'Cross-zone transfer would cost $252 a month: load balancer to tasks in another zone, about 11,664 GB a month; database calls from tasks outside zone use1-az1 to the primary, about 933 GB a month; the budget allows at most $50 a month.',
    );
  });

  it('fails a design with no database: the primary-failure scenario cannot run', () => {
    const result = gradeChallenge(capstone, withDb({kind: 'none'}));
    expect(result.passed).toBe(false);
    expect(target(result, 'rpo').reason).toBe('Database primary fails: your design has no database, and the brief needs one.');
    // Capacity is tested against zone losses only, so it is still measured.
    expect(target(result, 'no-overload').passed).toBe(true);
  });

  it('grades the same design the same way every time (the runs use a fixed seed, whatever the lab’s seed)', () => {
    const a = gradeChallenge(capstone, {...referenceDesign, seed: 1});
    const b = gradeChallenge(capstone, {...referenceDesign, seed: 99});
    expect(b).toEqual(a);
  });
});

describe('challenges through grade()', () => {
  it('start from the question’s starting model, reveal its solution, and grade both', () => {
    for (const question of [fewestTasks, capstone] as ChallengeQuestion[]) {
      const blank = blankAnswer(question);
      expect(blank).toEqual({kind: 'challenge', model: question.start});
      expect(grade(question, blank)).toMatchObject({valid: true, kind: 'challenge', correct: false});
      expect(grade(question, correctAnswer(question))).toMatchObject({valid: true, kind: 'challenge', correct: true});
    }
  });

  it('reject an answer of another kind as ungradable, not as an attempt', () => {
    expect(grade(capstone, {kind: 'numeric', text: '9'})).toEqual({valid: false, message: 'This answer does not fit a challenge.'});
  });

  it('agree with the engine: the reference run is a plain simulate() of the design with the scenario’s faults', () => {
    const [first] = expandScenarios(capstone.scenarios, referenceDesign.zones);
    const summary = simulate(scenarioModel(capstone, referenceDesign, first!)).summary;
    expect(target(gradeChallenge(capstone, referenceDesign), 'no-overload').actual).toBe(Math.round(summary.failedByCause.timeout + summary.failedByCause.shed));
  });
});
