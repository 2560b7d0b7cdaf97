/**
 * The introduction's warm-up quiz: popular summaries of multi-AZ behaviour
 * put to work on a service, and the ALB health-check defaults. Every AWS
 * figure is from /work/shared/reference/facts.md ("Common oversimplifications",
 * "Elastic Load Balancing" and "Databases"), where each one has its AWS
 * source; every figure the model produces is computed below by the engine.
 */
import {DEFAULT_ASYNC_LAG_SECONDS, DEFAULT_REQUESTS_PER_SECOND, DEFAULT_TASK_START_SECONDS, getPreset, healthCheckDetection, simulate, type Model} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';
import {formatCount} from '@site/src/utils/format';

/** The ALB's default health check, worked out by the engine's helper. */
const detection = healthCheckDetection();

/** Twenty seeds: when the health checks fall, and where a failover lands in AWS's range, move with the seed. */
const SEEDS = Array.from({length: 20}, (_, i) => i + 1);

// The lone task (chapter 2's lab) and five proposals for it, ranked by the requests each run fails.
const loneModel = getPreset('one-task-two-zones').model;
const loneFailed = (model: Model) => Math.round(simulate(model).summary.failed);
const fastChecks = {healthCheck: {intervalSeconds: 10}};
const FAST_START_SECONDS = 20;
const LONE_FIXES = [
  {id: 'second-task', text: 'Run a second task, in zone b, each task able to carry the whole load.', model: {...loneModel, service: {...loneModel.service, desiredCount: 2}}},
  {id: 'checks-and-image', text: `Both: check every 10 s and start a replacement in ${FAST_START_SECONDS} s.`, model: {...loneModel, loadBalancer: fastChecks, service: {...loneModel.service, startSeconds: FAST_START_SECONDS}}},
  {id: 'slim-image', text: `Slim the image, so a replacement starts in ${FAST_START_SECONDS} s.`, model: {...loneModel, service: {...loneModel.service, startSeconds: FAST_START_SECONDS}}},
  {id: 'faster-checks', text: 'Check the target every 10 s instead of every 30 s.', model: {...loneModel, loadBalancer: fastChecks}},
  {id: 'bigger-task', text: 'Make the task twice the size, able to serve twice the load.', model: {...loneModel, service: {...loneModel.service, capacityPerTask: 2 * DEFAULT_REQUESTS_PER_SECOND}}},
] as const satisfies readonly {id: string; text: string; model: Model}[];
const loneFixes = LONE_FIXES.map(({id, text, model}) => ({id, text, failed: loneFailed(model)}));
const LONE = {rate: DEFAULT_REQUESTS_PER_SECOND, startSeconds: DEFAULT_TASK_START_SECONDS, failed: loneFailed(loneModel)};
// The steps are listed fewest failures first; the quiz grades that order, so the engine must agree with it.
if (loneFixes.some((fix, i) => i > 0 && fix.failed <= loneFixes[i - 1]!.failed)) {
  throw new Error(`the lone-task ranking no longer holds in the engine: ${loneFixes.map((fix) => `${fix.id} ${fix.failed}`).join(', ')}`);
}
const LONE_FIX_TITLE: Record<(typeof LONE_FIXES)[number]['id'], string> = {
  'second-task': 'a second task',
  'checks-and-image': 'faster checks and a slimmer image',
  'slim-image': 'the slimmer image',
  'faster-checks': 'faster checks',
  'bigger-task': 'a task twice the size',
};
const LONE_FIX_REASON: Record<(typeof LONE_FIXES)[number]['id'], string> = {
  'second-task': 'the task in zone b serves the whole time, so no clock runs with nothing serving: what fails is the share sent to the dead task until it is marked unhealthy, and clients still holding the lost zone’s address',
  'checks-and-image': 'detection, start and the first passing check are all shorter, but they still run one after the other with nothing serving',
  'slim-image': 'the start is one clock in series with detection and the first passing check',
  'faster-checks': 'detection and the first passing check get shorter, but the 60 s start stays in series',
  'bigger-task': 'as many as today: size changes nothing, since the one task still dies with its zone',
};

// The lone task's zone lost (chapter 2's lab): when it is marked unhealthy and when a replacement first serves.
const loneRun = simulate(loneModel);
const loneEventAt = (type: string): number => {
  const event = loneRun.events.find((e) => e.type === type);
  if (event === undefined) throw new Error(`intro quiz: the lone task's run has no ${type} event`);
  return event.t;
};
const LONE_RUN = {
  detected: loneEventAt('lb/targetMarkedUnhealthy') - loneEventAt('zone/failed'),
  serving: loneEventAt('lb/targetHealthy') - loneEventAt('zone/failed'),
  outage: loneRun.summary.longestOutageSeconds,
};

// A Multi-AZ DB instance losing its primary's zone (chapter 9's lab), and the same over twenty seeds.
const rdsModel = getPreset('rds-multi-az').model;
const rdsDowntimes = SEEDS.map((seed) => simulate({...rdsModel, seed}).summary.databaseDowntimeSeconds);
const RDS = {
  downtime: simulate(rdsModel).summary.databaseDowntimeSeconds,
  low: Math.min(...rdsDowntimes),
  high: Math.max(...rdsDowntimes),
};

// Aurora losing its writer's zone (the lab's preset), with and without its replica in zone b.
const auroraModel = getPreset('aurora').model;
const AURORA_WRITES_PER_SECOND = (auroraModel.traffic?.requestsPerSecond ?? NaN) * (auroraModel.traffic?.writeShare ?? NaN);
const auroraOutage = auroraModel.faults?.find((f) => f.kind === 'zoneOutage');
const AURORA_OUTAGE_MINUTES = auroraOutage && 'duration' in auroraOutage ? auroraOutage.duration / 60 : NaN;
const auroraRun = simulate(auroraModel).summary;
const auroraWorst = simulate(auroraModel, {draws: 'worst'}).summary;
const auroraNoReplica = simulate({...auroraModel, database: {kind: 'aurora', writerZone: 'a'}}).summary;
const auroraNoReplicaMinutes = Math.round(auroraNoReplica.databaseDowntimeSeconds / 60);
const asyncLossForComparison = DEFAULT_ASYNC_LAG_SECONDS * AURORA_WRITES_PER_SECOND;
if (
  !(AURORA_WRITES_PER_SECOND > 0) ||
  !(AURORA_OUTAGE_MINUTES > 0) ||
  auroraRun.writesLost !== 0 ||
  auroraWorst.writesLost !== 0 ||
  auroraWorst.databaseDowntimeSeconds > 120 ||
  !(auroraRun.failedByCause.database > 0) ||
  auroraNoReplica.databaseDowntimeSeconds <= 600
) {
  throw new Error('intro quiz: the Aurora question assumes no writes lost, a writer back within 120 s, and over 10 minutes without a replica');
}

const questions: QuizQuestion[] = [
  {
    id: 'two-zones-users-see',
    kind: 'single',
    prompt:
      'A stateless service runs two tasks, one in each of two zones, behind an Application Load Balancer. One zone fails. What do its users see?',
    choices: [
      {
        id: 'nothing',
        text: 'Nothing at all: the task in the other zone takes over at once.',
        correct: false,
        explanation:
          'Requests in flight on the dead task fail, and the load balancer keeps sending some new requests to it until its health checks mark it unhealthy, 35 to 65 s with the default settings. Clients that still hold the dead zone’s load balancer address (its DNS TTL is 60 s) fail for longer.',
      },
      {
        id: 'no-total-outage',
        text: 'No total outage, but failed requests for a minute or more, and half the capacity unless each task can carry the whole peak.',
        correct: true,
        explanation:
          'Right: "no downtime" is really "no total outage". Until the dead target is marked unhealthy some requests still reach it, and the surviving task now carries all the load, so each task must be sized for 100 % of peak to keep up.',
      },
      {
        id: 'total-outage',
        text: 'A total outage until the scheduler starts a replacement task.',
        correct: false,
        explanation:
          'The task in the healthy zone keeps serving the whole time; only the requests that reach the dead task fail. A total outage is what a single task gives you.',
      },
      {
        id: 'sessions-in-database',
        text: 'Errors only if the service keeps its sessions in a database.',
        correct: false,
        explanation:
          'It is the other way round: sessions kept in task memory, or tied to a task by sticky sessions, are lost with the task. Sessions in a shared store such as DynamoDB or ElastiCache survive it.',
      },
    ],
  },
  {
    id: 'lone-task-on-call',
    kind: 'multiple',
    prompt: `At 03:00 zone a fails. Your checkout runs one ECS task there, on an EC2 instance, with subnets in zones a and b, behind an ALB with the default health check, at ${LONE.rate} requests a second; a replacement takes ${LONE.startSeconds} s to place, pull and start. Before she opens the dashboards, the on-call engineer writes down what she expects. Which of her expectations are right? Select all that apply.`,
    choices: [
      {
        id: 'fails-until-replacement-serves',
        text: 'Every request fails until a replacement in zone b has passed its first health check.',
        correct: true,
        explanation: `Right: with one task nothing is left to serve. Detection, placement and start, and one passing check run one after the other: in the course’s lab the replacement first serves ${LONE_RUN.serving} s after the zone fails, and ${formatCount(LONE.failed)} requests fail in all.`,
      },
      {
        id: 'needs-room-in-b',
        text: 'If no instance in zone b has room for the task, the wait grows by however long it takes to launch one, through the control plane, in the middle of the event.',
        correct: true,
        explanation:
          'Right: the rescheduling story assumes room in the other zone. Getting that capacity during the failure depends on the control plane, which is exactly what static stability avoids relying on.',
      },
      {
        id: 'dead-task-first',
        text: 'For the first half-minute to a minute, requests still go to the dead task and fail, until its health checks have failed twice in a row.',
        correct: true,
        explanation: `Right: with the default check (every 30 s, 5 s timeout, 2 failures) a dead target is marked unhealthy 35 to 65 s after it dies, ${LONE_RUN.detected} s in the lab’s run. Only then does ECS replace the task.`,
      },
      {
        id: 'only-start',
        text: `Requests fail only for the ${LONE.startSeconds} s the replacement takes to start.`,
        correct: false,
        explanation: `The start is one step in series. First the load balancer has to notice (35 to 65 s), and after the start the new task must pass one health check: ${LONE_RUN.outage} s of (nearly) total failure in the lab, not ${LONE.startSeconds}.`,
      },
      {
        id: 'waits-for-zone-a',
        text: 'Nothing can serve until zone a comes back: ECS keeps the task in its zone.',
        correct: false,
        explanation:
          'The ECS scheduler replaces failed tasks to get back to the desired count, and spreads a service’s tasks across zones by default, so the replacement goes to a zone that still works, provided the service has a subnet there.',
      },
    ],
    hints: [{choiceIds: ['only-start'], text: 'What has to happen before ECS even starts the replacement, and after it has started?'}],
  },
  {
    id: 'detection-time',
    kind: 'numeric',
    prompt:
      'An ALB target group uses the default health check: every 30 s, a 5 s timeout, and 2 failed checks in a row mark a target unhealthy. A target dies. At the latest, how many seconds pass until it is marked unhealthy?',
    answer: detection.latestDetectionSeconds,
    tolerance: 5,
    unit: 's',
    hints: [
      {
        value: detection.earliestDetectionSeconds,
        tolerance: 2,
        text: `${detection.earliestDetectionSeconds} s is the luckiest case, a target that dies just before a check; the question asks for the latest.`,
      },
    ],
    explanation: `In the worst case the target dies just after a check has passed. The next check comes 30 s later and fails when its 5 s timeout runs out; the second failure comes 30 s after that: ${detection.latestDetectionSeconds} s. In the best case it is ${detection.earliestDetectionSeconds} s: hence ${detection.earliestDetectionSeconds} to ${detection.latestDetectionSeconds} s of requests still sent to a dead target.`,
  },
  {
    id: 'lone-task-fixes',
    kind: 'ordering',
    prompt: `Your checkout runs one ECS task, with subnets in zones a and b, behind an ALB with the default health check, at ${LONE.rate} requests a second; a replacement takes ${LONE.startSeconds} s to place, pull and start (the model’s estimate). In the course’s lab, losing zone a fails ${formatCount(LONE.failed)} requests. Rank these proposals by how many requests the lab fails when zone a is lost again, fewest at the top.`,
    steps: LONE_FIXES.map(({id, text}) => ({id, text})),
    explanation: `In the lab: ${loneFixes.map(({id, failed}) => `${LONE_FIX_TITLE[id]}, ${formatCount(failed)} (${LONE_FIX_REASON[id]})`).join('; ')}. With one task, the outage is detection, a new start and a passing check added up; a second task in another zone is the only proposal that keeps something serving through it.`,
  },
  {
    id: 'rds-game-day-plan',
    kind: 'single',
    prompt: `Your checkout writes to an RDS Multi-AZ DB instance. The game-day plan, written from a blog post, says: "Multi-AZ failover usually takes under 60 s, so writes are back within a minute of losing the primary’s zone." The course’s lab runs the same design through that loss: writes fail for ${RDS.downtime} s. What do you change before the game day?`,
    choices: [
      {
        id: 'misconfigured',
        text: 'The database: a healthy Multi-AZ DB instance fails over in under 35 s, so something is misconfigured.',
        correct: false,
        explanation: 'Under 35 s is the typical figure for a Multi-AZ DB cluster, with two readable standbys in two other zones. A Multi-AZ DB instance, with one standby that serves no reads, typically takes 60 to 120 s.',
      },
      {
        id: 'fix-the-plan',
        text: 'The plan: expect writes to fail for one to two minutes, sometimes longer, and set the application’s timeouts, alarms and the drill’s abort criterion to match.',
        correct: true,
        explanation: `Right: ${RDS.downtime} s is normal for this database. AWS gives 60 to 120 s as the typical failover time of a Multi-AZ DB instance, and longer with large transactions or a long recovery; the lab draws from that range (${RDS.low} to ${RDS.high} s over twenty seeds). The blog’s “under 60 s” is Aurora with a replica (often under 60 s, typically under 120 s), not this database.`,
      },
      {
        id: 'rerun',
        text: 'Nothing: the run was unlucky, so run it again until writes come back within 60 s.',
        correct: false,
        explanation: `Rerunning until it passes plans for a lucky draw. Over twenty seeds the lab’s failover takes ${RDS.low} to ${RDS.high} s, and AWS gives 60 to 120 s as typical, not as a bound: the real night may be at the slow end, or beyond it.`,
      },
      {
        id: 'aurora-alone',
        text: 'Move to Aurora with a single instance: its storage spans three zones, so writes come back faster.',
        correct: false,
        explanation: 'The storage keeps every committed write, but with no replica there is nothing to promote: Aurora recreates the writer, typically in under 10 minutes, and if its zone is down someone has to create one in another zone. Aurora needs a replica in another zone to fail over quickly.',
      },
    ],
  },
  {
    id: 'aurora-on-call-notes',
    kind: 'multiple',
    prompt: `A shop keeps its orders in Aurora: the writer in zone a, one replica in zone b, the six copies of its storage across three zones. The service writes ${AURORA_WRITES_PER_SECOND} orders a second. Zone a fails for ${AURORA_OUTAGE_MINUTES} minutes. The on-call engineer’s notes predict what happens. Which of the notes hold? Select all that apply.`,
    choices: [
      {
        id: 'no-committed-loss',
        text: 'No order that was confirmed before zone a failed is lost.',
        correct: true,
        explanation: `Right: a write commits only once 4 of the 6 copies have it, spread over three zones, so losing a zone loses no committed data (the lab counts ${auroraRun.writesLost} writes lost). Transactions still in flight roll back.`,
      },
      {
        id: 'replica-needed',
        text: 'Orders are being written again within about two minutes.',
        correct: true,
        explanation: `Right, because the replica is in another zone: Aurora promotes it, typically in under 120 s and often in under 60 s (typical figures, not a bound). The lab’s run is without a writer for ${auroraRun.databaseDowntimeSeconds} s, ${auroraWorst.databaseDowntimeSeconds} s with its worst draw.`,
      },
      {
        id: 'clients-reconnect',
        text: 'Order writes fail until the service’s connections reach the promoted replica.',
        correct: true,
        explanation: `Right: the cluster endpoint moves to the promoted replica, and the service gets errors until it reconnects to it: ${formatCount(auroraRun.failedByCause.database)} requests fail on the database in the lab’s run.`,
      },
      {
        id: 'storage-promotes',
        text: 'Had the replica not been there, writes would still be back within seconds, since the storage spans three zones.',
        correct: false,
        explanation: `No: the storage keeps the data, but with no replica there is no instance to promote. Aurora recreates the writer, typically in under 10 minutes, and while its zone is down someone has to create one in another zone. The lab, which waits for the zone and then a new writer, is without writes for ${auroraNoReplicaMinutes} minutes.`,
      },
      {
        id: 'recent-writes-lost',
        text: `The last few seconds of orders, some ${formatCount(asyncLossForComparison)}, are lost, as with any replica.`,
        correct: false,
        explanation: `That is what an asynchronous replica ${DEFAULT_ASYNC_LAG_SECONDS} s behind would lose. Aurora’s replica shares the storage instead of replaying a stream, and the storage quorum makes the loss of committed data zero, not "minimal".`,
      },
    ],
    hints: [{choiceIds: ['recent-writes-lost'], text: 'Where does the promoted replica read its data from?'}],
  },
];

export default questions;
