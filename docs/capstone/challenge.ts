/**
 * The capstone's design challenge: a checkout API with an availability
 * target, a recovery point, a recovery time and a budget, graded by running
 * the reader's design against every zone lost in turn and a primary failure
 * (src/quiz/challenge.ts), each over several seeds with the database's
 * failover at the top of AWS's typical range. The brief's figures are
 * illustrative; the database figures behind the targets are AWS's (see the
 * chapter's sources).
 */
import {capacityPlan, costOfResilience, simulate, zoneOutage, type Model} from '@site/src/engine';
import {GRADING_RUN, GRADING_SEEDS} from '@site/src/quiz/challenge';
import {formatDuration} from '@site/src/utils/format';
import {LAB_ZONES} from '@site/src/lab/edit';
import type {ChallengeQuestion} from '@site/src/quiz/types';

const [az1, az2, az4] = LAB_ZONES as [string, string, string];

/** The brief: what the product asks for. */
export const BRIEF = {
  peakRequestsPerSecond: 600,
  writeShare: 0.2,
  capacityPerTask: 100,
  availability: 0.99,
  recoveryPointSeconds: 0,
  recoveryTimeSeconds: 90,
  maxTasks: 9,
  maxDatabaseInstances: 3,
  maxCrossZoneUsdPerMonth: 50,
  /** When the scenarios strike, and for how long a zone stays down. */
  faultAt: 600,
  zoneOutageSeconds: 1800,
} as const;

const traffic = {requestsPerSecond: BRIEF.peakRequestsPerSecond, writeShare: BRIEF.writeShare};
const service = {capacityPerTask: BRIEF.capacityPerTask};
const faults = [zoneOutage(az1, {at: BRIEF.faultAt, duration: BRIEF.zoneOutageSeconds})];

/** What the team runs today: six tasks over three zones and an RDS Multi-AZ DB instance. */
export const startDesign: Model = {
  zones: [az1, az2, az4],
  service: {...service, desiredCount: 6},
  traffic,
  database: {kind: 'multi-az-instance', primaryZone: az1, standbyZone: az2},
  faults,
  durationSeconds: 3600,
};

/** The reference design: three tasks in each of three zones, an RDS Multi-AZ DB cluster (a writer and a reader in each other zone). */
export const referenceDesign: Model = {
  zones: [az1, az2, az4],
  service: {...service, desiredCount: capacityPlan({zones: 3, peakRequestsPerSecond: BRIEF.peakRequestsPerSecond, capacityPerTask: BRIEF.capacityPerTask}).totalTasks},
  traffic,
  database: {kind: 'multi-az-cluster', writerZone: az1, readerZones: [az2, az4]},
  faults,
  durationSeconds: 3600,
};

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const usd = (value: number) => `$${Math.round(value)}`;
const crossZone = costOfResilience(referenceDesign);
/** The reference design's slowest recovery from losing the writer's zone, over the grading seeds, every failover at the top of AWS's typical range. */
const referenceRecovery = Math.max(...GRADING_SEEDS.map((seed) => simulate({...referenceDesign, seed}, GRADING_RUN).summary.timeToRecoverSeconds ?? 0));

const challenge: ChallengeQuestion = {
  id: 'checkout-design-worst-case',
  kind: 'challenge',
  prompt: `Design the checkout API of the brief above: ${BRIEF.peakRequestsPerSecond} req/s at peak, ${pct(BRIEF.writeShare)} of them writes, ${BRIEF.capacityPerTask} req/s per task. The lab starts from what the team runs today. Change the zones, the tasks, the load balancer and the database until every target is met; the load and the app's own figures are fixed by the brief.`,
  start: startDesign,
  targets: [
    {
      id: 'availability',
      label: `Availability: at least ${pct(BRIEF.availability)} of requests succeed in the hour of any one incident.`,
      metric: 'availability',
      op: 'atLeast',
      value: BRIEF.availability,
    },
    {
      id: 'rpo',
      label: `Recovery point (RPO): ${BRIEF.recoveryPointSeconds} s. No acknowledged order is ever lost.`,
      metric: 'recoveryPointSeconds',
      op: 'atMost',
      value: BRIEF.recoveryPointSeconds,
    },
    {
      id: 'rto',
      label: `Recovery time (RTO): every request succeeds again at most ${BRIEF.recoveryTimeSeconds} s after the fault.`,
      metric: 'timeToRecoverSeconds',
      op: 'atMost',
      value: BRIEF.recoveryTimeSeconds,
    },
    {
      id: 'no-overload',
      label: 'Capacity: no request fails as overload while a zone is lost.',
      metric: 'failedByCause.overload',
      op: 'atMost',
      value: 0,
      scenarios: [{kind: 'eachZoneLost', at: BRIEF.faultAt, duration: BRIEF.zoneOutageSeconds}],
    },
    {
      id: 'budget-tasks',
      label: `Budget: at most ${BRIEF.maxTasks} tasks.`,
      metric: 'totalTasks',
      op: 'atMost',
      value: BRIEF.maxTasks,
    },
    {
      id: 'budget-database',
      label: `Budget: at most ${BRIEF.maxDatabaseInstances} database instances (a primary or writer, plus its standbys and replicas).`,
      metric: 'databaseInstances',
      op: 'atMost',
      value: BRIEF.maxDatabaseInstances,
    },
    {
      id: 'budget-cross-zone',
      label: `Budget: at most ${usd(BRIEF.maxCrossZoneUsdPerMonth)} a month of traffic between zones billed as inter-AZ transfer, as the lab's cost panel estimates it.`,
      metric: 'crossZoneUsdPerMonth',
      op: 'atMost',
      value: BRIEF.maxCrossZoneUsdPerMonth,
    },
  ],
  scenarios: [
    {kind: 'eachZoneLost', at: BRIEF.faultAt, duration: BRIEF.zoneOutageSeconds},
    {kind: 'primaryFailure', at: BRIEF.faultAt},
  ],
  solution: referenceDesign,
  explanation: `The reference design runs 3 tasks in each of 3 zones: losing any zone leaves 6 × ${BRIEF.capacityPerTask} = ${BRIEF.peakRequestsPerSecond} req/s, the whole peak, so nothing fails as overload and nothing waits for a replacement task. Its database is an RDS Multi-AZ DB cluster, a writer and a readable standby in each other zone: 3 instances; a commit waits for one standby's acknowledgement, so no acknowledged order is lost, and its failover typically takes under 35 s, so even at that worst the last failed request comes with the health checks and the clients' DNS answers: ${formatDuration(referenceRecovery)} after the fault when the writer's zone is lost, inside the ${BRIEF.recoveryTimeSeconds} s. Aurora with a replica also loses nothing and is often back in under 60 s, but AWS says only that it is typically under 120 s, and grading plans for the top of each typical range; the RDS Multi-AZ DB instance the team runs today typically takes 60 to 120 s; an asynchronous replica loses its lag's worth of orders. Behind the Application Load Balancer, the ${pct(crossZone.crossZoneShare)} of requests that reach a task in another zone cost nothing extra; what is billed is the database traffic from the tasks outside the writer's zone, about ${usd(crossZone.crossZoneUsdPerMonth)} a month at the list price. A Network Load Balancer with cross-zone on would bill the requests too and break the budget.`,
};

export default challenge;
