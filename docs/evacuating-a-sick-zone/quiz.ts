/**
 * Chapter 13 quiz: evacuating a sick zone yourself. Every answer about
 * simulated behaviour is computed below from the engine, never typed by hand;
 * the AWS behaviour (zonal shift, zonal autoshift and its practice runs, ALB
 * anomaly mitigation, per-zone metrics) is sourced on the chapter's page.
 */
import {DEFAULT_ALARM_SHIFT, selectSegmentAt, type Segment} from '@site/src/engine';
import {formatDuration} from '@site/src/utils/format';
import type {QuizQuestion} from '@site/src/quiz/types';
import {ALARM_SHIFT_AT, GRAY, GRAY_ENDS, runGrayFailure} from './lab';

const run = runGrayFailure;

const withHeadroom = run(2, ALARM_SHIFT_AT);
const alarmShiftFailed = Math.round(withHeadroom.summary.failed);
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const thinNoShift = run(1, null).summary.availability;
const thinShift = run(1, ALARM_SHIFT_AT).summary.availability;

const graySegment = selectSegmentAt(run(2, null), 600);
const overallShare = graySegment.failed / graySegment.offered;

// Q6: last night's evacuation, the automation's log without timestamps, read from the alarm-driven run.
const FIRST_PERIOD = GRAY.at + DEFAULT_ALARM_SHIFT.evaluationPeriodSeconds;
const failedBy = (t: number) => withHeadroom.segments.reduce((sum, segment) => sum + segment.failed * Math.max(0, Math.min(segment.to, t) - segment.from), 0);
const beforeShift = selectSegmentAt(withHeadroom, ALARM_SHIFT_AT - 1);
const afterShift = selectSegmentAt(withHeadroom, ALARM_SHIFT_AT + 1);
const zoneOf = (segment: Segment, zone: string) => {
  const found = segment.zones.find((z) => z.zone === zone);
  if (!found) throw new Error(`Chapter 13 quiz: no zone ${zone} in the run`);
  return found;
};
const rateOf = (segment: Segment, zone: string) => pct(zoneOf(segment, zone).errorRate);
const sparesLeft = ['a', 'c'].reduce((sum, zone) => sum + zoneOf(beforeShift, zone).capacity, 0);
const afterWell = selectSegmentAt(withHeadroom, GRAY_ENDS + 60);

const questions: QuizQuestion[] = [
  {
    id: 'alarm-shift-failed',
    kind: 'numeric',
    prompt: `Six tasks, two per zone, each serving 100 requests a second, share 300 requests a second. From t = ${GRAY.at} s zone b fails ${GRAY.errorShare * 100} % of the requests it serves for 30 minutes, while its health checks pass. A per-zone alarm fires and your automation shifts traffic away from zone b at t = ${ALARM_SHIFT_AT} s, until the zone is well. How many requests fail in all?`,
    answer: alarmShiftFailed,
    tolerance: Math.round(alarmShiftFailed * 0.1),
    unit: 'requests',
    explanation: `Zone b gets a third of 300 requests a second and ${GRAY.errorShare * 100} % of those fail: 30 a second, for the ${ALARM_SHIFT_AT - GRAY.at} s until the shift, so the engine counts ${count(alarmShiftFailed)}. After the shift the four tasks in zones a and c carry 300 requests a second within their 400, and nothing fails. Left alone, the same gray failure fails ${count(run(2, null).summary.failed)}.`,
  },
  {
    id: 'no-headroom-shift',
    kind: 'single',
    prompt: `The same gray failure, but the service runs one task per zone: three tasks of 100 requests a second for a peak of 300. The same alarm-driven shift starts at t = ${ALARM_SHIFT_AT} s. What does it do to the hour's availability?`,
    choices: [
      {
        id: 'shift-helps',
        text: 'It raises it: the sick zone’s errors stop three minutes in.',
        correct: thinShift > thinNoShift,
        explanation: `The errors of zone b do stop, but two tasks now face 300 requests a second with room for 200. The engine gives ${pct(thinNoShift)} without the shift and ${pct(thinShift)} with it.`,
      },
      {
        id: 'shift-hurts',
        text: 'It lowers it: the two zones left cannot carry the load, so the shift trades the gray failure for overload.',
        correct: thinShift < thinNoShift,
        explanation: `Right: ${pct(thinNoShift)} without the shift, ${pct(thinShift)} with it. An automation that shifts must first check that the other zones can carry the load, and a service that cannot lose a zone’s capacity cannot be evacuated.`,
      },
      {
        id: 'no-difference',
        text: 'It changes nothing: the gray failure and the shift cancel out.',
        correct: thinShift === thinNoShift,
        explanation: `The engine gives ${pct(thinNoShift)} without the shift and ${pct(thinShift)} with it.`,
      },
      {
        id: 'scheduler-adds',
        text: 'It raises it, because ECS starts more tasks in zones a and c when the shift starts.',
        correct: false,
        explanation:
          'A zonal shift only moves traffic. The tasks in zone b are healthy as far as ECS can tell, so nothing is replaced, and nothing scales out unless your own Auto Scaling reacts, which takes minutes and the control plane.',
      },
    ],
  },
  {
    id: 'autoshift-own-bug',
    kind: 'multiple',
    prompt:
      'A bad configuration pushed only to your tasks in zone b makes them fail 30 % of requests; AWS’s infrastructure in zone b is fine. Your ALB has zonal autoshift enabled, with practice runs and an outcome alarm on your error rate. Which of these are true? Select all that apply.',
    choices: [
      {
        id: 'autoshift-starts',
        text: 'Zonal autoshift starts a shift away from zone b once your error rate there stands out.',
        correct: false,
        explanation:
          'Autoshift is started by AWS when its own telemetry shows an impairment of the Availability Zone. It does not watch your application’s errors, and here the zone is fine: the fault is yours.',
      },
      {
        id: 'own-automation',
        text: 'An alarm on zone b’s error rate that calls `StartZonalShift` would move the traffic away.',
        correct: true,
        explanation: 'Right: that automation is yours to build, and it is what reacts to a failure only your service can see.',
      },
      {
        id: 'manual-shift',
        text: 'The on-call engineer can start a zonal shift away from zone b by hand, autoshift or not.',
        correct: true,
        explanation: 'Right: zonal shift is available on the load balancer whenever it is enabled; autoshift does not stop you from shifting yourself.',
      },
      {
        id: 'practice-run-ends',
        text: 'If a weekly practice run were under way and your outcome alarm went into ALARM, ARC would end the practice run.',
        correct: true,
        explanation: 'Right: the outcome alarm ends a practice run when it goes into ALARM, so a practice run cannot push a service that is already suffering further.',
      },
    ],
  },
  {
    id: 'cross-zone-metrics',
    kind: 'single',
    prompt: `Cross-zone load balancing is on. Zone b’s two tasks (of six) fail ${GRAY.errorShare * 100} % of the requests they serve. You look at the ALB’s target 5XX metric split by its \`AvailabilityZone\` dimension, read as the course reads it: what each zone’s load balancer node handled (AWS’s documentation does not say). What do you see?`,
    choices: [
      {
        id: 'only-b',
        text: `Zone b at ${GRAY.errorShare * 100} % errors, zones a and c at zero.`,
        correct: false,
        explanation:
          'That is what you would see with cross-zone load balancing off, when each node sends only to its own zone’s targets. With it on, every node sends a third of its requests to zone b.',
      },
      {
        id: 'all-equal',
        text: `About the same error rate, ${pct(overallShare)}, in all three zones.`,
        correct: true,
        explanation: `Right: every node spreads its requests over all six targets, so each one sends a third of them to zone b, and ${GRAY.errorShare * 100} % of those fail: ${pct(overallShare)} of all requests, the engine’s figure, on every node alike. The metric split by the node’s zone cannot point at zone b. Record errors by the zone of the task that served them, or keep requests inside their zone.`,
      },
      {
        id: 'nothing',
        text: 'Nothing: the targets pass their health checks, so no 5XX is counted.',
        correct: false,
        explanation: 'Health checks and request metrics are separate. The failed requests are counted as target errors whether or not the checks pass.',
      },
    ],
  },
  {
    id: 'anomaly-shared-dependency',
    kind: 'single',
    prompt:
      'Your target group uses `weighted_random` with anomaly mitigation on. A shared cache slows down, and every target in every zone starts failing 20 % of its requests. What does anomaly mitigation do?',
    choices: [
      {
        id: 'nothing-stands-out',
        text: 'Little or nothing: it looks for targets whose errors stand out from their peers, and here every target fails alike.',
        correct: true,
        explanation:
          'Right: anomaly detection compares each target with the others in its target group. A failure every target shares is not an anomaly, and no weight change could route around it. Fix the dependency, and shed load if the retries pile up.',
      },
      {
        id: 'shifts-zone',
        text: 'It shifts traffic away from the zone with the most errors.',
        correct: false,
        explanation: 'It weighs single targets, never zones. Moving traffic away from a zone is a zonal shift.',
      },
      {
        id: 'marks-unhealthy',
        text: 'It marks the failing targets unhealthy, as health checks would.',
        correct: false,
        explanation: 'It changes how much traffic a target gets, not its health. Health checks still decide whether a target is in service.',
      },
      {
        id: 'default-on',
        text: 'Nothing, because anomaly mitigation works only with the default round-robin algorithm.',
        correct: false,
        explanation: 'It is the other way round: anomaly mitigation needs `weighted_random`, which this team uses. It does little here for another reason: no target stands out.',
      },
    ],
  },
  {
    id: 'evacuation-log-order',
    kind: 'ordering',
    prompt: `Post-mortem of last night’s gray failure: six tasks, two per zone, 100 requests a second each, 300 offered; zone b’s tasks started failing ${GRAY.errorShare * 100} % of their requests while their health checks passed. Your per-zone alarm is ${pct(DEFAULT_ALARM_SHIFT.errorRateThreshold)} for ${DEFAULT_ALARM_SHIFT.evaluationPeriods} one-minute periods, and its automation shifts with an expiry. The automation’s log and the pager lost their timestamps. Put the entries in the order they happened, earliest at the top.`,
    steps: [
      {id: 'outlier', text: `Zone b’s error rate ${rateOf(selectSegmentAt(withHeadroom, FIRST_PERIOD), 'b')}, zones a and c ${rateOf(selectSegmentAt(withHeadroom, FIRST_PERIOD), 'a')}: the first period over the threshold, ${count(failedBy(FIRST_PERIOD))} requests failed so far.`},
      {id: 'alarm', text: `The zone b alarm goes into ALARM, its zone alone over the threshold: ${count(failedBy(ALARM_SHIFT_AT))} requests failed so far.`},
      {id: 'guard', text: `Guard check: zones a and c can serve ${count(sparesLeft)} requests a second between them, for 300 offered; go ahead.`},
      {id: 'shift', text: `StartZonalShift away from zone b, expiring in ${formatDuration(DEFAULT_ALARM_SHIFT.expiresAfterSeconds)}: failed requests fall from ${count(beforeShift.failed)} a second to ${count(afterShift.failed)}.`},
      {id: 'page', text: `Page to the on-call engineer: “Zone b shifted away; ${count(failedBy(ALARM_SHIFT_AT))} requests failed before the shift.”`},
      {id: 'end', text: `The engineer sees zone b well again and ends the shift: zone b serves its third of the traffic, error rate ${rateOf(afterWell, 'b')}.`},
    ],
    explanation: `The engine’s run, in order. Zone b fails ${count(beforeShift.failed)} requests a second from t = ${GRAY.at} s, so after the first one-minute period ${count(failedBy(FIRST_PERIOD))} have failed, and after the ${DEFAULT_ALARM_SHIFT.evaluationPeriods} periods the alarm needs, ${count(failedBy(ALARM_SHIFT_AT))}: that count tells the two alarm lines apart. Before it shifts, the automation checks what makes a shift safe (one zone sick, the others with room for the load: ${count(sparesLeft)} for 300); then it shifts with an expiry, so a forgotten shift ends on its own, and the failures stop; then it tells a person what it did, with the same count, since nothing fails after the shift. People, not the alarm, decide when the zone is trusted again.`,
  },
];

export default questions;
