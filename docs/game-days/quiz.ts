/**
 * Chapter 12 quiz: game days. Figures are from /work/shared/reference/facts.md
 * (FIS AZ power interruption scenario, zonal shift and autoshift, static
 * stability); every simulated answer is computed from the engine below.
 */
import {alarmZonalShift, capacityPlan, grayFailure, selectSegmentAt, simulate, zonalAutoshift, zonalShift, zoneOutage} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';

/** A gray failure: zone b fails 12 % of its requests; health checks pass. */
const grayRun = simulate({
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 6, capacityPerTask: 100},
  traffic: {requestsPerSecond: 300},
  faults: [grayFailure('b', {at: 300, duration: 1800, errorShare: 0.12})],
});
const graySegment = selectSegmentAt(grayRun, 600);
const overallErrorPercent = Math.round((graySegment.failed / graySegment.offered) * 1000) / 10;

/**
 * The same service with one task per zone (no headroom), a 30 % gray failure in zone b: no shift, your
 * alarm-driven shift (5 % errors for 5 minutes), or AWS's zonal autoshift (which does not see it).
 */
function thinService(shift: 'none' | 'alarm' | 'autoshift') {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3, capacityPerTask: 100},
    traffic: {requestsPerSecond: 300},
    faults: [grayFailure('b', {at: 300, duration: 1800, errorShare: 0.3})],
    actions:
      shift === 'alarm'
        ? [alarmZonalShift({errorRateThreshold: 0.05, evaluationPeriodSeconds: 60, evaluationPeriods: 5})]
        : shift === 'autoshift'
          ? [zonalAutoshift()]
          : [],
  }).summary.availability;
}
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const thinWithoutShift = pct(thinService('none'));
const thinWithShift = pct(thinService('alarm'));
const thinWithAutoshift = pct(thinService('autoshift'));

/**
 * The FIS scenario's autoshift variant on a service with room for a lost zone: zone b loses
 * power for the 30-minute impairment; the scenario's autoshift starts at minute 5 for the
 * remaining 25 minutes (facts.md). Modelled as a zone outage and a zonal shift at those times.
 */
const fisTasks = 6;
const fisCapacityPerTask = 100;
const fisLoad = 300;
function fisRun(withShift: boolean) {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: {desiredCount: fisTasks, capacityPerTask: fisCapacityPerTask},
    traffic: {requestsPerSecond: fisLoad},
    faults: [zoneOutage('b', {at: 300, duration: 1800})],
    actions: withShift ? [zonalShift('b', {at: 300 + 5 * 60, duration: 25 * 60})] : [],
  }).summary;
}
const fisShift = fisRun(true);
const fisNoShift = fisRun(false);
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const fisFailedShift = count(fisShift.failed);
const fisFailedNoShift = count(fisNoShift.failed);
const fisRecoverSeconds = fisShift.timeToRecoverSeconds ?? Infinity;
const fisThirdForFive = count((fisLoad / 3) * 5 * 60);
if (fisRecoverSeconds >= 5 * 60 || Math.round(fisShift.failed) !== Math.round(fisNoShift.failed) || fisShift.failed <= 0) {
  throw new Error('game-days quiz: the question assumes failures end before the minute-5 autoshift, which then changes nothing');
}

/** Game-day capacity check: three zones, a peak of 450 requests/s, 100 per task. */
const plan = capacityPlan({zones: 3, peakRequestsPerSecond: 450, capacityPerTask: 100});

const questions: QuizQuestion[] = [
  {
    id: 'fis-scenario',
    kind: 'multiple',
    prompt:
      'Your service runs ECS tasks in zones a, b and c, an RDS Multi-AZ DB instance whose primary is in zone b, and a self-managed Redis on one EC2 instance with an EBS volume in zone b. You run the FIS "AZ Availability: Power Interruption" scenario on zone b, targeting all of them. What do you expect to see during its impairment? Select all that apply.',
    choices: [
      {
        id: 'stops-compute',
        text: 'The ECS tasks in zone b stop, and so does the Redis instance.',
        correct: true,
        explanation: 'Right: zonal compute is stopped, as it would be in a power loss.',
      },
      {
        id: 'blocks-scaling',
        text: 'Replacement tasks are placed in zones a and c only: nothing can be launched into zone b.',
        correct: true,
        explanation: 'Right: Auto Scaling cannot simply put the lost capacity back into the same zone, so you see whether the other zones cope.',
      },
      {
        id: 'fails-over-databases',
        text: 'The RDS primary fails over to its standby in another zone, and clients must reconnect.',
        correct: true,
        explanation: 'Right: the drill tests your database and cache failover and how clients reconnect.',
      },
      {
        id: 'ebs-unresponsive',
        text: 'Redis’s EBS volume stops responding, so its data cannot just be attached to a new instance in another zone.',
        correct: true,
        explanation: 'Right: the scenario makes the zone’s EBS volumes unresponsive, which is why a pod or instance tied to such a volume cannot carry on elsewhere.',
      },
      {
        id: 'always-shifts',
        text: 'The load balancer’s traffic is moved away from zone b at the start, so no request reaches a dead task.',
        correct: false,
        explanation:
          'No: only the autoshift variant starts a zonal autoshift, and at minute 5, not at the start. Without it, your own health checks and failovers have to cope, which is the point of the test.',
      },
    ],
  },
  {
    id: 'fis-autoshift-hypothesis',
    kind: 'single',
    prompt: `Your service runs ${fisTasks} ECS tasks spread over zones a, b and c behind an ALB, at ${fisLoad} requests/s (each task serves ${fisCapacityPerTask}), with enough headroom for two zones to carry it. You plan the autoshift variant of the FIS "AZ Availability: Power Interruption" scenario on zone b: 30 minutes of impairment, in which the scenario starts a zonal autoshift away from zone b at minute 5 for the remaining 25 minutes, then 30 minutes of recovery. Which hypothesis should the team write down for the impairment?`,
    choices: [
      {
        id: 'fails-first-minute',
        text: 'Requests fail for about a minute after the power cut and then stop; the autoshift at minute 5 does not change how many fail.',
        correct: true,
        explanation: `Right: the ALB's health checks take zone b's dead tasks out of service and the clients' cached answers run out within about a minute (the last failure ${fisRecoverSeconds} s after the cut), long before minute 5. In the model ${fisFailedShift} requests fail with the autoshift and ${fisFailedNoShift} without it. An autoshift earns its keep when a zone is impaired while its targets still pass their health checks; a power cut is caught by the health checks first.`,
      },
      {
        id: 'fails-until-shift',
        text: 'A third of the requests fail for five minutes, until the autoshift moves traffic away from zone b.',
        correct: false,
        explanation: `That would be ${fisThirdForFive} failed requests, but health checks do not wait for the shift: the ALB stops routing to zone b's dead targets within about a minute. The model counts ${fisFailedShift}, all in the first ${fisRecoverSeconds} s.`,
      },
      {
        id: 'none-fail',
        text: 'No request fails: the autoshift moves traffic away from zone b before any request reaches it.',
        correct: false,
        explanation: `The scenario starts the autoshift at minute 5, not at the power cut, so the requests already on their way to zone b's dead tasks in the first minute fail: ${fisFailedShift} in the model. The minute-5 start is a scripted action, not how quickly AWS would detect a real impairment.`,
      },
      {
        id: 'fails-whole-impairment',
        text: 'A third of the requests fail for the whole 30 minutes of impairment, since zone b stays down until the recovery phase.',
        correct: false,
        explanation: `Zone b staying down does not mean its share keeps failing: once its targets are unhealthy, the ALB sends everything to zones a and c, which have the headroom to carry it. ${fisFailedShift} requests fail in the model, all in the first ${fisRecoverSeconds} s.`,
      },
    ],
    hints: [
      {choiceIds: ['fails-until-shift'], text: 'What else takes zone b’s dead tasks out of the load balancer, before anyone shifts anything?'},
    ],
  },
  {
    id: 'overall-error-rate',
    kind: 'numeric',
    prompt:
      'Three zones share traffic evenly. Zone b fails 12 % of the requests it serves, while its health checks keep passing. What error rate, in percent, does the load balancer’s overall metric show?',
    answer: overallErrorPercent,
    tolerance: 0.5,
    unit: '%',
    explanation: `A third of the traffic goes to zone b and 12 % of that fails: about ${overallErrorPercent} % overall, under a typical 5 % alarm, while zone b’s own users see 12 %. Alarm on error rate per zone, and compare each zone with the others.`,
  },
  {
    id: 'alarm-shift-availability',
    kind: 'single',
    prompt:
      'A service runs one task per zone in three zones, each able to serve 100 requests/s, at a peak of 300 requests/s. Zone b starts failing 30 % of its requests while its health checks pass. The team turns on its own alarm-driven zonal shift: a per-zone alarm at 5 % errors for five minutes, whose automation starts a zonal shift. What does that do to availability in the model?',
    choices: [
      {
        id: 'better',
        text: 'It improves it: the shift ends the gray failure after five minutes.',
        correct: false,
        explanation: `The shift does end the gray failure, but it sends all 300 requests/s to two tasks that can serve 200. In the model availability falls from ${thinWithoutShift} without the shift to ${thinWithShift} with it.`,
      },
      {
        id: 'worse',
        text: 'It makes it worse: the two zones left cannot carry the load, so the shift trades errors for overload.',
        correct: true,
        explanation: `Right: ${thinWithoutShift} without the shift, ${thinWithShift} with it. Drill the shift before you automate it, as AWS makes you do with weekly practice runs before it will autoshift: a drill shows, on a calm day, that the zones left cannot take the load.`,
      },
      {
        id: 'no-effect',
        text: 'Nothing: a zonal shift only starts when health checks fail.',
        correct: false,
        explanation: `The alarm watches the zone’s error rate, not the health checks, which is what lets it catch a gray failure. AWS’s zonal autoshift is the one that would do nothing here (${thinWithAutoshift}, the same as no shift): it starts from AWS’s telemetry of a zone impairment, and a failure only your application has is not one.`,
      },
      {
        id: 'scales-out',
        text: 'It improves it: the shift makes the scheduler start more tasks in the other zones.',
        correct: false,
        explanation:
          'A zonal shift only moves traffic. It starts no tasks; the tasks in the shifted zone are healthy, so nothing replaces them. Capacity has to be there already: static stability.',
      },
    ],
  },
  {
    id: 'game-day-capacity',
    kind: 'numeric',
    prompt:
      'Before the drill you check capacity. Three zones, a peak of 450 requests/s, each task serves 100 requests/s. How many tasks per zone must run so that the other two zones carry the peak with no scaling?',
    answer: plan.tasksPerZone,
    tolerance: 0,
    unit: 'tasks',
    explanation: `Each zone must hold P ÷ (N − 1) = 450 ÷ 2 = 225 requests/s, so ⌈225 ÷ 100⌉ = ${plan.tasksPerZone} tasks per zone, ${plan.totalTasks} in all. With fewer, the drill will show overload the moment the zone goes.`,
  },
  {
    id: 'what-to-watch',
    kind: 'multiple',
    prompt:
      'Twenty minutes into a zone-failure drill, the load balancer’s overall error rate reads 3 %, under the 5 % abort alarm, and someone says the drill is going to plan. What should the observers check before they agree? Select all that apply.',
    choices: [
      {
        id: 'per-zone-errors',
        text: 'Error rate and latency for each zone separately.',
        correct: true,
        explanation: 'Right: a sick zone shows as an outlier there long before it moves the overall average.',
      },
      {
        id: 'healthy-hosts',
        text: 'Healthy and unhealthy target counts per zone.',
        correct: true,
        explanation: 'Right: they show when detection happened, to compare with the 35 to 65 s of the default health check.',
      },
      {
        id: 'db-events',
        text: 'Database failover events and replica lag.',
        correct: true,
        explanation: 'Right: when writes stopped and resumed, and what an asynchronous promotion would have lost.',
      },
      {
        id: 'only-overall',
        text: 'Nothing more: the overall error rate is what users see, and it is under the alarm.',
        correct: false,
        explanation: 'The overall rate dilutes one zone’s failures by the healthy zones’ traffic: a third of your users can suffer while it stays under the alarm.',
      },
      {
        id: 'after-only',
        text: 'Nothing now: read the other metrics after the recovery phase, to keep the room calm.',
        correct: false,
        explanation: 'The abort criteria must be watched live, and timings are easiest to trust when called out as they happen.',
      },
    ],
  },
  {
    id: 'whose-observation-stops',
    kind: 'single',
    prompt:
      'Minute 12 of a drill on zone b. The hypothesis said: requests fail for about a minute while zone b’s targets are detected and clients’ DNS answers run out, then the error rate falls under 1 %. The written abort criterion is a customer-facing error rate above 2 % for 5 minutes. Four people speak up at once. Whose observation should stop the drill?',
    choices: [
      {
        id: 'budget-exceeded',
        text: 'The alarm on the customer-facing error rate, set up as the experiment’s FIS stop condition, has fired: the rate has been at 3 % for six minutes.',
        correct: true,
        explanation: 'Right: this is the criterion agreed in advance, measured, and it stops the experiment even if nobody reacts. The hypothesis was wrong somewhere, and the review finds out where.',
      },
      {
        id: 'first-error',
        text: 'Requests failed in the first minute after the injection.',
        correct: false,
        explanation:
          'The hypothesis predicted them: some requests always fail while dead targets are detected (35 to 65 s with the default health checks) and while clients still hold the lost node’s address (a 60 s DNS TTL or more). Aborting on them ends every drill before it teaches anything.',
      },
      {
        id: 'lead-feels',
        text: 'The lead says the dashboards look bad and wants to stop.',
        correct: false,
        explanation: 'Feelings under stress are a poor trigger. Agree on numbers beforehand, so that nobody has to argue during the drill, and ask the lead which number looks bad.',
      },
      {
        id: 'target-unhealthy',
        text: 'Every target in zone b is marked unhealthy.',
        correct: false,
        explanation: 'That is the system working as designed: an expected event to time against the hypothesis, not a reason to stop.',
      },
    ],
  },
  {
    id: 'game-day-order',
    kind: 'ordering',
    prompt:
      'Your team runs its first zone-loss game day on Thursday, and these six items are on the whiteboard in no order. Put them in the order the team should do them, first at the top.',
    steps: [
      {id: 'hypothesis', text: 'Write the hypothesis with expected numbers, the scope and the abort criteria.'},
      {id: 'prepare', text: 'Check capacity and alarms, name the roles, tell support and dependent teams.'},
      {id: 'inject', text: 'Start the FIS experiment or the zonal shift.'},
      {id: 'observe', text: 'Call out each signal against its expected value, and watch the abort criteria.'},
      {id: 'recover', text: 'End the experiment and confirm everything is back: traffic, roles, replicas.'},
      {id: 'review', text: 'Compare measured with expected, assign actions, update the runbook, schedule the next one.'},
    ],
    explanation:
      'A game day is the course’s lab loop on a real system: predict (hypothesis), prepare, break, watch, recover, explain. The review is where the value is: every gap between expected and measured becomes an action.',
  },
];

export default questions;
