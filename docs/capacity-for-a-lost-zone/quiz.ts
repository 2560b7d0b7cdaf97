/**
 * Chapter 4 quiz: capacity for a lost zone. Sizes come from `capacityPlan`,
 * behaviour under a zone loss from `simulate`, never typed by hand. Facts
 * (static stability, autoshift practice runs, the FIS scenario) are from
 * /work/shared/reference/facts.md.
 */
import {capacityPlan, selectSegmentAt, simulate, zonalShift, zoneOutage} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';
import {formatCount, formatDuration} from '@site/src/utils/format';
import challenge from './challenge';

const pct = (x: number): string => `${Math.round(x * 1000) / 10} %`;

// Q1 and Q2: 900 req/s at peak, 150 req/s per task.
const PEAK = 900;
const PER_TASK = 150;
const three = capacityPlan({zones: 3, peakRequestsPerSecond: PEAK, capacityPerTask: PER_TASK});
const two = capacityPlan({zones: 2, peakRequestsPerSecond: PEAK, capacityPerTask: PER_TASK});

// Q3: which zone count needs the fewest tasks, for 1,000 req/s at 100 req/s a task.
const Q3_PEAK = 1000;
const Q3_PER_TASK = 100;
const q3Plans = [2, 3, 4].map((zones) => capacityPlan({zones, peakRequestsPerSecond: Q3_PEAK, capacityPerTask: Q3_PER_TASK}));
const q3Fewest = Math.min(...q3Plans.map((p) => p.totalTasks));
const q3Plan = (zones: number) => q3Plans.find((p) => p.zones === zones)!;

// Q6: the "just enough" design with nothing launched during the outage.
const LEAN_PEAK = 300;
const LEAN_PER_TASK = 50;
const leanPlan = capacityPlan({zones: 3, peakRequestsPerSecond: LEAN_PEAK, capacityPerTask: LEAN_PER_TASK});
const leanPerZone = Math.ceil(leanPlan.minimumTasks / 3);
const OUTAGE_AT = 300;
const leanRunWith = (loadShedding: boolean) =>
  simulate({
  zones: ['a', 'b', 'c'],
  service: {tasksPerZone: {a: leanPerZone, b: leanPerZone, c: leanPerZone}, capacityPerTask: LEAN_PER_TASK, loadShedding},
  scheduler: {kind: 'none'},
  traffic: {requestsPerSecond: LEAN_PEAK},
  faults: [zoneOutage('b', {at: OUTAGE_AT, duration: 1800})],
  durationSeconds: 3600,
});
const leanRun = leanRunWith(true);
const leanNoShedSegment = selectSegmentAt(leanRunWith(false), OUTAGE_AT + 600);
// Ten minutes into the outage, long after the dead tasks were marked unhealthy.
const leanSegment = selectSegmentAt(leanRun, OUTAGE_AT + 600);
const leanFailedShare = leanSegment.failed / leanSegment.offered;

// The ordering question: the same lean design with ECS replacing the lost tasks, shedding or not.
const leanReplacedWith = (loadShedding: boolean) =>
  simulate({
    zones: ['a', 'b', 'c'],
    service: {tasksPerZone: {a: leanPerZone, b: leanPerZone, c: leanPerZone}, capacityPerTask: LEAN_PER_TASK, loadShedding},
    traffic: {requestsPerSecond: LEAN_PEAK},
    faults: [zoneOutage('b', {at: OUTAGE_AT, duration: 1800})],
    durationSeconds: 3600,
  });
/** The last second of a run in which some request was shed or timed out, or null. */
const overloadEnd = (run: ReturnType<typeof simulate>): number | null =>
  run.segments.filter((segment) => segment.failedByCause.shed + segment.failedByCause.timeout > 0).at(-1)?.to ?? null;
const shedding = leanReplacedWith(true);
// The design review question: the same peak on the statically stable fleet.
const staticRun = simulate({
  zones: ['a', 'b', 'c'],
  service: {tasksPerZone: {a: leanPlan.tasksPerZone, b: leanPlan.tasksPerZone, c: leanPlan.tasksPerZone}, capacityPerTask: LEAN_PER_TASK, loadShedding: true},
  traffic: {requestsPerSecond: LEAN_PEAK},
  faults: [zoneOutage('b', {at: OUTAGE_AT, duration: 1800})],
  durationSeconds: 3600,
});
const replacementsServing = shedding.events.find((event) => event.type === 'lb/targetHealthy')?.t ?? null;
const sheddingOverloadEnd = overloadEnd(shedding);
const queueingOverloadEnd = overloadEnd(leanReplacedWith(false));

// Q7: a first autoshift practice run, at peak, on a service sized for its peak but not for a lost zone.
const PRACTICE = {tasksPerZone: 2, perTask: 100, peak: 500, at: 300, duration: 1800};
const practiceRun = simulate({
  zones: ['a', 'b', 'c'],
  service: {desiredCount: 3 * PRACTICE.tasksPerZone, capacityPerTask: PRACTICE.perTask},
  traffic: {requestsPerSecond: PRACTICE.peak},
  actions: [zonalShift('b', {at: PRACTICE.at, duration: PRACTICE.duration})],
  durationSeconds: 3600,
});
const practiceSegment = selectSegmentAt(practiceRun, PRACTICE.at + 600);
const practiceLeft = practiceSegment.zones.filter((zone) => !zone.shifted).reduce((sum, zone) => sum + zone.capacity, 0);
const practiceFailing = practiceSegment.failed / practiceSegment.offered;
const practicePlan = capacityPlan({zones: 3, peakRequestsPerSecond: PRACTICE.peak, capacityPerTask: PRACTICE.perTask});

const questions: QuizQuestion[] = [
  {
    id: 'tasks-per-zone-three',
    kind: 'numeric',
    prompt: `A service peaks at ${PEAK} requests per second, and one task serves ${PER_TASK}. It runs in 3 zones and must carry the peak with no new task if any one zone is lost. How many tasks must each zone run?`,
    answer: three.tasksPerZone,
    tolerance: 0,
    unit: 'tasks',
    hints: [
      {value: Math.ceil(three.minimumTasks / 3), text: 'That carries the peak only while all three zones are up. Size each zone so that the two left can carry it.'},
      {value: three.totalTasks, text: 'That is the whole fleet; the question asks for one zone.'},
    ],
    explanation: `The peak needs ⌈${PEAK} ÷ ${PER_TASK}⌉ = ${three.minimumTasks} tasks. The 2 zones left after a loss must hold them all, so each zone runs ⌈${three.minimumTasks} ÷ 2⌉ = ${three.tasksPerZone}: ${three.totalTasks} tasks in all, ${Math.round(three.overhead * 100)} % of the peak.`,
  },
  {
    id: 'total-tasks-two',
    kind: 'numeric',
    prompt: `The same service (${PEAK} requests per second at peak, ${PER_TASK} per task) runs in 2 zones instead, with the same goal. How many tasks does it run in all?`,
    answer: two.totalTasks,
    tolerance: 0,
    unit: 'tasks',
    hints: [{value: two.minimumTasks, text: 'That serves the peak only while both zones are up. With one of two zones lost, the zone left must carry everything.'}],
    explanation: `With 2 zones, the one left after a loss must carry the whole peak: ${two.tasksPerZone} tasks in each zone, ${two.totalTasks} in all, ${Math.round(two.overhead * 100)} % of the peak. Three zones did it with ${three.totalTasks}.`,
  },
  {
    id: 'fewest-tasks-layout',
    kind: 'single',
    prompt: `A service peaks at ${Q3_PEAK} requests per second, and one task serves ${Q3_PER_TASK}. It must survive the loss of any one zone with no new task. Which layout needs the fewest tasks?`,
    choices: [2, 3, 4].map((zones) => {
      const plan = q3Plan(zones);
      const correct = plan.totalTasks === q3Fewest;
      return {
        id: `${zones}-zones`,
        text: `${zones} zones`,
        correct,
        explanation: correct
          ? `Right: ⌈${plan.minimumTasks} ÷ ${zones - 1}⌉ = ${plan.tasksPerZone} tasks a zone, ${plan.totalTasks} in all (${Math.round(plan.overhead * 100)} %).`
          : `${zones} zones need ⌈${plan.minimumTasks} ÷ ${zones - 1}⌉ = ${plan.tasksPerZone} tasks a zone, ${plan.totalTasks} in all (${Math.round(plan.overhead * 100)} %)${zones === 4 ? `: the formula promises 133 %, but whole tasks round each zone up` : ''}. The fewest is ${q3Fewest}.`,
      };
    }),
  },
  {
    id: 'no-spare-tasks-review',
    kind: 'multiple',
    prompt: `A design review reads: “The service peaks at ${LEAN_PEAK} requests per second and a task serves ${LEAN_PER_TASK}, so we run ${leanPerZone * 3} tasks, ${leanPerZone} in each of 3 zones. If a zone fails, ECS replaces its tasks in the other zones, so we need no spare tasks.” The tasks shed what they cannot answer in time. In the lab, zone b fails at peak at t = ${OUTAGE_AT} s. Which objections to the design hold? Select all that apply.`,
    choices: [
      {
        id: 'fails-until-replaced',
        text: `Until the replacements pass their first health check, the ${leanPerZone * 2} tasks left serve ${leanPerZone * 2 * LEAN_PER_TASK} of the ${LEAN_PEAK} requests per second, and the rest fail.`,
        correct: true,
        explanation: `Right: in the lab the replacements serve from t = ${replacementsServing} s, ${replacementsServing === null ? '' : formatDuration(replacementsServing - OUTAGE_AT)} after the zone failed, and the run fails ${formatCount(shedding.summary.failed)} requests in all. The same load on ${leanPlan.tasksPerZone} tasks a zone, which carries the peak on two zones, fails ${formatCount(staticRun.summary.failed)}: only what was sent to the dead zone, before detection and by clients still holding its address.`,
      },
      {
        id: 'control-plane',
        text: 'The replacements are launched through the control plane during the event, and a plan that needs the control plane then depends on its least reliable part.',
        correct: true,
        explanation: 'Right: that is the heart of static stability. Launching tasks or instances is control-plane work, which fails more often than the data plane that keeps running tasks serving; AWS’s fault-injection scenario for a zone even blocks scaling into the affected zone to rehearse it.',
      },
      {
        id: 'spare-capacity',
        text: 'If the tasks run on EC2 instances, the zones left may have no spare instances for the replacements when many customers ask for them at once.',
        correct: true,
        explanation: 'Right: the lab assumes every replacement finds room. On EC2, finding it means asking the control plane for capacity during the event.',
      },
      {
        id: 'cannot-move',
        text: 'ECS cannot start the replacements in zones a and c: a task stays in the zone it was placed in.',
        correct: false,
        explanation: 'It can and does: the scheduler replaces lost tasks to get back to the desired count, in the zones that still work, provided the service has subnets there. In the lab the replacements serve from the other zones.',
      },
      {
        id: 'aws-blocks-all',
        text: 'AWS blocks every scaling API in the Region while a zone is impaired, so nothing is replaced until the zone is back.',
        correct: false,
        explanation:
          'No such rule exists. AWS’s fault-injection scenario blocks scaling into the affected zone, to rehearse the worst case, but launching in other zones is not blocked: it is just not something to count on.',
      },
    ],
  },
  {
    id: 'which-is-static',
    kind: 'single',
    prompt: 'A service needs 6 tasks at peak. Which design is statically stable against the loss of one zone?',
    choices: [
      {
        id: 'six-plus-scaling',
        text: '6 tasks, 2 in each of 3 zones, with a scaling policy that adds tasks within two minutes.',
        correct: false,
        explanation: 'Losing a zone leaves 4 tasks for a 6-task peak until the scaling policy acts, and it acts through the control plane. It may recover, but it is not statically stable.',
      },
      {
        id: 'six-in-two',
        text: '6 tasks, 3 in each of 2 zones.',
        correct: false,
        explanation: 'With 2 zones the zone left must carry the whole peak: 6 tasks in each zone, 12 in all. With 3 each, losing a zone halves the capacity.',
      },
      {
        id: 'nine-in-three',
        text: '9 tasks, 3 in each of 3 zones.',
        correct: true,
        explanation: 'Right: losing any zone leaves 6 tasks, the whole peak, with nothing to launch.',
      },
      {
        id: 'nine-in-one',
        text: '9 tasks in one zone, with room for a 50 % surge.',
        correct: false,
        explanation: 'Spare capacity in a single zone protects against load, not against losing the zone: the whole fleet goes with it.',
      },
    ],
  },
  {
    id: 'lean-overload-share',
    kind: 'numeric',
    prompt: `A service runs ${leanPerZone} tasks in each of 3 zones, each serving ${LEAN_PER_TASK} requests per second, for a peak of ${LEAN_PEAK}. Its tasks shed load: they reject at once what they cannot serve in time. A zone fails at peak and nothing can be launched during the event. Ten minutes into the outage, what percentage of requests fails?`,
    answer: Math.round(leanFailedShare * 1000) / 10,
    tolerance: 2,
    unit: '%',
    explanation: `The ${leanPerZone * 2} tasks left can serve ${leanPerZone * 2 * LEAN_PER_TASK} requests per second of the ${LEAN_PEAK}, so ${pct(leanFailedShare)} are shed for as long as the zone is down. That is the best case: without load shedding the model fails ${pct(leanNoShedSegment.failed / leanNoShedSegment.offered)}, because the queues grow past the clients’ timeout and every answer comes too late. The statically stable design runs ${leanPlan.tasksPerZone} tasks a zone and fails nothing once detection is over.`,
  },
  {
    id: 'first-practice-run',
    kind: 'single',
    prompt: `Your service runs ${PRACTICE.tasksPerZone} tasks in each of three zones, ${PRACTICE.perTask} requests per second each, and peaks at ${PRACTICE.peak}. You enable zonal autoshift on its load balancer, with an outcome alarm on the error rate. The first weekly practice run shifts traffic away from zone b at peak. What does it show?`,
    choices: [
      {
        id: 'capacity',
        text: 'That the service cannot lose a zone at peak: the zones left cannot carry the load, requests fail, and the outcome alarm ends the practice run.',
        correct: practiceFailing > 0,
        explanation: `${practiceFailing > 0 ? 'Right: the' : 'The'} zones left serve ${practiceLeft} requests per second for ${PRACTICE.peak}; in the model, ten minutes into the shift ${pct(practiceFailing)} of requests fail, since tasks without load shedding queue them past the clients’ timeout. That is what practice runs are for: proving on a day you watch that the other zones carry the load, before AWS shifts away a zone at a moment it chooses. The outcome alarm ends the run when it goes into ALARM. Statically stable, the service would run ${practicePlan.tasksPerZone} tasks a zone.`,
      },
      {
        id: 'health-checks',
        text: 'Nothing about capacity: a practice run checks that the health checks mark a dead target unhealthy quickly enough.',
        correct: false,
        explanation: 'A practice run shifts traffic away from a healthy zone: no target dies and no health check fails. Detection time is set by the health-check settings.',
      },
      {
        id: 'scale-out',
        text: 'That the service is fine: ECS starts tasks in zones a and c to carry zone b’s share while the shift lasts.',
        correct: practiceFailing === 0,
        explanation: `A zonal shift only moves traffic: zone b’s tasks stay healthy, so ECS replaces nothing, and only your own Auto Scaling could add tasks, in minutes and through the control plane. In the model ${pct(practiceFailing)} of requests fail ten minutes into the shift.`,
      },
      {
        id: 'zone-recovers',
        text: 'That AWS can bring an impaired zone back within the shift’s expiry.',
        correct: false,
        explanation: 'Practice runs test your service, not AWS’s zones. The zone is not impaired during a practice run.',
      },
    ],
  },
  {
    id: 'lean-zone-loss-order',
    kind: 'ordering',
    prompt:
      'A service runs just enough tasks for its peak, spread over three zones; its tasks shed what they cannot answer in time, and ECS replaces lost tasks. A zone fails at peak. Put what happens in order, first at the top.',
    steps: [
      {id: 'dead-requests-fail', text: 'Requests sent to the dead zone’s tasks fail.'},
      {id: 'marked-unhealthy', text: 'The load balancer marks those tasks unhealthy; the tasks left now receive all the traffic and are overloaded.'},
      {id: 'replacements-launched', text: 'ECS launches replacement tasks in the zones that are left.'},
      {id: 'first-check', text: 'The replacements start and pass their first health check.'},
      {id: 'overload-ends', text: 'The overload ends.'},
    ],
    explanation: `Detection comes first (35 to 65 s with the default checks) and the overload starts with it, because the survivors take over the dead tasks’ share. The overload lasts until replacements are in service, which needs the control plane: in the model’s run they serve from t = ${replacementsServing} s and the last request is shed by t = ${sheddingOverloadEnd} s. That order needs the shedding: without it the model’s queues outlast the replacements, and requests still time out up to t = ${queueingOverloadEnd} s${queueingOverloadEnd === 3600 ? ', the end of the run' : ''} (see Overload after a zone loss). A statically stable design skips the last three steps: its survivors were never overloaded.`,
  },
  // Last: a design the model grades, in the lab.
  challenge,
];

export default questions;
