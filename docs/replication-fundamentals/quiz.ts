/**
 * Chapter 8 quiz: replication fundamentals. Figures come from
 * /work/shared/reference/facts.md ("Databases", "RTO / RPO"); the writes
 * lost are computed by the engine, not typed by hand.
 */
import {DEFAULT_ASYNC_LAG_SECONDS, getPreset, replicationRace, simulate, zoneOutage} from '@site/src/engine';
import {formatCount} from '@site/src/utils/format';
import type {QuizQuestion} from '@site/src/quiz/types';

// The async-replica preset with a 3 s lag and 40 writes per second (100 requests/s, 40 % writes).
const LAG_SECONDS = 3;
const REQUESTS_PER_SECOND = 100;
const WRITE_SHARE = 0.4;
const asyncPreset = getPreset('async-replica').model;
const asyncRun = simulate({
  ...asyncPreset,
  database: {kind: 'async-replica', primaryZone: 'a', replicaZone: 'b', lagSeconds: LAG_SECONDS},
  traffic: {requestsPerSecond: REQUESTS_PER_SECOND, writeShare: WRITE_SHARE},
});
const writesPerSecond = REQUESTS_PER_SECOND * WRITE_SHARE;
const writesLost = Math.round(asyncRun.summary.writesLost);
// The helper and the full simulation agree; the page's widget uses the helper.
const raced = replicationRace({mode: 'async', lagSeconds: LAG_SECONDS, writeRate: writesPerSecond}).writesLostOnPrimaryLoss;
if (raced !== writesLost) throw new Error(`replication-fundamentals quiz: simulate says ${writesLost} writes lost, replicationRace says ${raced}`);

// A row-by-row import against a synchronous standby: the round trip is paid on every commit.
const IMPORT_ROWS = 360_000;
const BATCH_ROWS = 1_000;
const ROUND_TRIP_MS = 1;
const syncCommitMs = replicationRace({mode: 'sync', interZoneLatencyMs: ROUND_TRIP_MS, writeRate: 0}).writeLatencyAddedMs;
const asyncCommitMs = replicationRace({mode: 'async', interZoneLatencyMs: ROUND_TRIP_MS, writeRate: 0}).writeLatencyAddedMs;
if (!(syncCommitMs > 0) || asyncCommitMs !== 0) {
  throw new Error('replication-fundamentals quiz: the import question assumes a synchronous commit costs a round trip and an async one nothing');
}
const importExtraSeconds = (IMPORT_ROWS * (syncCommitMs - asyncCommitMs)) / 1000;
const importExtraMinutes = importExtraSeconds / 60;
const batchedExtraSeconds = ((IMPORT_ROWS / BATCH_ROWS) * (syncCommitMs - asyncCommitMs)) / 1000;

// Q1: the same service under four replication modes, the primary's zone lost.
const MODES_TRAFFIC = {requestsPerSecond: 100, writeShare: 0.1};
const MODES_WRITE_RATE = MODES_TRAFFIC.requestsPerSecond * MODES_TRAFFIC.writeShare;
const MODE_CHOICES = [
  {id: 'sync', text: 'PostgreSQL with a synchronous standby (`FIRST 1`).', replication: 'sync'},
  {id: 'quorum', text: 'PostgreSQL with a quorum of one of the two standbys (`ANY 1`).', replication: 'quorum'},
  {id: 'semi-sync', text: 'MySQL with semi-synchronous replication.', replication: 'semi-sync'},
  {id: 'async', text: `Asynchronous replication, the standbys ${DEFAULT_ASYNC_LAG_SECONDS} s behind.`, replication: 'async'},
] as const;
const MODES = MODE_CHOICES.map(({id, text, replication}) => {
  const summary = simulate({
    zones: ['a', 'b', 'c'],
    service: {tasksPerZone: {b: 2, c: 2}},
    database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b', 'c'], replication},
    traffic: MODES_TRAFFIC,
    faults: [zoneOutage('a', {at: 600, duration: 1800})],
  }).summary;
  return {id, text, lost: Math.round(summary.writesLost), lag: summary.recoveryPointSeconds};
});
const MODE_REASON: Record<(typeof MODE_CHOICES)[number]['id'], string> = {
  sync: 'A commit is acknowledged only once the standby has it, so the promoted standby holds every acknowledged write; only transactions still in flight roll back, and nobody was told they succeeded.',
  quorum: 'A commit waits until at least one of the two standbys has it, and the failover manager promotes the one that does.',
  'semi-sync': 'A commit waits until a replica has received it, so nothing acknowledged is lost here. The guarantee lasts only while a replica answers: after its 10 s timeout MySQL falls back to asynchronous commits.',
  async: 'The primary acknowledges a commit once its own disk has it and the standbys follow later, so the last writes existed only in zone a.',
};

// MySQL semi-sync with its one replica in zone b: zone b fails at 10:00 (t = 600 s); it is 10:20.
// When the source stops waiting is read from the engine's log, not typed in.
const FALLBACK = (() => {
  const lostAt = 600;
  const minutesLater = 20;
  const writesPerSecond = 20;
  const run = simulate({
    zones: ['a', 'b', 'c'],
    service: {tasksPerZone: {a: 2, c: 2}},
    database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'semi-sync'},
    traffic: {requestsPerSecond: writesPerSecond * 10, writeShare: 0.1},
    faults: [zoneOutage('b', {at: lostAt, duration: 3600})],
    durationSeconds: 3600,
  });
  const fellBack = run.events.find((e) => e.type === 'db/semiSyncFellBack');
  if (fellBack === undefined) throw new Error('replication-fundamentals quiz: the source should fall back to asynchronous commits');
  const stalledSeconds = fellBack.t - lostAt;
  const onlyOnSource = writesPerSecond * (minutesLater * 60 - stalledSeconds);
  return {minutesLater, writesPerSecond, stalledSeconds, onlyOnSource};
})();

const questions: QuizQuestion[] = [
  {
    id: 'four-teams-lost-orders',
    kind: 'multiple',
    prompt: `Four teams run the same orders service, ${MODES_WRITE_RATE} writes a second, a primary in zone a and standbys in zones b and c; a failover manager promotes the standby that holds the most. Only the replication mode differs. Zone a fails. Which teams lose orders their customers were told had been placed? Select all that apply.`,
    choices: MODES.map(({id, text, lost, lag}) => ({
      id,
      text,
      correct: lost > 0,
      explanation: `${lost > 0 ? 'Right: in' : 'In'} the lab it loses ${formatCount(lost)} acknowledged writes. ${MODE_REASON[id]}${id === 'async' ? ` That is ${lag} s of lag × ${MODES_WRITE_RATE} writes a second.` : ''}`,
    })),
  },
  {
    id: 'writes-lost',
    kind: 'numeric',
    prompt: `An asynchronous replica in zone b trails the primary by ${LAG_SECONDS} s. The service commits ${writesPerSecond} writes per second. Zone a, with the primary, fails and the replica is promoted. How many acknowledged writes are lost?`,
    answer: writesLost,
    tolerance: Math.round(writesLost * 0.05),
    unit: 'writes',
    hints: [{value: 0, text: 'Nothing would be lost with a synchronous standby. This replica is asynchronous: what had it not received yet when zone a failed?'}],
    explanation: `Writes lost ≈ replication lag × write rate = ${LAG_SECONDS} s × ${writesPerSecond} writes/s = ${writesLost}. The lab's engine gives the same number for this model: the replica holds everything older than ${LAG_SECONDS} s, and the last ${LAG_SECONDS} s of acknowledged writes existed only on the lost primary. Note that the loss does not depend on how long the promotion takes.`,
  },
  {
    id: 'import-commit-latency',
    kind: 'numeric',
    prompt: `A nightly job imports ${formatCount(IMPORT_ROWS)} price changes into PostgreSQL, one row per transaction, each committed before the next starts. The team switches the primary from asynchronous replication to a synchronous standby in another zone. The model takes a round trip between zones as ${ROUND_TRIP_MS} ms (an assumption: AWS says single-digit milliseconds; James Hamilton, under 2 ms and usually under 1). How many minutes longer does the import take each night?`,
    answer: importExtraMinutes,
    tolerance: 0.5,
    unit: 'min',
    hints: [
      {value: 0, text: 'The rows are the same, but what does each commit now wait for before it returns?'},
      {value: importExtraSeconds, text: 'That is the delay in seconds; the question asks for minutes.'},
    ],
    explanation: `Each commit waits for one round trip to the standby's zone: ${formatCount(IMPORT_ROWS)} commits × ${ROUND_TRIP_MS} ms = ${importExtraSeconds} s, ${importExtraMinutes} minutes a night. Reads would not slow down, since only commits wait for the standby, and the zones being up to about 100 km apart does not rule synchronous replication out: AWS places them close enough for it. The cost is per commit, so the cure is in the job: committing ${formatCount(BATCH_ROWS)} rows at a time makes ${formatCount(IMPORT_ROWS / BATCH_ROWS)} commits and adds ${batchedExtraSeconds} s.`,
  },
  {
    id: 'synchronous-commit-choice',
    kind: 'single',
    prompt:
      'A payments service runs PostgreSQL with one synchronous standby in zone b. No confirmed payment may be lost if the primary’s zone fails, and the receipts page reads from the standby right after the payment is confirmed, so it must already see it there. Which `synchronous_commit` level gives both while waiting the least?',
    choices: [
      {
        id: 'local',
        text: '`local`',
        correct: false,
        explanation: '`local` waits only for the primary’s own disk. The standby may not have the payment yet, so losing the primary’s zone can lose it.',
      },
      {
        id: 'remote-write',
        text: '`remote_write`',
        correct: false,
        explanation:
          '`remote_write` waits until the standby has handed the payment to its operating system: it survives the primary’s zone unless the standby’s machine crashes too, but the standby has not applied it, so the receipts page may not see it yet.',
      },
      {
        id: 'on',
        text: '`on` (the default)',
        correct: false,
        explanation: '`on` waits for the standby to flush the payment to disk, so it survives the primary’s zone; but a flushed change may not be applied yet, and a read on the standby can still miss it.',
      },
      {
        id: 'remote-apply',
        text: '`remote_apply`',
        correct: true,
        explanation:
          'Right: `remote_apply` waits until the standby has applied the payment, so it survives the primary’s zone and a query on the standby sees it at once. It waits the longest of all the levels, which is the price of reading your own writes on the standby.',
      },
      {
        id: 'off',
        text: '`off`',
        correct: false,
        explanation: '`off` answers before even the primary’s disk has the payment: a crash of the primary alone can lose the last ones.',
      },
    ],
  },
  {
    id: 'semi-sync-quiet-dashboard',
    kind: 'multiple',
    prompt: `An orders service writes ${FALLBACK.writesPerSecond} times a second to a MySQL source in zone a that uses semi-synchronous replication with default settings and one replica, in zone b. Zone b fails at 10:00. The dashboard shows commits stalled from 10:00:00 to 10:00:${String(FALLBACK.stalledSeconds).padStart(2, '0')}, then commit latency back to normal and no write errors since. It is 10:${FALLBACK.minutesLater} and zone b is still down. Which of these are true? Select all that apply.`,
    choices: [
      {
        id: 'fell-back',
        text: `The source stopped waiting for the replica after ${FALLBACK.stalledSeconds} s and has committed asynchronously since.`,
        correct: true,
        explanation: `Right: \`rpl_semi_sync_source_timeout\` is ${FALLBACK.stalledSeconds} s by default. With no acknowledgement in that time the source falls back to asynchronous replication on its own, which is why commits are fast again.`,
      },
      {
        id: 'only-on-source',
        text: `About ${formatCount(FALLBACK.onlyOnSource)} orders acknowledged since the stall exist only on the source in zone a.`,
        correct: true,
        explanation: `Right: ${FALLBACK.writesPerSecond} writes a second for the ${FALLBACK.minutesLater * 60 - FALLBACK.stalledSeconds} s since the fallback. If zone a failed now, promoting the replica when zone b returns would lose all of them.`,
      },
      {
        id: 'rpo-still-zero',
        text: 'Commits are fast and nothing fails, so the recovery point is still zero.',
        correct: false,
        explanation:
          'Fast commits are the sign of the fallback, not of safety. Semi-sync’s zero recovery point lasts only while a replica acknowledges; the fallback is silent unless you alert on it.',
      },
      {
        id: 'second-replica',
        text: 'With a second replica, in zone c, the source would still be semi-synchronous now.',
        correct: true,
        explanation:
          'Right: the source waits for one acknowledgement by default, and the replica in zone c could give it, so losing zone b would not have left the source with nobody to wait for.',
      },
    ],
    hints: [
      {choiceIds: ['rpo-still-zero'], text: 'Who holds a copy of the orders acknowledged after the stall ended?'},
    ],
  },
  {
    id: 'first-vs-any',
    kind: 'single',
    prompt:
      'A PostgreSQL primary in zone a has standbys `db_b` (zone b) and `db_c` (zone c). Zone b becomes slow: replies from `db_b` take seconds, but it stays connected. Which `synchronous_standby_names` keeps commits fast?',
    choices: [
      {
        id: 'any',
        text: '`ANY 1 (db_b, db_c)`',
        correct: true,
        explanation:
          'Right: a quorum of 1 waits for whichever standby answers first, so `db_c` answers and the slow zone does not hold up commits. No acknowledged write is lost, because one standby still has each commit.',
      },
      {
        id: 'first',
        text: '`FIRST 1 (db_b, db_c)`',
        correct: false,
        explanation:
          '`FIRST` is priority order: while `db_b` is connected it is the synchronous standby, so every commit waits for the slow zone. `db_c` takes over only when `db_b` is gone.',
      },
      {
        id: 'first-2',
        text: '`FIRST 2 (db_b, db_c)`',
        correct: false,
        explanation: 'That waits for both standbys on every commit, so the slow one sets the pace.',
      },
      {
        id: 'empty',
        text: 'An empty value, with `synchronous_commit = on`',
        correct: false,
        explanation:
          'Commits would be fast, but with no synchronous standby `on` only waits for the primary’s own disk: replication becomes asynchronous and a lost zone a loses the lag’s worth of writes.',
      },
    ],
  },
  {
    id: 'cut-off-teams-two-primaries',
    kind: 'multiple',
    prompt:
      'Four teams each keep their orders in a database with a node in zone a that takes writes. At 10:00 the network between zone a and the other zones fails for ten minutes; nothing stops, and the tasks in zone a still reach zone a’s node. On the other side, each team’s failover makes a node in zone b take writes within a minute. Which teams end up with two nodes both acknowledging new orders during the cut? Select all that apply.',
    choices: [
      {
        id: 'async-script',
        text: 'PostgreSQL with an asynchronous replica in zone b, which a script promotes after 30 s of failed checks.',
        correct: true,
        explanation:
          'Right: nothing stops the old primary. It acknowledges the orders of zone a’s tasks while the new one acknowledges everyone else’s: two histories, each missing the other’s, and no merge puts them back together. This is split brain; the script needed to fence the old primary first.',
      },
      {
        id: 'semi-sync-script',
        text: 'MySQL semi-sync with default settings and one replica, in zone b, which the same script promotes.',
        correct: true,
        explanation:
          'Right: for 10 s the old source waits for the replica’s acknowledgement, then falls back to asynchronous replication and acknowledges zone a’s orders on its own, while the promoted replica takes the rest. Semi-sync’s protection ends at the fallback.',
      },
      {
        id: 'sync-first-one',
        text: 'PostgreSQL with `synchronous_standby_names = \'FIRST 1 (pg_b)\'` and `synchronous_commit = on`, promoted by the same script.',
        correct: false,
        explanation:
          'Not while the settings stay: under `on` the old primary acknowledges a commit only once `pg_b` has flushed it, and `pg_b`, now a primary across the cut, never will. Zone a’s tasks hang instead of getting acknowledgements. It is a fragile guard, though: whoever clears `synchronous_standby_names` to stop the hang turns this team into the first one. Only fencing or a majority rule makes it certain.',
      },
      {
        id: 'galera-three-zones',
        text: 'Galera with one node in each of zones a, b and c, and tasks that write to the node in their own zone.',
        correct: false,
        explanation:
          'Zone a’s node sees one vote of three, not a majority, so it stops taking writes; the nodes in b and c hold two of three and go on. Zone a’s tasks get errors, and no order is acknowledged twice over.',
      },
    ],
    hints: [
      {choiceIds: ['sync-first-one'], text: 'Under `on`, whose answer does the old primary wait for before it acknowledges a commit?'},
      {choiceIds: ['galera-three-zones'], text: 'How many of the cluster’s votes can zone a’s node still see?'},
    ],
  },
  {
    id: 'galera-two-nodes',
    kind: 'single',
    prompt:
      'A Galera cluster has two nodes, one in zone a and one in zone b. The network between the zones fails, but both nodes keep running. What happens?',
    choices: [
      {
        id: 'both-stop',
        text: 'Both stop accepting writes: neither side holds a majority.',
        correct: true,
        explanation:
          'Right: each side has one of two votes, half, not a majority, so neither is the Primary Component. A third node in zone c, or the `garbd` arbitrator, lets one side win.',
      },
      {
        id: 'both-write',
        text: 'Both keep accepting writes, and Galera reconciles them when the network returns.',
        correct: false,
        explanation: 'That would be split brain. Galera prevents it by writing only in the component that holds a majority.',
      },
      {
        id: 'older-wins',
        text: 'The node that joined the cluster first keeps writing.',
        correct: false,
        explanation: 'Galera decides by majority of votes, not by age. With two equal halves there is no majority.',
      },
      {
        id: 'lower-zone',
        text: 'The node in zone a keeps writing, because zone a sorts first.',
        correct: false,
        explanation: 'Zone names play no part, and in any case they differ between AWS accounts. Only a majority counts.',
      },
    ],
  },
];

export default questions;
