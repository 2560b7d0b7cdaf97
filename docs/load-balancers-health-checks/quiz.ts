/**
 * Chapter 3 quiz: load balancers and health checks. Every figure about
 * simulated behaviour is computed here from the engine, never typed by hand;
 * the AWS defaults and limits are from /work/shared/reference/facts.md
 * ("Elastic Load Balancing" and "Gray failures and zonal shift in practice").
 */
import {
  DEFAULT_DEREGISTRATION_DELAY_SECONDS,
  getPreset,
  grayFailure,
  healthCheckDetection,
  selectSegmentAt,
  selectTrafficAt,
  simulate,
  zonalAutoshift,
  zonalShift,
  type OperatorAction,
} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';

const pct = (x: number): string => `${Math.round(x * 1000) / 10} %`;

// Q1: non-default settings, latest detection.
const tuned = {intervalSeconds: 10, timeoutSeconds: 5, unhealthyThreshold: 3};
const tunedTimes = healthCheckDetection(tuned);

// Q2: four settings, ordered by how long a dead target keeps getting traffic at worst.
const settingsToRank = [
  {id: 'ten-two', text: 'Interval 10 s, unhealthy threshold 2', settings: {intervalSeconds: 10, unhealthyThreshold: 2}},
  {id: 'ten-five', text: 'Interval 10 s, unhealthy threshold 5', settings: {intervalSeconds: 10, unhealthyThreshold: 5}},
  {id: 'thirty-two', text: 'Interval 30 s, unhealthy threshold 2 (the defaults)', settings: {intervalSeconds: 30, unhealthyThreshold: 2}},
  {id: 'thirty-three', text: 'Interval 30 s, unhealthy threshold 3', settings: {intervalSeconds: 30, unhealthyThreshold: 3}},
]
  .map((item) => ({...item, latest: healthCheckDetection({...item.settings, timeoutSeconds: 5}).latestDetectionSeconds}))
  .sort((a, b) => a.latest - b.latest);

// Q4: one task in zone a, three in zone b, cross-zone load balancing off (an NLB's default).
function sharesWith(crossZone: boolean) {
  const rate = 100;
  const result = simulate({
    zones: ['a', 'b'],
    service: {tasksPerZone: {a: 1, b: 3}, capacityPerTask: rate},
    loadBalancer: {crossZone},
    traffic: {requestsPerSecond: rate},
    durationSeconds: 60,
  });
  const traffic = selectTrafficAt(result, 10);
  const share = (zone: string) => (traffic.find((t) => t.zone === zone)?.served ?? 0) / rate;
  return {a: share('a'), b: share('b')};
}
const off = sharesWith(false);
const on = sharesWith(true);

// The deployment question: three old tasks drained at once, the ALB's default delay (facts.md, "Elastic Load Balancing").
const DRAIN = (() => {
  const delay = DEFAULT_DEREGISTRATION_DELAY_SECONDS;
  const exportOf = (done: number, total: number) => ({done, total, left: total - done});
  const exportB = exportOf(40, 180);
  const exportC = exportOf(20, 480);
  if (!(exportB.left <= delay && exportC.left > delay)) throw new Error('the deployment question needs B inside the delay and C past it');
  return {delay, exportB, exportC};
})();

// Q7: the gray-failure preset, between the start of the gray failure and the operator's shift.
const grayPreset = getPreset('gray-failure-zonal-shift');
const grayFault = grayPreset.model.faults?.find((f) => f.kind === 'grayFailure');
const grayShift = grayPreset.model.actions?.find((a) => a.kind === 'zonalShift');
const grayRun = simulate(grayPreset.model);
const grayStart = grayFault?.at ?? 0;
const grayShiftAt = grayShift?.at ?? 0;
const graySegment = selectSegmentAt(grayRun, (grayStart + grayShiftAt) / 2);
const grayFailedShare = graySegment.failed / graySegment.offered;
const grayMarkedUnhealthy = grayRun.events.filter((e) => e.type === 'lb/targetMarkedUnhealthy').length;

// The night-time gray failure: zone b fails a fifth of what it serves, cross-zone off, checks passing.
// The hour without a shift, with AWS's autoshift on, and with a zonal shift at 02:10.
const NIGHT = (() => {
  const grayAt = 300;
  const now = grayAt + 600;
  const errorShare = 0.2;
  const tasks = 6;
  const capacityPerTask = 50;
  const load = 200;
  const run = (actions: OperatorAction[]) =>
    simulate({
      zones: ['a', 'b', 'c'],
      service: {desiredCount: tasks, capacityPerTask},
      loadBalancer: {crossZone: false},
      traffic: {requestsPerSecond: load},
      faults: [grayFailure('b', {at: grayAt, duration: 3600 - grayAt, errorShare})],
      actions,
      durationSeconds: 3600,
    });
  const nothing = run([]);
  const autoshift = run([zonalAutoshift()]);
  const shifted = run([zonalShift('b', {at: now, duration: 3600 - now})]);
  const failingPerSecond = selectSegmentAt(nothing, now - 1).failed;
  const failedSoFar = failingPerSecond * (now - grayAt);
  const failingAfterShift = selectSegmentAt(shifted, now + 1).failed;
  const fifthOfAll = load * errorShare;
  const perSecond = (x: number) => (Math.round(x * 10) / 10).toLocaleString('en-US');
  const clock = (t: number) => `02:${String(Math.round((t - grayAt) / 60)).padStart(2, '0')}`;
  // The story the question tells, checked on the engine's runs: a third of a fifth fails, autoshift never acts, the shift ends it.
  if (Math.abs(failingPerSecond - (load / 3) * errorShare) > 0.05 || selectSegmentAt(nothing, grayAt - 1).failed !== 0) {
    throw new Error('chapter 3 quiz: zone b should fail a fifth of its third of the requests, and nothing before the gray failure');
  }
  if (autoshift.summary.failed !== nothing.summary.failed || autoshift.events.some((e) => e.type.startsWith('autoshift') || e.type.startsWith('shift'))) {
    throw new Error('chapter 3 quiz: AWS’s autoshift must not act on a failure only the application sees');
  }
  if (failingAfterShift !== 0 || (tasks - tasks / 3) * capacityPerTask < load) {
    throw new Error('chapter 3 quiz: a zonal shift away from zone b should end the failures, with room in zones a and c');
  }
  return {
    grayAt, now, tasks, capacityPerTask, load, errorFraction: 'a fifth', failingPerSecond, failedSoFar, failingAfterShift, fifthOfAll,
    failedWithAutoshift: autoshift.summary.failed, perSecond, clock,
  };
})();
const count = (n: number): string => Math.round(n).toLocaleString('en-US');

const questions: QuizQuestion[] = [
  {
    id: 'tuned-latest-detection',
    kind: 'numeric',
    prompt: `A target group checks every ${tuned.intervalSeconds} s with a ${tuned.timeoutSeconds} s timeout and marks a target unhealthy after ${tuned.unhealthyThreshold} failed checks in a row. A target dies. At the latest, how many seconds pass until it is marked unhealthy?`,
    answer: tunedTimes.latestDetectionSeconds,
    tolerance: 2,
    unit: 's',
    hints: [
      {value: tunedTimes.earliestDetectionSeconds, text: `${tunedTimes.earliestDetectionSeconds} s is the luckiest case, a target that dies just before a check starts; the question asks for the latest.`},
      {value: tuned.unhealthyThreshold * tuned.intervalSeconds, text: 'Close: the target is marked unhealthy when the last failing check gives up, so its timeout counts too.'},
    ],
    explanation: `The worst case is a target that dies just after a check started and passed. The first failing check starts one interval later, and the target is marked unhealthy when failing check number ${tuned.unhealthyThreshold} times out: ${tuned.unhealthyThreshold} × ${tuned.intervalSeconds} + ${tuned.timeoutSeconds} = ${tunedTimes.latestDetectionSeconds} s. The best case is (${tuned.unhealthyThreshold} − 1) × ${tuned.intervalSeconds} + ${tuned.timeoutSeconds} = ${tunedTimes.earliestDetectionSeconds} s.`,
  },
  {
    id: 'rank-settings',
    kind: 'ordering',
    prompt:
      'Four target groups use a 5 s timeout and these settings. Order them by how long a dead target can keep receiving requests in the worst case, shortest at the top.',
    steps: settingsToRank.map(({id, text}) => ({id, text})),
    explanation: `The worst case is threshold × interval + timeout: ${settingsToRank.map((s) => `${s.latest} s`).join(', ')}. The interval is multiplied by the threshold, so a short interval with a high threshold can still beat a long interval with a low one.`,
  },
  {
    id: 'two-tasks-window',
    kind: 'multiple',
    prompt:
      'A stateless service runs one task in each of two zones behind an ALB with default settings, and keeps its sessions in DynamoDB. Zone a fails. Which of these happen before the task in zone a is marked unhealthy? Select all that apply.',
    choices: [
      {
        id: 'fail-open',
        text: 'The load balancer fails open and sends requests to both tasks regardless of their health.',
        correct: false,
        explanation:
          'Fail-open happens only when every target is unhealthy. Here the task in zone b stays healthy. The dead task gets requests because it has not been marked unhealthy yet, not because of fail-open.',
      },
      {
        id: 'new-requests-fail',
        text: 'Some new requests are still sent to the dead task, and fail.',
        correct: true,
        explanation:
          'Right: until two checks in a row fail, the load balancer still counts the dead task as healthy and gives it its share: with two targets, half of the requests that reach the node left in zone b. That lasts 35 to 65 s with the defaults.',
      },
      {
        id: 'sessions-lost',
        text: 'The users whose requests went to zone a lose their sessions.',
        correct: false,
        explanation:
          'Their sessions live in DynamoDB, which replicates across zones, not in the task. Those users see a failed request, and their next request finds the session on the surviving task.',
      },
      {
        id: 'in-flight-fail',
        text: 'Requests that were being served by the task in zone a fail.',
        correct: true,
        explanation: 'Right: a request in progress on a task that dies is lost with it. Nothing moves it to the other task.',
      },
      {
        id: 'zonal-shift-starts',
        text: 'The load balancer starts a zonal shift away from zone a.',
        correct: false,
        explanation:
          'Failed health checks take a target out of service, never a whole zone. A zonal shift is started by an operator, or by AWS with zonal autoshift, which you must enable along with weekly practice runs.',
      },
    ],
  },
  {
    id: 'cross-zone-off-share',
    kind: 'single',
    prompt:
      'A Network Load Balancer with default settings has one healthy target in zone a and three in zone b. DNS spreads clients evenly over its two nodes. What share of all requests does the target in zone a receive?',
    choices: [
      {
        id: 'quarter',
        text: pct(on.a),
        correct: false,
        explanation: `That is the share with cross-zone load balancing on, when every node spreads over all four targets. On an NLB it is off by default.`,
      },
      {
        id: 'half',
        text: pct(off.a),
        correct: true,
        explanation: `Right: cross-zone load balancing is off by default on an NLB, so the node in zone a sends its half of the traffic to its only local target. Each target in zone b gets ${pct(off.b)}.`,
      },
      {
        id: 'sixth',
        text: pct(off.b),
        correct: false,
        explanation: `That is what each target in zone b gets: zone b's node splits its half over three targets. The single target in zone a has its node's half to itself.`,
      },
      {
        id: 'all',
        text: '100 %',
        correct: false,
        explanation: 'The node in zone b still receives half of the clients from DNS and sends them to zone b’s targets.',
      },
    ],
  },
  {
    id: 'database-health-check-churn',
    kind: 'single',
    prompt:
      'An ECS service sits behind an ALB, and its health-check endpoint runs a query on the shared database. The database stalls for five minutes, so every task fails its checks. What happens to requests and to the tasks during those five minutes?',
    choices: [
      {
        id: 'returns-503',
        text: 'The ALB answers every request with an error until a target passes its checks.',
        correct: false,
        explanation: 'That is what would happen without fail-open. An ALB fails open precisely to avoid turning a bad health check into a total outage.',
      },
      {
        id: 'ecs-replaces',
        text: 'Nothing changes for requests or tasks: the checks only matter once the database is back.',
        correct: false,
        explanation:
          'Health checks drive routing (a target marked unhealthy stops getting requests, unless every target is unhealthy) and they drive ECS, which stops tasks the load balancer reports unhealthy and starts replacements.',
      },
      {
        id: 'routes-to-all',
        text: 'The ALB routes requests to all the targets anyway, while ECS keeps stopping the “unhealthy” tasks and starting replacements that fail the same check.',
        correct: true,
        explanation:
          'Right: when every target is unhealthy the ALB fails open, so requests that do not need the database still succeed. But fail-open protects routing only: ECS replaces tasks that fail the load balancer’s check, so the whole fleet churns against the stalled database. Keep the load balancer’s check shallow, alarm on the database separately, and set a health-check grace period.',
      },
      {
        id: 'shifts-zone',
        text: 'It shifts traffic to the zone with the most healthy targets.',
        correct: false,
        explanation: 'No zone has a healthy target to shift to, and failing health checks never start a zonal shift.',
      },
    ],
  },
  {
    id: 'deployment-drain',
    kind: 'multiple',
    prompt: `A deployment replaces three old tasks at 14:00:00; ECS deregisters all three at once, and the target group keeps the default deregistration delay of ${DRAIN.delay} s. Task A holds no open connection. Task B is ${DRAIN.exportB.done} s into a CSV export that takes ${DRAIN.exportB.total} s in all. Task C is ${DRAIN.exportC.done} s into a yearly report that takes ${DRAIN.exportC.total} s. Which of these are true? Select all that apply.`,
    choices: [
      {
        id: 'a-at-once',
        text: 'Task A’s target is removed almost at once.',
        correct: true,
        explanation: 'Right: the delay is the longest the load balancer waits for requests in progress, and it ends early when a target has no open connection. A has nothing to wait for.',
      },
      {
        id: 'b-finishes',
        text: `Task B’s export finishes: it needs ${DRAIN.exportB.left} s more, within the ${DRAIN.delay} s the load balancer waits.`,
        correct: DRAIN.exportB.left <= DRAIN.delay,
        explanation: `Right: a deregistering target gets no new requests, but the ones in progress may run for up to ${DRAIN.delay} s. B needs ${DRAIN.exportB.left}, so its export completes inside the limit, and the deployment stops the task only after that.`,
      },
      {
        id: 'c-finishes',
        text: `Task C’s report finishes too, because the delay restarts while a request is still being answered.`,
        correct: DRAIN.exportC.left <= DRAIN.delay,
        explanation: `The delay does not restart: it is a limit counted from the deregistration. C needs ${DRAIN.exportC.left} s more and gets ${DRAIN.delay}; then ECS stops the task (its stop signal, then a kill after \`stopTimeout\`: see a clean exit in Capacity for a lost zone), and the report is cut off. Raise the delay (up to 3,600 s) past the longest request, or make such work resumable or asynchronous.`,
      },
      {
        id: 'new-requests',
        text: 'Until each old target is removed, it still gets its share of new requests.',
        correct: false,
        explanation: 'A deregistering target gets no new request from the moment it is deregistered; the new tasks take them. Only requests already in progress stay on it.',
      },
      {
        id: 'all-300',
        text: `All three targets stay for exactly ${DRAIN.delay} s, the default delay.`,
        correct: false,
        explanation: `${DRAIN.delay} s is an upper limit, not a fixed wait: A leaves at once and B after ${DRAIN.exportB.left} s. Only C, whose request outlasts the limit, holds its target for the whole ${DRAIN.delay} s.`,
      },
    ],
  },
  {
    id: 'gray-failure-share',
    kind: 'numeric',
    prompt: `Six tasks, two per zone in three zones, share ${grayRun.model.traffic.requestsPerSecond} requests per second with cross-zone load balancing on. Half of the requests served in zone b start failing, but every health check keeps passing. Before anyone shifts traffic away, what percentage of all requests fails?`,
    answer: Math.round(grayFailedShare * 1000) / 10,
    tolerance: 2,
    unit: '%',
    explanation: `Zone b holds a third of the targets, so it gets a third of the requests, and half of those fail: ${pct(grayFailedShare)}. In the lab, ${grayMarkedUnhealthy === 0 ? 'no target is ever marked unhealthy' : `${grayMarkedUnhealthy} targets were marked unhealthy`}, so this lasts until a zonal shift takes zone b out of the load balancer.`,
  },
  {
    id: 'sick-zone-at-night',
    kind: 'multiple',
    prompt: `It is ${NIGHT.clock(NIGHT.now)}. Since ${NIGHT.clock(NIGHT.grayAt)}, the tasks in zone b have failed ${NIGHT.errorFraction} of the requests they serve, and every health check passes. The service runs ${NIGHT.tasks} tasks, ${NIGHT.tasks / 3} in each of three zones, each good for ${NIGHT.capacityPerTask} requests a second, at ${NIGHT.load} requests a second, behind an ALB whose target group has cross-zone load balancing turned off. In the incident channel, people say the following. Which are true? Select all that apply.`,
    choices: [
      {
        id: 'fifth-of-all',
        text: `“About ${NIGHT.perSecond(NIGHT.fifthOfAll)} requests a second are failing: ${NIGHT.errorFraction} of all our traffic.”`,
        correct: false,
        explanation: `Only zone b is sick, and it gets a third of the requests (its node’s share of DNS, with cross-zone off), so ${NIGHT.errorFraction} of a third fails: ${NIGHT.perSecond(NIGHT.failingPerSecond)} a second, not ${NIGHT.perSecond(NIGHT.fifthOfAll)}.`,
      },
      {
        id: 'third-of-a-fifth',
        text: `“About ${NIGHT.perSecond(NIGHT.failingPerSecond)} requests a second are failing, ${count(NIGHT.failedSoFar)} since ${NIGHT.clock(NIGHT.grayAt)}.”`,
        correct: true,
        explanation: `Right: zone b serves a third of the ${NIGHT.load} requests a second and fails ${NIGHT.errorFraction} of them, ${NIGHT.perSecond(NIGHT.failingPerSecond)} a second (the engine’s figure too), and ${count(NIGHT.failedSoFar)} over the ten minutes. Nothing stops it: no target is ever marked unhealthy.`,
      },
      {
        id: 'wait-for-autoshift',
        text: '“Zonal autoshift is on for this ALB, practice runs and all. Give AWS a few minutes: it will move the traffic off zone b.”',
        correct: false,
        explanation: `Autoshift starts from AWS’s own telemetry of a zone impairment, not from your error rate, and here only your requests fail. In the model, an hour with autoshift on fails ${count(NIGHT.failedWithAutoshift)} requests, exactly as many as the same hour with nothing on: no shift ever starts. Reacting to your own error rate is an alarm-driven shift you build, or a person.`,
      },
      {
        id: 'shift-stops-errors',
        text: `“If we start a zonal shift away from zone b now, with a 12-hour expiry, the failures stop: the ${NIGHT.tasks - NIGHT.tasks / 3} tasks in zones a and c can serve all ${NIGHT.load} requests a second.”`,
        correct: true,
        explanation: `Right: ${NIGHT.tasks - NIGHT.tasks / 3} × ${NIGHT.capacityPerTask} = ${(NIGHT.tasks - NIGHT.tasks / 3) * NIGHT.capacityPerTask} requests a second, enough for the load, and in the model the failures fall to ${NIGHT.perSecond(NIGHT.failingAfterShift)} a second once the shift starts. Every shift needs an expiry (at most 72 hours when started, extendable), and AWS asks you to check the other zones’ capacity first: without that room, a shift only moves the errors.`,
      },
      {
        id: 'enable-first',
        text: '“If nobody enabled zonal shift on this ALB, that has to be done before we can start one.”',
        correct: true,
        explanation: 'Right: zonal shift is off by default and is enabled per load balancer (the `zonal_shift.config.enabled` attribute). Enable it before the night you need it.',
      },
      {
        id: 'cross-zone-blocks',
        text: '“Cross-zone load balancing is off on the target group, so a zonal shift cannot work until we turn it on.”',
        correct: false,
        explanation: 'An ALB supports zonal shift with cross-zone load balancing on or off. What it cannot help is a target group that lives in a single zone.',
      },
    ],
    hints: [
      {choiceIds: ['fifth-of-all'], text: 'How much of the traffic reaches zone b’s tasks in the first place?'},
      {choiceIds: ['wait-for-autoshift'], text: 'What does autoshift watch: your service’s errors, or AWS’s own view of the zone?'},
    ],
  },
];

export default questions;
