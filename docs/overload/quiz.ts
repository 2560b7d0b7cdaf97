/**
 * Chapter 6 quiz: overload after a zone loss. Answers about simulated
 * behaviour come from the engine with the chapter's lab models; the facts
 * (load shedding, metastable failures) are sourced on the page.
 */
import {selectSegmentAt, simulate, type Segment} from '@site/src/engine';
import type {QuizQuestion} from '@site/src/quiz/types';
import {formatCount, formatDuration, formatLatency} from '@site/src/utils/format';
import {lastFailureAt} from '@site/src/content/measure';
import {DEFENCES, deploymentModel, DEPLOYMENT_PEAK, runDefences, STORM_OUTAGE, STORM_PEAK} from './models';

const RETURNS = STORM_OUTAGE.at + STORM_OUTAGE.duration;
const runs = runDefences();
const resultOf = (id: (typeof DEFENCES)[number]['id']) => runs.find((run) => run.id === id)!.result;

// Q1: the deployment during a zone loss, with load shedding on.
const MID_OUTAGE = 300 + 900;
const shedSegment = selectSegmentAt(simulate(deploymentModel(true)), MID_OUTAGE);
const noShedSegment = selectSegmentAt(simulate(deploymentModel(false)), MID_OUTAGE);
const shedFailing = Math.round(shedSegment.failed);

// Q2: goodput against capacity in the storm, five minutes into the outage.
const stormSegment = selectSegmentAt(resultOf('none'), STORM_OUTAGE.at + 300);
const goodputShare = stormSegment.capacity > 0 ? stormSegment.served / stormSegment.capacity : 0;

// Q3: which defence ends the failures soonest after the zone returns.
const lastFailure = (id: (typeof DEFENCES)[number]['id']) => lastFailureAt(resultOf(id)) ?? 0;
const afterReturn = (id: (typeof DEFENCES)[number]['id']) => Math.max(0, lastFailure(id) - RETURNS);
const fewestFailed = [...runs].sort((x, y) => x.result.summary.failed - y.result.summary.failed)[0]!;
const stormAfter = afterReturn('none');

// Q6: the storm's dashboard at five moments, their timestamps lost; the reader orders them.
const storm = resultOf('none');
const TIMEOUT = storm.model.clients.requestTimeoutSeconds;
/** The first stretch at or after `from` that `test` picks out, so the question fails the build if the storm ever stops telling this story. */
const firstSegment = (from: number, what: string, test: (segment: Segment) => boolean): Segment => {
  const found = storm.segments.find((segment) => segment.from >= from && test(segment));
  if (!found) throw new Error(`Chapter 6 quiz: the storm has no stretch after t = ${from} s where ${what}`);
  return found;
};
const SNAPSHOTS = [
  {id: 'healthy', segment: selectSegmentAt(storm, STORM_OUTAGE.at / 2)},
  {id: 'lost', segment: selectSegmentAt(storm, STORM_OUTAGE.at + 1)},
  {id: 'queue', segment: firstSegment(STORM_OUTAGE.at, 'the dead tasks are out and the queue nears the timeout, nothing timed out yet', (s) => s.failed === 0 && s.latencyP99 >= TIMEOUT / 2 && s.timedOut === 0)},
  {id: 'storm', segment: selectSegmentAt(storm, STORM_OUTAGE.at + 300)},
  {id: 'returned', segment: firstSegment(RETURNS, 'the full capacity is back and still nothing is served in time', (s) => s.capacity >= stormSegment.capacity * 1.5 && s.served === 0)},
] as const;
const reading = (segment: Segment) =>
  `capacity ${formatCount(segment.capacity)} req/s, attempts ${formatCount(segment.attempts)} req/s, served in time ${formatCount(segment.served)} req/s, ${segment.served > 0 ? `p99 latency ${formatLatency(segment.latencyP99)}, ` : ''}timed out ${formatCount(segment.timedOut)} req/s`;
const atOf = (id: (typeof SNAPSHOTS)[number]['id']) => SNAPSHOTS.find((snapshot) => snapshot.id === id)!.segment;

const questions: QuizQuestion[] = [
  {
    id: 'deployment-shedding',
    kind: 'numeric',
    prompt: `Three zones of three tasks, 100 requests a second each, carry a peak of ${DEPLOYMENT_PEAK}: exactly P ÷ (N − 1). A deployment has one task of zone c out of service when zone a is lost, and the tasks shed load. How many requests a second fail while zone a is down?`,
    answer: shedFailing,
    tolerance: Math.max(1, Math.round(shedFailing * 0.1)),
    unit: 'req/s',
    hints: [{value: 0, text: 'The formula counts nine tasks in service. How many serve while zone a is down and the deployment holds one back?'}],
    explanation: `Five tasks serve ${formatCount(shedSegment.capacity)} requests a second against ${DEPLOYMENT_PEAK}: with shedding the engine fails ${formatCount(shedSegment.failed)} a second, about the excess. Without shedding it fails ${formatCount(noShedSegment.failed)} a second, because queued requests time out and their work is wasted. Keep deployments from removing capacity, or add the units they take away.`,
  },
  {
    id: 'goodput-storm',
    kind: 'single',
    prompt: `In the chapter’s storm (${STORM_PEAK} requests a second, zone a lost, two retries at once, no shedding), the two zones left work flat out five minutes into the outage. How much of their capacity goes to requests answered within the clients’ timeout?`,
    choices: [
      {
        id: 'all',
        text: 'All of it: the excess fails, and the rest is served in time.',
        correct: goodputShare >= 0.95,
        explanation: `${goodputShare >= 0.95 ? 'Right. ' : 'That would be a task with load shedding. '}The engine’s segment: capacity ${formatCount(stormSegment.capacity)} requests a second, goodput ${formatCount(stormSegment.served)}, wasted work ${formatCount(stormSegment.wasted)} a second.`,
      },
      {
        id: 'some',
        text: 'Some of it: part goes to requests whose clients have already given up.',
        correct: goodputShare > 0.01 && goodputShare < 0.95,
        explanation: `${goodputShare <= 0.01 ? 'It is worse than some. ' : 'Right. '}The engine’s segment: capacity ${formatCount(stormSegment.capacity)} requests a second, goodput ${formatCount(stormSegment.served)}, wasted work ${formatCount(stormSegment.wasted)} a second.`,
      },
      {
        id: 'none',
        text: 'Almost none: the queue is longer than the clients’ timeout, so every answer comes too late.',
        correct: goodputShare <= 0.01,
        explanation: `The engine’s segment: capacity ${formatCount(stormSegment.capacity)} requests a second, goodput ${formatCount(stormSegment.served)}, and ${formatCount(stormSegment.wasted)} a second of wasted work: a queue served first in, first out answers everyone after their timeout. Real servers keep a little goodput; the model shows the limit.`,
      },
    ],
  },
  {
    id: 'outlasts',
    kind: 'single',
    prompt: `The same storm: zone a comes back at t = ${RETURNS} s with its two tasks. What happens to the failures?`,
    choices: [
      {
        id: 'end',
        text: 'They end within a minute: the capacity is back.',
        correct: stormAfter <= 60,
        explanation: `${stormAfter <= 60 ? 'Right: in' : 'In'} the engine’s run requests still fail ${formatDuration(stormAfter)} after the return.`,
      },
      {
        id: 'outlast',
        text: 'They go on long after: the retries keep the offered load above even the full capacity.',
        correct: stormAfter > 60,
        explanation: `${stormAfter > 60 ? 'Right: requests' : 'Requests'} still fail ${formatDuration(stormAfter)} after the return in the engine’s run. That is a metastable failure: the trigger is gone, the sustaining effects (the retries, and a queue longer than the timeout) are not.`,
      },
    ],
  },
  {
    id: 'best-defence',
    kind: 'single',
    prompt: 'Which single change to the storm fails the fewest requests over the hour?',
    choices: DEFENCES.filter((defence) => defence.id !== 'none').map((defence) => ({
      id: defence.id,
      text: defence.label,
      correct: defence.id === fewestFailed.id,
      explanation: `${defence.label}: the engine counts ${formatCount(Math.round(resultOf(defence.id).summary.failed))} failed requests (the storm alone: ${formatCount(Math.round(resultOf('none').summary.failed))}), ${afterReturn(defence.id) > 0 ? `the last one ${formatDuration(afterReturn(defence.id))} after zone a returns` : 'none after zone a returns'}.`,
    })),
  },
  {
    id: 'storm-post-mortem',
    kind: 'multiple',
    prompt:
      'Post-mortem: a service ran at 90 % of its capacity. Zone a was lost for ten minutes; its clients retried every failed request twice, at once. Zone a came back at 10:10, yet errors went on until 10:40, when the team blocked a batch client and the service recovered. No code changed and no host was faulty. Which readings of the incident are right? Select all that apply.',
    choices: [
      {
        id: 'outlasts-trigger',
        text: 'It was a metastable failure: the retries kept the load above capacity after the trigger, the lost zone, had ended.',
        correct: true,
        explanation: 'Right: that is what sets it apart from plain overload. A sustaining effect, here the retries, kept it going for half an hour with every zone back.',
      },
      {
        id: 'bug',
        text: 'Something must have stayed broken after 10:10: a failure that outlasts its trigger needs a bug or a faulty host to keep going.',
        correct: false,
        explanation: 'No: the sustaining effect is usually a feature that helps in normal running, such as retries or a cache. Nothing was broken; the load was.',
      },
      {
        id: 'vulnerable',
        text: 'Running at 90 % made it vulnerable: it could carry its load, but not a temporary loss of a third of its capacity.',
        correct: true,
        explanation: 'Right: Bronson and colleagues call this the vulnerable state, and many systems run in it because it is efficient.',
      },
      {
        id: 'block-clients',
        text: 'Blocking the batch client worked because it cut the load sharply, below what the service could serve while it drained.',
        correct: true,
        explanation: 'Right: leaving a metastable state takes a strong push, such as shedding or blocking load, or capacity well beyond normal. Huang and colleagues (OSDI 2022) found such failures at 11 organisations, among them at least 4 of 15 major AWS outages of a decade.',
      },
    ],
  },
  {
    id: 'storm-readings-order',
    kind: 'ordering',
    prompt: `Post-mortem of the chapter’s storm (${STORM_PEAK} requests a second on six tasks of 100, zone a lost at t = ${STORM_OUTAGE.at} s for ${formatDuration(STORM_OUTAGE.duration)}, clients retrying twice at once with a ${formatDuration(TIMEOUT)} timeout, no shedding). The dashboard export kept five readings but lost their timestamps. Put them in the order they were taken, earliest at the top.`,
    steps: SNAPSHOTS.map(({id, segment}) => ({id, text: `${segment.capacity >= atOf('healthy').capacity ? 'Full fleet' : 'Zone a down'}: ${reading(segment)}.`})),
    explanation: `The engine’s run, in order. Before the loss the six tasks serve all ${STORM_PEAK} requests a second with room to spare. The second the zone goes, capacity drops to ${formatCount(atOf('lost').capacity)} and the dead tasks, not yet marked unhealthy, fail their share at once, so clients retry straight away: attempts ${formatCount(atOf('lost').attempts)} a second, queues still short. Once the dead tasks are marked unhealthy nothing fails for a while, but the tasks left are busy flat out and their queue grows: ${formatLatency(atOf('queue').latencyP99)} at the 99th percentile, nothing timed out yet. Then a new request’s wait passes the ${formatDuration(TIMEOUT)} timeout: every answer is late, the retries triple the attempts to ${formatCount(atOf('storm').attempts)} a second, and goodput is ${formatCount(atOf('storm').served)}. When zone a’s tasks are back in service, capacity is ${formatCount(atOf('returned').capacity)} a second, more than the ${STORM_PEAK} offered, yet the attempts are still ${formatCount(atOf('returned').attempts)} and nothing is served in time: the failure has outlived its trigger. The two full-fleet readings are told apart by what they serve; the three with zone a down order themselves by the queue: short queues with goodput below capacity are the detection window, a long queue with nothing timed out comes next, and the timeouts last.`,
  },
];

export default questions;
