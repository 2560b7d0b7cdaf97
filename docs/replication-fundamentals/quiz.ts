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
    prompt: `A nightly job imports ${formatCount(IMPORT_ROWS)} price changes into PostgreSQL, one row per transaction, each committed before the next starts. The team switches the primary from asynchronous replication to a synchronous standby in another zone. The model takes a round trip between zones as ${ROUND_TRIP_MS} ms (an assumption: AWS says single-digit milliseconds, usually a millisecond or two). How many minutes longer does the import take each night?`,
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
    id: 'semi-sync-fallback',
    kind: 'single',
    prompt:
      'A MySQL source uses semi-synchronous replication with its one replica in zone b, and default settings. Zone b fails for 20 minutes. What happens to writes?',
    choices: [
      {
        id: 'falls-back',
        text: 'Commits stall for about 10 s, then continue asynchronously: writes committed from then on exist only on the source.',
        correct: true,
        explanation:
          'Right: after `rpl_semi_sync_source_timeout` (10 s by default) with no acknowledgement, the source switches to asynchronous replication by itself. Writes keep flowing, but if the source is lost before a replica catches up, they are lost too.',
      },
      {
        id: 'blocks',
        text: 'Commits wait until the replica is back, 20 minutes later.',
        correct: false,
        explanation:
          'That is PostgreSQL with a single synchronous standby, which never gives up its guarantee. MySQL semi-sync gives up after its timeout.',
      },
      {
        id: 'rejected',
        text: 'Commits are rejected with an error until a replica acknowledges again.',
        correct: false,
        explanation: 'Semi-sync does not fail commits: it first waits, then carries on without the acknowledgement.',
      },
      {
        id: 'nothing',
        text: 'Nothing changes: semi-sync only needs the source’s own disk.',
        correct: false,
        explanation:
          'Semi-sync does wait for a replica’s acknowledgement on every commit, which is why the replica’s loss causes a stall before the fallback.',
      },
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
    id: 'split-brain',
    kind: 'single',
    prompt:
      'Zone a is cut off from the rest of the Region, but its primary keeps running and a few clients can still reach it. Your failover manager promotes the replica in zone b. What must also happen?',
    choices: [
      {
        id: 'fence',
        text: 'The old primary must be fenced so it can no longer accept writes.',
        correct: true,
        explanation:
          'Right: otherwise two primaries accept writes at once, each missing the other’s, which is split brain. Fencing (cutting off its storage, demoting it, or having it step down when it loses its majority) prevents it; Aurora hard-fences the old primary for you.',
      },
      {
        id: 'merge',
        text: 'Nothing yet: when zone a returns, the two databases merge their writes.',
        correct: false,
        explanation:
          'Relational databases do not merge two diverged histories. Conflicting rows, duplicate IDs and lost updates are left for a person to untangle, which is why split brain must be prevented, not repaired.',
      },
      {
        id: 'old-wins',
        text: 'When zone a returns, the old primary becomes primary again because it has the newest data.',
        correct: false,
        explanation:
          'By then the new primary has accepted writes the old one never saw. Letting the old one win throws those away; it has to rejoin as a replica instead.',
      },
      {
        id: 'sync-prevents',
        text: 'Nothing, provided replication is synchronous.',
        correct: false,
        explanation:
          'Synchronous replication stops the old primary from acknowledging writes only while it waits for a standby it cannot reach; another standby, a timeout or a changed setting can let it write again. Only fencing or a majority rule guarantees a single writer.',
      },
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
