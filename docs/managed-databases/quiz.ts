/**
 * Chapter 9 quiz: managed databases across zones. Figures come from
 * /work/shared/reference/facts.md ("Databases", "RTO / RPO" and the common
 * oversimplifications #1 and #4); the failover times the lab draws (Aurora
 * with and without a replica, the Multi-AZ DB instance) are computed by the
 * engine, not typed by hand.
 */
import {getPreset, primaryFailure, simulate, zoneOutage, type Fault} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';
import {formatClock, formatCount, formatDuration} from '@site/src/utils/format';

// Aurora with and without a replica, the writer's instance lost or its whole zone, every failover at the top of AWS's typical range.
const AURORA_CHOICE = (() => {
  const rtoSeconds = 300;
  const zoneOutageSeconds = 1800;
  const run = (replicaZones: string[]) => {
    const downtime = (fault: Fault) =>
      simulate({...getPreset('aurora').model, database: {kind: 'aurora', writerZone: 'a', replicaZones}, faults: [fault]}, {draws: 'worst'}).summary;
    const instance = downtime(primaryFailure({at: 300}));
    const zone = downtime(zoneOutage('a', {at: 300, duration: zoneOutageSeconds}));
    if (instance.writesLost + zone.writesLost > 0) throw new Error('the Aurora question says no committed write is lost');
    return {instance: instance.databaseDowntimeSeconds, zone: zone.databaseDowntimeSeconds};
  };
  const alone = run([]);
  const sameZone = run(['a']);
  const otherZone = run(['b']);
  const meets = (r: {instance: number; zone: number}) => Math.max(r.instance, r.zone) <= rtoSeconds;
  if (meets(alone) || meets(sameZone) || !meets(otherZone)) throw new Error('the Aurora question needs only the replica in another zone to meet the objective');
  return {rtoSeconds, zoneOutageSeconds, alone, sameZone, otherZone};
})();

// The shop's stores, each losing the zone of its primary (the chapter's presets, zone a lost).
const LOST_WRITES = (() => {
  const lost = (id: 'rds-multi-az' | 'async-replica' | 'aurora') => simulate(getPreset(id).model).summary;
  const readReplica = lost('async-replica');
  const {traffic} = getPreset('async-replica').model;
  return {
    writeRate: (traffic?.requestsPerSecond ?? 0) * (traffic?.writeShare ?? 0),
    readReplica: Math.round(readReplica.writesLost),
    readReplicaLag: readReplica.recoveryPointSeconds,
    multiAzInstance: Math.round(lost('rds-multi-az').writesLost),
    aurora: Math.round(lost('aurora').writesLost),
  };
})();

// The first write after a Multi-AZ DB instance's failover: the lab's failover, then the JVM's cached answer.
const FIRST_WRITE = (() => {
  const failover = simulate(getPreset('rds-multi-az').model).summary.databaseDowntimeSeconds;
  const jvmTtl = 60; // the most AWS advises for a JVM talking to RDS (facts.md, "Databases")
  const lookup = failover - 20; // the service looked the name up while the failover was still running
  const answer = lookup + jvmTtl;
  if (!(lookup > 0 && answer > failover)) throw new Error('the first-write question needs a lookup during the failover whose answer outlasts it');
  const clock = (seconds: number) => `10:${formatClock(seconds).padStart(5, '0')}`;
  return {failover, jvmTtl, lookup, answer, failoverClock: clock(failover), lookupClock: clock(lookup), answerClock: clock(answer)};
})();

// The lunch-rush failover: the lab's Multi-AZ DB instance losing its primary's zone over twenty seeds.
const LUNCH = (() => {
  const seconds = Array.from({length: 20}, (_, i) => simulate({...getPreset('rds-multi-az').model, seed: i + 1}).summary.databaseDowntimeSeconds);
  const low = Math.min(...seconds);
  const high = Math.max(...seconds);
  if (!(low >= 60) || LOST_WRITES.multiAzInstance !== 0) {
    throw new Error('the lunch-rush question needs no failover under 60 s and no acknowledged write lost');
  }
  return {low, high};
})();

const questions: QuizQuestion[] = [
  {
    id: 'lunch-rush-failover-review',
    kind: 'multiple',
    prompt:
      'The orders service writes to an RDS Multi-AZ DB instance, primary in zone a, through a connection pool. At 12:30:00, in the lunch rush, zone a is lost. The design review had promised “under 60 s, no data lost”. In the incident review, the team checks five claims. Which are right? Select all that apply.',
    choices: [
      {
        id: 'committed-order-kept',
        text: 'Order 1041, whose COMMIT returned a second before the loss, is in the database after the failover.',
        correct: true,
        explanation: `Right: the standby is synchronous, so an acknowledged commit was already in zone b. The lab’s run of this design loses ${LOST_WRITES.multiAzInstance} acknowledged writes.`,
      },
      {
        id: 'in-flight-order-retried',
        text: 'Order 1042, whose COMMIT had been sent but not answered, must be checked or retried by the application once it reconnects.',
        correct: true,
        explanation:
          'Right: “no data lost” covers acknowledged commits only. A transaction in flight either rolled back or never told its client it succeeded, so the application has to find out and retry, with an idempotency key so that the order is not placed twice.',
      },
      {
        id: 'writes-before-1231',
        text: 'Checkout was writing again before 12:31:00, as promised.',
        correct: false,
        explanation: `AWS gives 60 to 120 s as typical for a Multi-AZ DB instance, and it can take longer. The lab draws ${LUNCH.low} to ${LUNCH.high} s over twenty seeds: never under a minute. “Under 60 s” belongs to Aurora with a replica, and “under 35 s” to the Multi-AZ DB cluster.`,
      },
      {
        id: 'report-on-standby',
        text: 'The lunchtime sales report, which reads from the standby to spare the primary, ran on through the failover.',
        correct: false,
        explanation: 'It never ran there: the standby of a Multi-AZ DB instance serves no reads at all. Readable standbys are what the Multi-AZ DB cluster adds.',
      },
      {
        id: 'pool-carries-on',
        text: 'The pool’s open connections carried on against the new primary, since the endpoint’s name did not change.',
        correct: false,
        explanation:
          'The name stays, but RDS points it (a CNAME) at the standby, which has another address. Connections open to the old primary are dead; the pool has to open new ones, after the cached DNS answer expires.',
      },
    ],
    hints: [
      {choiceIds: ['writes-before-1231'], text: 'Which database does “under 60 s” describe, and what range does AWS give for this one?'},
      {choiceIds: ['pool-carries-on'], text: 'What does the endpoint’s name point to after the failover, and where do the open connections go?'},
    ],
  },
  {
    id: 'choose-database',
    kind: 'single',
    prompt:
      'A payments service on PostgreSQL must lose no committed transaction when a zone fails (RPO 0) and must accept writes again within 40 s (RTO). It would also like to send reports to a read-only copy. Which choice meets these targets with AWS’s typical figures?',
    choices: [
      {
        id: 'multi-az-cluster',
        text: 'An RDS Multi-AZ DB cluster.',
        correct: true,
        explanation:
          'Right: a commit waits for at least one of two readers in other zones, the reader with the latest change is promoted, failover is typically under 35 s, and the readers serve read traffic.',
      },
      {
        id: 'multi-az-instance',
        text: 'An RDS Multi-AZ DB instance.',
        correct: false,
        explanation:
          'Its RPO is 0, but its failover typically takes 60–120 s, well over 40 s, and its standby cannot serve the reports.',
      },
      {
        id: 'single-az-read-replica',
        text: 'A Single-AZ instance with a read replica in another zone, promoted if the zone fails.',
        correct: false,
        explanation:
          'The read replica is asynchronous, so promoting it loses the replica lag (RPO is not 0), and promotion is manual and takes minutes.',
      },
      {
        id: 'aurora-single',
        text: 'Aurora PostgreSQL with a single instance: its storage is already in three zones.',
        correct: false,
        explanation:
          'The storage keeps every committed write (RPO 0), but with no replica a new writer takes about 10 minutes, and if the whole zone is lost someone must create one by hand.',
      },
    ],
  },
  {
    id: 'which-lose-writes',
    kind: 'multiple',
    prompt: `A shop keeps its carts in an ElastiCache Multi-AZ replication group, its orders in an RDS Multi-AZ DB instance, its catalogue in Aurora with a replica in zone b, and its order history in an RDS instance whose read replica in zone b is promoted when the primary is lost. Every primary is in zone a, and zone a fails at ${LOST_WRITES.writeRate} writes a second to each. Which stores can lose writes the shop was told had succeeded? Select all that apply.`,
    choices: [
      {
        id: 'elasticache',
        text: 'The carts, after ElastiCache promotes a replica.',
        correct: true,
        explanation: 'Right: ElastiCache replicates asynchronously, so the most recent writes may not have reached the promoted replica. (The lab does not model ElastiCache; AWS documents the loss.)',
      },
      {
        id: 'read-replica',
        text: 'The order history, after its read replica is promoted.',
        correct: true,
        explanation: `Right: read replicas are asynchronous, and promoting one loses whatever its \`ReplicaLag\` was: ${formatCount(LOST_WRITES.readReplica)} writes in the lab, ${LOST_WRITES.readReplicaLag} s of lag × ${LOST_WRITES.writeRate} writes a second.`,
      },
      {
        id: 'multi-az-instance',
        text: 'The orders, after the Multi-AZ DB instance fails over to its standby.',
        correct: false,
        explanation: `Its standby is synchronous: every committed transaction is already there (${formatCount(LOST_WRITES.multiAzInstance)} lost in the lab). Only in-flight transactions roll back, and nobody was told they succeeded.`,
      },
      {
        id: 'aurora-replica',
        text: 'The catalogue, after Aurora promotes the replica in zone b.',
        correct: false,
        explanation: `A commit needs four of six storage copies across three zones, and a zone holds only two, so committed data survives, and the replica reads the same storage (${formatCount(LOST_WRITES.aurora)} lost in the lab).`,
      },
    ],
  },
  {
    id: 'aurora-quorum',
    kind: 'single',
    prompt:
      'An Aurora cluster’s storage loses a whole zone, and in the same hour one more storage copy in another zone fails. What can the storage still do?',
    choices: [
      {
        id: 'reads-only',
        text: 'Serve reads, but not writes.',
        correct: true,
        explanation:
          'Right: three of six copies remain. A read needs three, a write needs four. Aurora is designed to keep reading after losing a zone plus one copy, and to keep writing after losing a zone.',
      },
      {
        id: 'reads-and-writes',
        text: 'Serve reads and writes.',
        correct: false,
        explanation: 'A write needs four of the six copies; with the zone’s two and one more gone, only three remain.',
      },
      {
        id: 'nothing',
        text: 'Nothing: half the copies are gone.',
        correct: false,
        explanation: 'Reads need only three copies, so the three that remain still serve them.',
      },
      {
        id: 'writes-only',
        text: 'Accept writes, but not reads, until the copies are rebuilt.',
        correct: false,
        explanation: 'The write quorum (4) is larger than the read quorum (3), so whenever writes work, reads work too, never the other way round.',
      },
    ],
  },
  {
    id: 'aurora-cheapest-rto',
    kind: 'single',
    prompt: `To save money, the orders service runs Aurora PostgreSQL with a writer in zone a and no replica. Its recovery time objective is ${formatDuration(AURORA_CHOICE.rtoSeconds)} of no writes, whether the writer’s instance fails or zone a is lost (for ${formatDuration(AURORA_CHOICE.zoneOutageSeconds)} in the lab). Planning at the slowest failover AWS documents, which single change meets it?`,
    choices: [
      {
        id: 'nothing',
        text: 'None: the storage already keeps six copies in three zones.',
        correct: false,
        explanation: `The storage keeps every committed write, but there is no instance to promote. In the lab the writer’s instance failure costs ${formatDuration(AURORA_CHOICE.alone.instance)} without writes (AWS: typically under 10 minutes to recreate it), and losing zone a ${formatDuration(AURORA_CHOICE.alone.zone)}: the lab recreates the writer in its own zone once the zone is back, and in real life someone has to create one in another zone by hand.`,
      },
      {
        id: 'bigger-writer',
        text: 'A larger writer instance, so it recovers faster.',
        correct: false,
        explanation: 'Size changes nothing here: with no replica, a failed writer is recreated, and a lost zone takes the writer with it however large it is.',
      },
      {
        id: 'replica-same-zone',
        text: 'A replica in zone a, beside the writer.',
        correct: false,
        explanation: `It covers the instance failure (${formatDuration(AURORA_CHOICE.sameZone.instance)} in the lab) but not the zone: losing zone a takes the writer and the replica together, ${formatDuration(AURORA_CHOICE.sameZone.zone)} without writes in the lab.`,
      },
      {
        id: 'replica-other-zone',
        text: 'A replica in zone b.',
        correct: true,
        explanation: `Right: Aurora promotes it over the same storage, ${formatDuration(AURORA_CHOICE.otherZone.instance)} without writes in the lab for the instance failure and ${formatDuration(AURORA_CHOICE.otherZone.zone)} for the zone, at the slow end of AWS’s “typically under 120 s”. No committed write is lost in any of these runs.`,
      },
    ],
  },
  {
    id: 'promotion-tier-post-mortem',
    kind: 'single',
    prompt:
      'A shop’s Aurora cluster has a `db.r6g.2xlarge` writer in zone a and two replicas, both created without a promotion tier, so at the API’s default of 1: `reports`, a `db.r6g.4xlarge` in zone b that the analytics team runs long queries on, and `standby`, a `db.r6g.2xlarge` in zone c meant to take over. Last night the writer failed and checkout slowed for an hour while the analytics queries ran on the new writer. Which change makes `standby` the replica promoted next time, at no extra cost?',
    choices: [
      {
        id: 'standby-tier-0',
        text: 'Set `standby`’s promotion tier to 0 and leave `reports` at 1.',
        correct: true,
        explanation:
          'Right: Aurora promotes from the lowest tier first (0 to 15) and only looks at size to break a tie within a tier. Last night both replicas were at tier 1, so the larger `reports` won; with `standby` alone at tier 0, it wins whatever its size.',
      },
      {
        id: 'reports-tier-0',
        text: 'Set `reports`’s promotion tier to 0, to keep it for reporting.',
        correct: false,
        explanation: 'Tier 0 is promoted first, not last: this makes `reports` the favourite even if `standby` were larger. To keep a replica out of the way, give it a higher tier than the one meant to take over.',
      },
      {
        id: 'bigger-standby',
        text: 'Resize `standby` to a `db.r6g.8xlarge`, so that it is the largest replica.',
        correct: false,
        explanation:
          'It would win the tie within tier 1, so it works, but it costs a much larger instance, and it breaks again the day someone resizes `reports`. The tier says what you mean at no cost.',
      },
      {
        id: 'nothing',
        text: 'Nothing: last night was bad luck, since Aurora picks among the replicas at random.',
        correct: false,
        explanation: 'Aurora picks arbitrarily only among replicas with the same tier and the same size. Here both were at tier 1 and `reports` was larger, so it was always going to be `reports`.',
      },
    ],
    hints: [{choiceIds: ['reports-tier-0'], text: 'Which end of the 0 to 15 range is promoted first?'}],
  },
  {
    id: 'twenty-minutes-no-writes',
    kind: 'multiple',
    prompt: `Post-mortem: the orders service’s RDS Multi-AZ DB instance lost its primary’s zone and failed over (${formatDuration(FIRST_WRITE.failover)} without writes in the lab), yet the service, a Java application with a connection pool, wrote nothing for twenty minutes, until someone restarted it. Which of its settings could explain that? Select all that apply.`,
    choices: [
      {
        id: 'dns-forever',
        text: 'It runs with a security manager and never set `networkaddress.cache.ttl`.',
        correct: true,
        explanation:
          'Right: the JVM then caches the endpoint’s old address forever, so every new connection goes to the dead primary until the process restarts. AWS advises a JVM DNS cache of 60 s or less.',
      },
      {
        id: 'no-validation',
        text: 'Its pool never validates or retires connections.',
        correct: true,
        explanation: 'Right: it keeps handing out sockets to the dead primary long after the database is back; validating connections and dropping the ones that fail, or bounding their age, ends that.',
      },
      {
        id: 'hard-coded-ip',
        text: 'Its connection string names the primary’s IP address, to skip DNS.',
        correct: true,
        explanation: 'Right: the IP address is exactly what changes in a failover. Only the endpoint name follows the new primary.',
      },
      {
        id: 'dns-thirty',
        text: 'Its JVM caches DNS answers for 30 s.',
        correct: false,
        explanation: 'That would cost at most 30 s after the failover, not twenty minutes: the next lookup after the failover returns the new primary.',
      },
      {
        id: 'retries',
        text: 'It retries failed transactions with exponential backoff and jitter.',
        correct: false,
        explanation: 'Retries are how it gets the rolled-back work done once the database is back; they end as soon as a connection reaches the new primary. Make the writes idempotent so a retry is safe.',
      },
    ],
  },
  {
    id: 'first-write-after-failover',
    kind: 'numeric',
    prompt: `The orders service writes to an RDS Multi-AZ DB instance. The zone holding its primary is lost at 10:00:00, and in the lab RDS points the endpoint’s name at the standby ${formatDuration(FIRST_WRITE.failover)} later, at ${FIRST_WRITE.failoverClock}. The service’s JVM caches DNS answers for ${FIRST_WRITE.jvmTtl} s (\`networkaddress.cache.ttl\`; no other cache keeps them longer), and it last looked the endpoint up at ${FIRST_WRITE.lookupClock}, when its pool tried a fresh connection. Its pool validates connections and opens new ones to whatever address it holds. How many seconds after 10:00:00 is the first order written?`,
    answer: FIRST_WRITE.answer,
    tolerance: 2,
    unit: 's',
    hints: [
      {value: FIRST_WRITE.failover, tolerance: 2, text: 'That is when the database takes writes again. Which address is the service still connecting to at that moment?'},
      {value: FIRST_WRITE.failover + FIRST_WRITE.jvmTtl, tolerance: 2, text: 'The cached answer’s clock started when the service looked the name up, not when the failover ended.'},
    ],
    explanation: `The lookup at ${FIRST_WRITE.lookupClock} came before the failover ended, so it returned the old primary’s address, and the JVM keeps that answer for ${FIRST_WRITE.jvmTtl} s, until ${FIRST_WRITE.answerClock}: ${FIRST_WRITE.lookup} + ${FIRST_WRITE.jvmTtl} = ${FIRST_WRITE.answer} s. The database was writable from ${FIRST_WRITE.failover} s, but the pool kept opening connections to the dead address until then. The application’s outage is the later of the two clocks, which is why AWS advises a JVM DNS cache of 60 s or less, and why RDS Proxy or AWS’s JDBC wrapper, which follow the failover themselves, shorten it. Then the service still has to retry the orders whose transactions rolled back.`,
  },
];

export default questions;
