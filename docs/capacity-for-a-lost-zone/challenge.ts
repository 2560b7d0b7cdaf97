/**
 * Chapter 4's design challenge: survive the loss of any one zone with no
 * overload failures at 600 req/s using the fewest tasks. Graded by running the
 * reader's design in the engine (src/quiz/challenge.ts); the numbers in the
 * explanation come from `capacityPlan`, the same static-stability formula.
 */
import {capacityPlan, zoneOutage, type Model} from '@site/src/engine';
import {LAB_ZONES} from '@site/src/lab/edit';
import type {ChallengeQuestion} from '@site/src/quiz/types';

const PEAK = 600;
const PER_TASK = 100;
const threeZones = capacityPlan({zones: 3, peakRequestsPerSecond: PEAK, capacityPerTask: PER_TASK});
const fourZones = capacityPlan({zones: 4, peakRequestsPerSecond: PEAK, capacityPerTask: PER_TASK});
const twoZones = capacityPlan({zones: 2, peakRequestsPerSecond: PEAK, capacityPerTask: PER_TASK});

/** The fewest tasks over any zone count the lab offers (two to six zones). */
const fewest = Math.min(...[2, 3, 4, 5, 6].map((zones) => capacityPlan({zones, peakRequestsPerSecond: PEAK, capacityPerTask: PER_TASK}).totalTasks));

const traffic = {requestsPerSecond: PEAK};
const service = {capacityPerTask: PER_TASK};

const start: Model = {
  zones: LAB_ZONES.slice(0, 3),
  service: {...service, desiredCount: 6},
  traffic,
  faults: [zoneOutage(LAB_ZONES[1]!, {at: 300, duration: 1800})],
  durationSeconds: 3600,
};

const solution: Model = {
  zones: LAB_ZONES.slice(0, 4),
  service: {...service, desiredCount: fourZones.totalTasks},
  traffic,
  faults: [zoneOutage(LAB_ZONES[1]!, {at: 300, duration: 1800})],
  durationSeconds: 3600,
};

const challenge: ChallengeQuestion = {
  id: 'fewest-tasks-for-a-lost-zone',
  kind: 'challenge',
  prompt: `Your service takes ${PEAK} req/s at peak and each task serves ${PER_TASK} req/s. It runs ${start.service?.desiredCount} tasks over three zones of us-east-1, which has six. Change the design in the lab (zones and tasks) so that losing any one zone makes no request fail as overload, using the fewest tasks you can.`,
  targets: [
    {
      id: 'no-overload',
      label: `No request fails as overload while any one zone is lost (each zone in turn, for 30 minutes, at ${PEAK} req/s).`,
      metric: 'failedByCause.overload',
      op: 'atMost',
      value: 0,
    },
    {
      id: 'fewest-tasks',
      label: `At most ${fewest} tasks in all: the fewest that can do it.`,
      metric: 'totalTasks',
      op: 'atMost',
      value: fewest,
    },
  ],
  start,
  scenarios: [{kind: 'eachZoneLost', at: 300, duration: 1800}],
  solution,
  explanation: `Each zone must hold the peak divided by the zones left after losing one, P ÷ (N − 1), so the survivors carry ${PEAK} req/s with no new task. In three zones that is ${PEAK} ÷ 2 = ${PEAK / 2} req/s, ${threeZones.tasksPerZone} tasks a zone, ${threeZones.totalTasks} in all (150 %). In four zones it is ${PEAK} ÷ 3 = ${PEAK / 3} req/s, ${fourZones.tasksPerZone} tasks a zone, ${fourZones.totalTasks} in all: losing one leaves ${fourZones.capacityAfterZoneLoss} req/s, exactly the peak. Two zones would need ${twoZones.totalTasks} (200 %). Five or six zones can also do it with ${fewest}, placed unevenly (2 + 2 + 2 + 1 + 1), but never with fewer: losing the fullest zone must still leave ${PEAK / PER_TASK} tasks, and with ${fewest - 1} tasks the fullest zone holds at least 2. The ${start.service?.desiredCount} tasks you started with keep only ${(start.service!.desiredCount! / 3) * 2 * PER_TASK} req/s after losing a zone, a third short of the peak. They do not shed load, so in the model their queues grow past the clients' timeout and goodput falls below even the ${(start.service!.desiredCount! / 3) * 2 * PER_TASK} req/s they still have, and it stays there after replacements start in the zones that are left: with exactly the peak's capacity back, nothing is left over to drain the queues.`,
};

export default challenge;
