/**
 * Chapter 10 quiz: self-managed replication. Figures are from
 * /work/shared/reference/facts.md (PostgreSQL, Patroni, MySQL semi-sync,
 * Galera, EKS); the simulated answers are computed from the engine below.
 */
import {PATRONI, PATRONI_MINIMUM, primaryFailure, promoteReplica, simulate, zoneOutage} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';

/**
 * MySQL semi-sync with one replica: the replica's zone fails at t = 1200 s,
 * the primary dies for good at t = 1500 s, and the replica is promoted by hand
 * as soon as its zone is back (t = 2100 s). 20 writes a second; the service's
 * tasks sit outside zone b, so only the database feels its outage.
 */
const semiSyncFallback = simulate({
  zones: ['a', 'b', 'c'],
  service: {tasksPerZone: {a: 1, c: 1}},
  database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b'], replication: 'semi-sync'},
  traffic: {requestsPerSecond: 200, writeShare: 0.1},
  faults: [zoneOutage('b', {at: 1200, duration: 900}), primaryFailure({at: 1500})],
  actions: [promoteReplica({at: 2100})],
  durationSeconds: 3600,
});
const semiSyncWritesLost = Math.round(semiSyncFallback.summary.writesLost);

/** Patroni's worst case when PostgreSQL crashes on a live node and never comes back. */
const crashWorstSeconds = simulate(
  {
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3},
    database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b', 'c'], replication: 'sync'},
    traffic: {requestsPerSecond: 100, writeShare: 0.1},
    faults: [primaryFailure({at: 600, failed: 'process'})],
  },
  {draws: 'worst'},
).summary.databaseDowntimeSeconds;

/** Patroni's time without writes after the primary's node dies, over twenty seeds, with these `ttl` and `loop_wait`. */
function ttlRange(ttlSeconds: number, loopWaitSeconds: number) {
  const seconds = Array.from({length: 20}, (_, i) =>
    simulate({
      zones: ['a', 'b', 'c'],
      seed: i + 1,
      service: {desiredCount: 3},
      database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b', 'c'], replication: 'sync', ttlSeconds, loopWaitSeconds},
      traffic: {requestsPerSecond: 100, writeShare: 0.1},
      faults: [primaryFailure({at: 600})],
    }).summary.databaseDowntimeSeconds,
  );
  return {low: Math.min(...seconds), high: Math.max(...seconds)};
}
const TTL_DEFAULTS = ttlRange(PATRONI.ttlSeconds, PATRONI.loopWaitSeconds);
/**
 * Faster settings a team might propose. Patroni refuses a `ttl` under its minimum (20 s); of the rest,
 * its rule `loop_wait + 2 × retry_timeout ≤ ttl` decides which are safe. Only settings Patroni accepts are run.
 */
const TTL_PROPOSALS = [
  {id: 'ttl-20-loop-10', ttl: 20, loopWait: 10, retryTimeout: 10},
  {id: 'ttl-20-loop-5', ttl: 20, loopWait: 5, retryTimeout: 5},
  {id: 'ttl-25-loop-5-retry-10', ttl: 25, loopWait: 5, retryTimeout: 10},
  {id: 'ttl-15-loop-5', ttl: 15, loopWait: 5, retryTimeout: 5},
].map((proposal) => {
  const accepted = proposal.ttl >= PATRONI_MINIMUM.ttlSeconds && proposal.loopWait >= PATRONI_MINIMUM.loopWaitSeconds;
  const withinRule = proposal.loopWait + 2 * proposal.retryTimeout <= proposal.ttl;
  return {...proposal, accepted, withinRule, safe: accepted && withinRule, lab: accepted ? ttlRange(proposal.ttl, proposal.loopWait) : null};
});

/** Why a proposal is or is not a configuration that fences a cut-off leader, with what it costs in the lab. */
function proposalExplanation({ttl, loopWait, retryTimeout, accepted, withinRule, lab}: (typeof TTL_PROPOSALS)[number]): string {
  const sum = `${loopWait} + 2 × ${retryTimeout} = ${loopWait + 2 * retryTimeout} s`;
  if (!accepted || lab === null) {
    return `Patroni does not run with a \`ttl\` under ${PATRONI_MINIMUM.ttlSeconds} s, the lowest its documentation allows, so this is not a configuration the team can use, even though ${sum} is within ${ttl} s. The lab refuses it too.`;
  }
  if (!withinRule) {
    return `${sum}, more than the ${ttl} s \`ttl\`. A leader that lost touch with the DCS may still be retrying, and taking writes, when its key expires and a standby takes over: two primaries. In the lab, writes stop for ${lab.low} to ${lab.high} s over twenty seeds, faster, but the model does not check the rule: it shows the speed, not the risk.`;
  }
  const price =
    retryTimeout < PATRONI.retryTimeoutSeconds
      ? 'a shorter `retry_timeout` also demotes a healthy leader on a shorter DCS hiccup.'
      : 'a shorter lease also turns a shorter hiccup between a healthy primary and the DCS into a failover.';
  return `Right: ${sum}, within the ${ttl} s \`ttl\`, and Patroni accepts these values. The leader gives up and stops writing before its key can expire, so it fences itself. In the lab, writes stop for ${lab.low} to ${lab.high} s over twenty seeds. The price: ${price}`;
}

/** The primary's zone fails at 10:00:00; its leader key was last renewed this many seconds before (within one loop_wait, as it always is). */
const KEY = (() => {
  const renewedAgo = 6;
  if (renewedAgo > PATRONI.loopWaitSeconds) throw new Error('a leader renews its key every loop_wait');
  const expires = PATRONI.ttlSeconds - renewedAgo;
  return {renewedAgo, renewedClock: `09:59:${60 - renewedAgo}`, expires, latest: expires + PATRONI.loopWaitSeconds};
})();

const questions: QuizQuestion[] = [
  {
    id: 'acknowledged-before-flush',
    kind: 'multiple',
    prompt:
      'A PostgreSQL primary in zone a names one synchronous standby in zone b. A commit has reached the standby’s operating system but is not yet on the standby’s disk when zone a loses power and, in the same second, the standby’s host crashes and restarts. Under which `synchronous_commit` settings had the client already been told that this commit succeeded, so that it is now an acknowledged write that no copy holds? Select all that apply.',
    choices: [
      {
        id: 'local',
        text: '`local`',
        correct: true,
        explanation: 'Right: `local` acknowledges once the primary’s own disk has the commit, without waiting for the standby at all. The primary’s zone is gone, and the standby never had it on disk.',
      },
      {
        id: 'remote-write',
        text: '`remote_write`',
        correct: true,
        explanation:
          'Right: `remote_write` acknowledges once the standby has handed the data to its operating system. That is exactly where this commit was when the standby’s host crashed, so it was acknowledged and lost.',
      },
      {
        id: 'on',
        text: '`on`',
        correct: false,
        explanation: 'With synchronous standbys named, `on` waits until a standby has flushed the commit to disk. This one never got there, so the client was still waiting: its commit failed, but no acknowledged write was lost.',
      },
      {
        id: 'remote-apply',
        text: '`remote_apply`',
        correct: false,
        explanation:
          '`remote_apply` waits even longer than `on`: until the standby has replayed the commit. The client was still waiting, so nothing it was told had succeeded was lost.',
      },
    ],
  },
  {
    id: 'first-vs-any',
    kind: 'single',
    prompt:
      'The primary is in zone a, with standbys `pg_b` (zone b) and `pg_c` (zone c). Which `synchronous_standby_names` keeps a zero recovery point AND keeps commits flowing when any one zone other than a fails?',
    choices: [
      {
        id: 'any-2',
        text: '`ANY 2 (pg_b, pg_c)`',
        correct: false,
        explanation:
          'Every commit then needs both standbys. When zone b or zone c fails, only one is left and every commit waits until the zone returns.',
      },
      {
        id: 'any-1',
        text: '`ANY 1 (pg_b, pg_c)`',
        correct: true,
        explanation:
          'Right: each commit waits for whichever standby answers first, so it is always in two zones, and losing one standby’s zone leaves the other to answer. (`FIRST 1 (pg_b, pg_c)` would also do: `pg_c` steps in when `pg_b` is gone.)',
      },
      {
        id: 'single-standby',
        text: '`FIRST 1 (pg_b)`',
        correct: false,
        explanation: 'Only `pg_b` may acknowledge. If zone b fails, nobody is left to wait for and commits stop.',
      },
      {
        id: 'empty',
        text: 'An empty list, with `synchronous_commit = on`',
        correct: false,
        explanation:
          'With no synchronous standby named, `on` waits only for the local disk: replication is asynchronous, and the primary’s zone can take acknowledged writes with it.',
      },
    ],
  },
  {
    id: 'faster-patroni-settings-it-accepts',
    kind: 'multiple',
    prompt: `A team runs Patroni with its defaults (\`ttl\` ${PATRONI.ttlSeconds} s, \`loop_wait\` ${PATRONI.loopWaitSeconds} s, \`retry_timeout\` ${PATRONI.retryTimeoutSeconds} s); in the lab, writes stop for ${TTL_DEFAULTS.low} to ${TTL_DEFAULTS.high} s when the primary’s node dies. To shorten that, it proposes these settings. Which would Patroni run with, and still make a leader cut off from the DCS demote itself before its key can expire? Select all that apply.`,
    choices: TTL_PROPOSALS.map((proposal) => ({
      id: proposal.id,
      text: `\`ttl\` ${proposal.ttl} s, \`loop_wait\` ${proposal.loopWait} s, \`retry_timeout\` ${proposal.retryTimeout} s.`,
      correct: proposal.safe,
      explanation: proposalExplanation(proposal),
    })),
    hints: [{choiceIds: ['ttl-15-loop-5'], text: 'The sum fits, but look up the lowest `ttl` Patroni’s dynamic configuration allows.'}],
  },
  {
    id: 'semi-sync-operator-promotes',
    kind: 'numeric',
    prompt:
      'MySQL semi-sync, one replica, default 10 s timeout, 20 writes a second. At t = 1200 s the replica’s zone fails. At t = 1500 s the source dies for good; an operator promotes the replica once its zone is back. How many acknowledged writes are lost?',
    answer: semiSyncWritesLost,
    tolerance: Math.round(semiSyncWritesLost * 0.1),
    unit: 'writes',
    explanation: `Commits stall for 10 s when the replica vanishes, then the source falls back to asynchronous and acknowledges writes nobody else has. From t = 1210 s to 1500 s that is 290 s × 20 writes/s ≈ ${semiSyncWritesLost} writes, all lost when the stale replica is promoted. Semi-sync’s zero recovery point ends at the fallback.`,
  },
  {
    id: 'galera-two-zone-cluster',
    kind: 'multiple',
    prompt:
      'To save on a third zone, a shop runs its orders on a Galera cluster of three data nodes: `db1` and `db2` in zone a, `db3` in zone b, nothing in zone c. Each event below happens on a different day, to the whole healthy cluster. After which of them does some node go on accepting writes? Select all that apply.',
    choices: [
      {
        id: 'zone-b-lost',
        text: 'Zone b fails.',
        correct: true,
        explanation: 'Right: `db1` and `db2` hold two of the three votes, a majority, so they stay the Primary Component and keep taking writes.',
      },
      {
        id: 'zone-a-lost',
        text: 'Zone a fails.',
        correct: false,
        explanation: '`db3` is left with one vote of three, not a majority, so it stops taking writes rather than risk a split brain. The layout survives one zone but not the other.',
      },
      {
        id: 'link-cut',
        text: 'The network between zones a and b fails; all three nodes keep running.',
        correct: true,
        explanation:
          'Right: `db1` and `db2` still see each other, two votes of three, and go on taking writes; `db3`, alone in zone b, stops. Clients in zone b that write through `db3` get errors until they reach a node in zone a.',
      },
      {
        id: 'garbd-then-zone-a',
        text: 'The team adds `garbd` in zone c; later, zone a fails.',
        correct: false,
        explanation:
          'The arbitrator is a fourth vote. Losing zone a takes two of the four, leaving `db3` and `garbd` with exactly half, which is not a majority, so writes stop. An arbitrator helps two data nodes in two zones; here the zones themselves are uneven.',
      },
      {
        id: 'move-db2-then-zone-a',
        text: 'The team moves `db2` to zone c; later, zone a fails.',
        correct: true,
        explanation: 'Right: with one node in each zone, losing any zone leaves two votes of three. What survives a zone is not the number of nodes but how the votes are split across zones.',
      },
    ],
    hints: [
      {choiceIds: ['zone-a-lost'], text: 'Count the votes left in zone b when zone a is gone. Is it more than half?'},
      {choiceIds: ['garbd-then-zone-a'], text: 'How many votes does the cluster have once `garbd` joins, and how many are left when zone a goes?'},
    ],
  },
  {
    id: 'statefulset-zone-runbook',
    kind: 'multiple',
    prompt:
      'A team runs PostgreSQL on EKS as a StatefulSet with one pod, `pg-0`, whose EBS volume is in zone a; there is no standby. Its runbook says: “If zone a fails, Kubernetes evicts `pg-0` after 300 s and reschedules it in zone b, so writes are back within about six minutes.” Zone a fails at 14:00 for two hours, and the database takes no writes until zone a is back. Which changes would have kept it taking writes within a few minutes of the loss? Select all that apply.',
    choices: [
      {
        id: 'standby-pod',
        text: 'A second PostgreSQL pod in zone b with its own volume, streaming from the primary, and Patroni (or an operator that runs it) to promote it.',
        correct: true,
        explanation: `Right: the standby is already running outside zone a with its own copy of the data, so nothing has to move. Patroni promotes it once the leader key expires; in the lab, writes stop for ${TTL_DEFAULTS.low} to ${TTL_DEFAULTS.high} s when the primary’s node dies. The 300 s eviction never matters to it.`,
      },
      {
        id: 'short-toleration',
        text: 'Lower the pod’s `node.kubernetes.io/unreachable` toleration from 300 s to 30 s.',
        correct: false,
        explanation:
          'The pod is evicted sooner, but its replacement still needs the volume, and an EBS volume attaches only to an instance in its own zone. The replacement waits for zone a either way.',
      },
      {
        id: 'force-delete',
        text: 'Have the on-call engineer force-delete `pg-0` as soon as zone a fails.',
        correct: false,
        explanation:
          'That removes the StatefulSet’s wait for the old pod to be gone (at the risk of two pods with one identity if the old one is still alive), but the new `pg-0` is bound to the same volume in zone a, so it cannot start in zone b either.',
      },
      {
        id: 'three-replicas',
        text: 'Raise the StatefulSet to three replicas with a zone topology spread constraint.',
        correct: false,
        explanation:
          'Each new pod gets a volume of its own, empty, in its own zone: three separate databases, not three copies of one. Without PostgreSQL replication and a failover manager, the data still lives only on `pg-0`’s volume in zone a.',
      },
    ],
    hints: [
      {choiceIds: ['short-toleration'], text: 'After the eviction, where can the replacement pod run? Look at where its volume lives.'},
      {choiceIds: ['three-replicas'], text: 'What is on the volumes of the two new pods?'},
    ],
  },
  {
    id: 'homemade-failover-post-mortem',
    kind: 'multiple',
    prompt:
      'Post-mortem. The orders database is PostgreSQL with its primary in zone a and a streaming standby in zone b. Failover is a script on a small instance in zone b: it checks the primary every 5 s and, after three failed checks in a row, promotes the standby and points the `db.internal` DNS record (TTL 60 s) at it. At 10:00:00 the network between zone a and the other zones failed for four minutes; nothing stopped. At 10:00:15 the script promoted the standby. The tasks in zone a kept their pooled connections to the old primary and went on writing orders to it until the link healed; the old primary was then rebuilt from the new one, and those orders were gone. Which changes would have kept the old primary from acknowledging them? Select all that apply.',
    choices: [
      {
        id: 'stop-before-promote',
        text: 'The script promotes the standby only after the EC2 API confirms that the old primary’s instance has stopped.',
        correct: true,
        explanation:
          'Right: that is fencing by stopping the machine. If the old primary cannot be confirmed stopped, the script does not promote, and the tasks outside zone a fail their writes instead of having them thrown away later; a failed write can be retried, a lost acknowledged one cannot.',
      },
      {
        id: 'patroni-proxy',
        text: 'Patroni instead of the script, with its DCS (etcd) running one member in each zone, and the tasks connecting through a proxy that sends writes only to the node answering `/primary`.',
        correct: true,
        explanation: `Right: cut off from the majority of the DCS, the old leader cannot renew its key and demotes itself before the key can expire (the rule \`loop_wait\` + 2 × \`retry_timeout\` ≤ \`ttl\`), and the proxy stops sending writes to a node that no longer answers \`/primary\`. With the defaults the standby takes over ${TTL_DEFAULTS.low} to ${TTL_DEFAULTS.high} s after the primary’s node is lost in the lab: later than the script, and safely.`,
      },
      {
        id: 'faster-checks',
        text: 'Check every second and promote after one failed check.',
        correct: false,
        explanation:
          'Speed does not fence. The old primary would go on taking writes just the same, only with a second primary from 10:00:01 instead of 10:00:15, and a lost packet would now be enough to start a failover.',
      },
      {
        id: 'short-dns-ttl',
        text: 'Lower the TTL of `db.internal` from 60 s to 5 s.',
        correct: false,
        explanation:
          'A pooled connection looks the name up only when it is opened. The tasks in zone a kept theirs to the old primary, which went on answering, so they never had a reason to reconnect.',
      },
      {
        id: 'second-standby',
        text: 'Add a second standby in zone c, so the script can promote whichever is further ahead.',
        correct: false,
        explanation: 'A better choice of new primary does nothing about the old one, which stays writable on the far side of the cut.',
      },
    ],
    hints: [
      {choiceIds: ['faster-checks'], text: 'With faster checks, would the old primary stop taking writes any sooner?'},
      {choiceIds: ['short-dns-ttl'], text: 'When does a connection that is already open look up the name again?'},
    ],
  },
  {
    id: 'patroni-process-crash',
    kind: 'numeric',
    prompt:
      'Patroni with default settings. PostgreSQL crashes on the primary, but the node and its Patroni agent stay up, and PostgreSQL will not start again. At worst, how many seconds pass before a standby accepts writes?',
    answer: crashWorstSeconds,
    tolerance: 0,
    unit: 's',
    explanation: `The agent still renews the leader key, so no failover starts. It notices the crash within one loop_wait (${PATRONI.loopWaitSeconds} s) and restarts PostgreSQL in place for up to primary_start_timeout (${PATRONI.primaryStartTimeoutSeconds} s); then it gives up and a standby takes the key within one more loop: ${PATRONI.loopWaitSeconds} + ${PATRONI.primaryStartTimeoutSeconds} + ${PATRONI.loopWaitSeconds} = ${crashWorstSeconds} s, Patroni’s documented worst case. Losing the whole node takes only 20 to 40 s, because then nobody renews the key.`,
  },
  {
    id: 'leader-key-latest',
    kind: 'numeric',
    prompt: `Patroni with default settings (\`ttl\` ${PATRONI.ttlSeconds} s, \`loop_wait\` ${PATRONI.loopWaitSeconds} s). Zone a, with the primary, fails at 10:00:00. The DCS shows the leader key was last renewed at ${KEY.renewedClock}. At the latest, how many seconds after 10:00:00 does a standby hold the key and promote itself?`,
    answer: KEY.latest,
    tolerance: 0,
    unit: 's',
    hints: [
      {value: PATRONI.ttlSeconds, text: 'The key’s clock did not start at the failure: it started at its last renewal.'},
      {value: KEY.expires, text: 'That is when the key expires. The standbys look at the DCS once per loop, so one may see it only a little later.'},
      {value: PATRONI.ttlSeconds + PATRONI.loopWaitSeconds, text: 'That would be a key renewed at the very moment of the failure; this one was renewed earlier.'},
    ],
    explanation: `A failover starts with a lease running out, not with an alarm. The key expires \`ttl\` after its last renewal: ${PATRONI.ttlSeconds} s after ${KEY.renewedClock}, which is ${PATRONI.ttlSeconds} − ${KEY.renewedAgo} = ${KEY.expires} s after the failure. The standbys check on their next loop, within one \`loop_wait\`, so at the latest at ${KEY.latest} s the most up-to-date eligible standby takes the key (one too far behind, past \`maximum_lag_on_failover\`, stays out of the race). Clients still have to find the new primary after that. Since the last renewal comes up to one \`loop_wait\` before any failure, the defaults give 20 to 40 s.`,
  },
];

export default questions;
