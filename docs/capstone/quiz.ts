/**
 * The capstone's quiz: five questions on reading the brief as engineering,
 * and the design challenge itself (./challenge.ts). Every simulated number is
 * computed here from the engine; the failover times are AWS's documented
 * typical values (facts.md, "Databases" and "RTO / RPO"), and the challenge
 * grades them at the slow end of their range.
 */
import {costOfResilience, replicationRace, simulate, zoneOutage, type Model} from '@site/src/engine';
import {GRADING_RUN} from '@site/src/quiz/challenge';
import {formatDuration} from '@site/src/utils/format';
import type {QuizQuestion} from '@site/src/quiz/types';
import challenge, {BRIEF, referenceDesign, startDesign} from './challenge';

const [az1, az2, az4] = startDesign.zones as [string, string, string];

/** Today's design losing a zone that holds no database primary. */
const startLosesAz2 = simulate({...startDesign, faults: [zoneOutage(az2, {at: BRIEF.faultAt, duration: BRIEF.zoneOutageSeconds})]}).summary;
const recoverySeconds = Math.round(startLosesAz2.timeToRecoverSeconds ?? 0);
const overloadRequests = Math.round(startLosesAz2.failedByCause.timeout + startLosesAz2.failedByCause.shed);

const writesPerSecond = BRIEF.peakRequestsPerSecond * BRIEF.writeShare;
const asyncLoss = replicationRace({mode: 'async', lagSeconds: 5, writeRate: writesPerSecond});

const fourZones = costOfResilience({...referenceDesign, zones: [az1, az2, az4, 'use1-az5'], service: {capacityPerTask: BRIEF.capacityPerTask, desiredCount: 8}});
const threeZones = costOfResilience(referenceDesign);
const behindNlb = costOfResilience({...referenceDesign, loadBalancer: {type: 'network', crossZone: true}});
const flow = (cost: typeof threeZones, id: 'loadBalancer' | 'database') => cost.crossZoneFlows.find((f) => f.id === id)!;
const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const usd = (value: number) => `$${Math.round(value)}`;

/** The writer's zone lost with each database behind 9 tasks, every failover at the top of AWS's typical range, as the challenge grades. */
const DATABASES = [
  {id: 'cluster', text: 'RDS Multi-AZ DB cluster: a writer and two readable standbys.', database: {kind: 'multi-az-cluster', writerZone: az1, readerZones: [az2, az4]}},
  {id: 'aurora-replica', text: `Aurora with one replica in ${az2}.`, database: {kind: 'aurora', writerZone: az1, replicaZones: [az2]}},
  {id: 'multi-az-instance', text: `RDS Multi-AZ DB instance with its standby in ${az2}.`, database: {kind: 'multi-az-instance', primaryZone: az1, standbyZone: az2}},
  {id: 'aurora-alone', text: 'Aurora with no replica.', database: {kind: 'aurora', writerZone: az1}},
] as const satisfies readonly {id: string; text: string; database: Model['database']}[];
const downtimes = DATABASES.map(({id, text, database}) => ({
  id,
  text,
  seconds: simulate({...startDesign, service: {...startDesign.service, desiredCount: referenceDesign.service?.desiredCount}, database}, GRADING_RUN).summary.databaseDowntimeSeconds,
}));
const DOWNTIME_REASON: Record<(typeof DATABASES)[number]['id'], string> = {
  cluster: 'It promotes a readable standby that is already up to date, typically in under 35 s, so the lost tasks’ health checks and the clients’ DNS answers are the slower clocks.',
  'aurora-replica': 'Aurora promotes a replica over its shared storage often in under 60 s, but AWS says only “typically under 120 s”, and “often” is not a bound.',
  'multi-az-instance': 'A Multi-AZ DB instance switches its DNS name to the standby, typically in 60 to 120 s.',
  'aurora-alone': 'With no replica Aurora recreates the writer in its own zone, in under 10 minutes, which cannot happen while that zone is down: in the lab the writer is recreated only after the zone returns, and in real life someone creates an instance in another zone by hand.',
};

const questions: QuizQuestion[] = [
  {
    id: 'today-misses-recovery',
    kind: 'single',
    prompt: `Today's design (6 tasks over 3 zones, an RDS Multi-AZ DB instance with its primary in ${az1}) loses zone ${az2}, where only its standby runs. The lab shows requests failing for ${recoverySeconds} s, beyond the ${BRIEF.recoveryTimeSeconds} s recovery time. What keeps them failing that long?`,
    choices: [
      {
        id: 'overload',
        text: `The 4 tasks left serve ${4 * BRIEF.capacityPerTask} req/s of the ${BRIEF.peakRequestsPerSecond} req/s, so requests fail as overload, and replacement tasks bring back no more than the peak itself.`,
        correct: true,
        explanation: `Right: ${overloadRequests.toLocaleString('en-US')} requests fail as overload in the lab's run. Without load shedding, the 4 tasks left queue what they cannot serve until requests wait past the clients' timeout, and then almost everything times out. The replacements only bring the capacity back to the peak itself, with nothing over to drain the backlog, so the failures outlast the fault. Three tasks a zone would leave the whole peak's capacity standing.`,
      },
      {
        id: 'health-checks',
        text: 'The load balancer needs more than 90 s to mark the lost tasks unhealthy.',
        correct: false,
        explanation: 'With the ALB defaults (30 s interval, 5 s timeout, 2 failures) a dead target is marked unhealthy 35 to 65 s after it dies: inside the 90 s. Those failures end well before the last ones.',
      },
      {
        id: 'database-failover',
        text: 'The database fails over to its standby, which takes 60 to 120 s.',
        correct: false,
        explanation: `The primary runs in ${az1}, which is up. Losing ${az2} only takes the standby away; writes carry on, with no failover at all.`,
      },
      {
        id: 'sessions',
        text: 'The sessions of the users served in the lost zone have to be rebuilt.',
        correct: false,
        explanation: 'The design keeps sessions in a multi-zone store, the lab’s default, so no session is lost and nothing has to be rebuilt.',
      },
    ],
  },
  {
    id: 'async-orders-lost',
    kind: 'numeric',
    prompt: `To save money, someone proposes a primary with an asynchronous read replica that runs 5 s behind, promoted automatically when the primary is lost. At the brief's peak (${BRIEF.peakRequestsPerSecond} req/s, ${pct(BRIEF.writeShare)} writes), about how many acknowledged orders does one promotion lose?`,
    answer: asyncLoss.writesLostOnPrimaryLoss,
    tolerance: 0,
    unit: 'orders',
    explanation: `${pct(BRIEF.writeShare)} of ${BRIEF.peakRequestsPerSecond} req/s is ${writesPerSecond} writes a second. The replica holds none of the last 5 s, so promoting it loses 5 × ${writesPerSecond} = ${asyncLoss.writesLostOnPrimaryLoss} orders the customers were told had gone through. The recovery point is the lag, not 0 s, so the design misses the brief however fast the promotion is.`,
  },
  {
    id: 'billed-cross-zone-bytes',
    kind: 'single',
    prompt: `The reference design runs 9 tasks over three zones behind an Application Load Balancer with cross-zone load balancing on, so ${pct(threeZones.crossZoneShare)} of requests reach a task in another zone, and the database cluster's writer in ${az1}. Which of its traffic between zones is billed as inter-AZ data transfer?`,
    choices: [
      {
        id: 'database-calls',
        text: `The tasks in the other two zones calling the database writer in ${az1}.`,
        correct: true,
        explanation: `Right: traffic between your tasks and a database in another zone is billed. Two tasks in three sit outside ${az1}: about ${Math.round(flow(threeZones, 'database').gbPerMonth)} GB a month, ${usd(threeZones.crossZoneUsdPerMonth)} at the list price with the lab's estimate of 4 kB a database call. Four zones would send three calls in four across (${usd(fourZones.crossZoneUsdPerMonth)}).`,
      },
      {
        id: 'alb-to-tasks',
        text: 'The load balancer sending requests to tasks in other zones.',
        correct: false,
        explanation: `Not on an ALB: its traffic to targets in another zone carries no inter-AZ charge. Behind a Network Load Balancer with cross-zone on it would be billed: about ${Math.round(flow(behindNlb, 'loadBalancer').gbPerMonth)} GB, ${usd(flow(behindNlb, 'loadBalancer').usdPerMonth)} a month more, over the ${usd(BRIEF.maxCrossZoneUsdPerMonth)} budget.`,
      },
      {
        id: 'nothing',
        text: 'Nothing: traffic inside one Region is free.',
        correct: false,
        explanation: 'Transfer between zones of a Region is billed, $0.01/GB in each direction at the time of writing; only some of it (an ALB’s traffic to its targets) is exempt.',
      },
      {
        id: 'farther',
        text: 'Only traffic to the zone farthest away, which is priced higher.',
        correct: false,
        explanation: 'Transfer between zones of a Region has one list price, $0.01/GB in each direction at the time of writing, whichever two zones it joins.',
      },
    ],
  },
  {
    id: 'what-the-model-does-not-check',
    kind: 'multiple',
    prompt: 'Your design passes in the lab. Which of these has the lab’s model not checked, so a game day on the real system still has to? Select all that apply.',
    choices: [
      {
        id: 'reconnect',
        text: 'That the application reconnects after a database failover and respects the endpoint’s DNS TTL.',
        correct: true,
        explanation: 'Right: the model reconnects database clients at once. Real clients must notice the old connection is dead and resolve the endpoint again; a client that caches DNS too long keeps talking to the old primary.',
      },
      {
        id: 'control-plane',
        text: 'That replacement tasks can be started while the zone is down.',
        correct: true,
        explanation: 'Right: the model’s scheduler always works. In a real event the control plane may be slow or impaired, which is why the design should not need new tasks: static stability.',
      },
      {
        id: 'latency',
        text: 'That requests stay fast enough during the failover.',
        correct: true,
        explanation: 'Right: the model times a request only by its wait in a task’s queue (its p50 and p99 latency), and the capstone’s targets do not bound even that. Time on the network between zones, a slow disk and the latency a gray failure adds are not modelled at all: a game day on the real system has to measure them.',
      },
      {
        id: 'survivors-carry-peak',
        text: 'That the zones left after a loss can carry the peak.',
        correct: false,
        explanation: 'The model checks this: requests above the capacity of the tasks in service fail as overload, and the challenge runs every zone lost in turn.',
      },
      {
        id: 'writes-lost',
        text: 'Whether acknowledged writes are lost when a replica is promoted.',
        correct: false,
        explanation: 'The model checks this too: a promotion loses the acknowledged writes the replica did not hold, and the recovery point target is measured from that.',
      },
    ],
  },
  {
    id: 'database-in-time',
    kind: 'multiple',
    prompt: `The brief allows ${BRIEF.recoveryTimeSeconds} s until every request succeeds again, and the team is choosing the database. Zone ${az1}, which holds the writer, is lost at 10:00. Planning at the top of the typical failover range AWS documents for each, as the challenge grades, which of these take orders again in time? Select all that apply.`,
    choices: downtimes.map(({id, text, seconds}) => ({
      id,
      text,
      correct: seconds <= BRIEF.recoveryTimeSeconds,
      explanation: `${seconds <= BRIEF.recoveryTimeSeconds ? 'Right: in' : 'In'} the lab, at the top of the typical failover range, it takes no writes for ${formatDuration(seconds)}${seconds <= BRIEF.recoveryTimeSeconds ? `, inside the ${BRIEF.recoveryTimeSeconds} s` : `, past the ${BRIEF.recoveryTimeSeconds} s`}. ${DOWNTIME_REASON[id]}`,
    })),
  },
  challenge,
];

export default questions;
