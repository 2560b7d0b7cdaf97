/**
 * Chapter 4's "predict first" answers: sizes from `capacityPlan`, behaviour
 * from `simulate`, with the same settings as the calculator and the live blocks.
 */
import {capacityPlan, getPreset, simulate, zoneOutage, type Model} from '@site/src/engine';
import {formatDuration, formatPercent} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {failingPercentAt, failingSeconds} from '@site/src/content/measure';

const ZONES = ['a', 'b', 'c', 'd'];

/** `zones` zones of `perZone` tasks; the first zone is lost at 5:00 and nothing can be launched (as in the calculator). */
function zoneLoss(zones: number, perZone: number, peak: number, perTask: number, scheduler: Model['scheduler'] = {kind: 'none'}) {
  const names = ZONES.slice(0, zones);
  return simulate({
    zones: names,
    service: {tasksPerZone: Object.fromEntries(names.map((zone) => [zone, perZone])), capacityPerTask: perTask},
    scheduler,
    traffic: {requestsPerSecond: peak},
    faults: [zoneOutage(names[zones === 3 ? 1 : 0]!, {at: 300, duration: 1800})],
    durationSeconds: 3600,
  });
}

/** The calculator's starting point, and the same for 2 and 4 zones. */
function calculator(zones: number) {
  const plan = capacityPlan({zones, peakRequestsPerSecond: 600, capacityPerTask: 100});
  const lean = zoneLoss(zones, Math.ceil(plan.minimumTasks / zones), 600, 100);
  // Ten minutes into the outage, long after the lost tasks are out of the load balancer.
  return {plan, leanPercent: failingPercentAt(lean, 900)};
}
const [two, three, four] = [2, 3, 4].map(calculator) as [ReturnType<typeof calculator>, ReturnType<typeof calculator>, ReturnType<typeof calculator>];

export const calculatorStart: Prediction = {
  asks: [
    {id: 'stable-tasks', kind: 'number', label: 'Tasks in the statically stable design', unit: 'tasks', answer: three.plan.totalTasks},
    {id: 'lean-failing', kind: 'number', label: 'Share failing in the "just enough" design while a zone is down', unit: '%', answer: three.leanPercent},
  ],
  because: `each of the 2 zones left must carry the whole peak: ⌈600 ÷ 2 ÷ 100⌉ = ${three.plan.tasksPerZone} tasks a zone. The "just enough" design keeps two thirds of its capacity. With 2 zones the stable design runs ${two.plan.totalTasks} tasks (and the lean one fails ${two.leanPercent} %); with 4, ${four.plan.totalTasks} tasks (lean: ${four.leanPercent} %).`,
};

const plan300 = capacityPlan({zones: 3, peakRequestsPerSecond: 300, capacityPerTask: 50});
const leanPerZone = Math.ceil(plan300.minimumTasks / 3);
const withEcs = failingSeconds(zoneLoss(3, leanPerZone, 300, 50, {kind: 'ecs'}), 'timeout');
const withNothing = failingSeconds(zoneLoss(3, leanPerZone, 300, 50, {kind: 'none'}), 'timeout');

/** The live block's two runs, quoted in the key takeaways. */
export const scaleFigures = {
  withEcs: formatDuration(withEcs),
  /** The run with nothing launched, beside the first: "as long as …" when the replacements changed nothing. */
  againstNothing: formatDuration(withEcs) === formatDuration(withNothing) ? 'just as long as with nothing launched' : `against ${formatDuration(withNothing)} with nothing launched`,
};

export const scaleDuringEvent: Prediction = {
  asks: [{id: 'overload-seconds', kind: 'number', label: 'Seconds the "just enough" design overloads, with ECS', unit: 's', answer: withEcs}],
  because: `In the model the scheduler starts replacements once it learns the lost tasks are gone (from the load balancer marking them unhealthy, or its own notice, an estimate), and each needs its start time and a passing check. With \`kind: 'none'\` nothing replaces them and requests time out for ${formatDuration(withNothing)}. Either way the queue built while overloaded outlives the overload, and drains only as fast as spare capacity allows: once the replacements restore exactly the peak's capacity, there is none.`,
};

const {model: grayModel} = getPreset('gray-failure-zonal-shift');
const gray = simulate({...grayModel, traffic: {requestsPerSecond: 300}});
const shiftAt = gray.model.actions.find((action) => action.kind === 'zonalShift')?.at ?? 0;
const before = failingPercentAt(gray, shiftAt - 60);
const after = failingPercentAt(gray, shiftAt + 60);

export const shiftNeedsCapacity: Prediction = {
  asks: [
    {
      id: 'after-shift',
      kind: 'choice',
      label: 'After the shift',
      choices: [
        {id: 'fewer', text: 'Fewer requests fail'},
        {id: 'more', text: 'More requests fail'},
      ],
      answer: after > before ? 'more' : 'fewer',
    },
  ],
  because: `before the shift ${formatPercent(before / 100)} of requests fail (half of zone b's third); after it, four tasks face the whole peak and ${formatPercent(after / 100)} fail as overload.`,
};
