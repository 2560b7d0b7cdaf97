/** Chapter 11's "predict first" answers: the lab's three responses to one gray failure, run by the engine. */
import {grayFailure, simulate, zonalShift, type Summary} from '@site/src/engine';
import {formatCount} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';

const GRAY = {at: 300, duration: 1800, errorShare: 0.3};
const GRAY_ENDS = GRAY.at + GRAY.duration;
const PERSON_AT = 1800;
const ALARM_AT = 480;

/** The live block's run: nobody acts (`null`), or a shift of zone b from `shiftAt` until the zone is well. */
function run(tasksPerZone: number, shiftAt: number | null): Summary {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3 * tasksPerZone, capacityPerTask: 100},
    traffic: {requestsPerSecond: 300},
    faults: [grayFailure('b', GRAY)],
    actions: shiftAt === null ? [] : [zonalShift('b', {at: shiftAt, duration: GRAY_ENDS - shiftAt})],
  }).summary;
}

const twoPerZone = {nobody: run(2, null), person: run(2, PERSON_AT), alarm: run(2, ALARM_AT)};
const onePerZone = {nobody: run(1, null), person: run(1, PERSON_AT), alarm: run(1, ALARM_AT)};
const saved = Math.round(twoPerZone.person.failed - twoPerZone.alarm.failed);

const ROWS = [
  {id: 'nobody', text: 'Nobody acts'},
  {id: 'person', text: 'A person shifts at t = 1,800 s'},
  {id: 'alarm', text: 'An alarm shifts at t = 480 s'},
] as const;
const worstWithOne = ROWS.reduce((worst, row) => (onePerZone[row.id].failed > onePerZone[worst.id].failed ? row : worst));

export const earlyShift: Prediction = {
  asks: [
    {id: 'saved', kind: 'number', label: 'Requests the alarm-driven shift saves against the person, two tasks per zone', unit: 'requests', answer: saved},
    {id: 'worst-one-task', kind: 'choice', label: 'With one task per zone, the worst row', choices: ROWS.map((row) => ({...row})), answer: worstWithOne.id},
  ],
  because: `with two tasks per zone the person's shift lets ${formatCount(twoPerZone.person.failed)} requests fail and the alarm's ${formatCount(twoPerZone.alarm.failed)}. With one task per zone, every shift puts 300 requests a second on room for 200, so the earlier shift overloads longer: ${formatCount(onePerZone.alarm.failed)} failed with the alarm, ${formatCount(onePerZone.person.failed)} with the person, ${formatCount(onePerZone.nobody.failed)} with nobody acting.`,
};
