/** Chapter 13's "predict first" answers: the lab's three responses to one gray failure, run by the engine. */
import type {Summary} from '@site/src/engine';
import {formatCount} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {ALARM_SHIFT_AT, PERSON_SHIFT_AT, runGrayFailure} from './lab';

const run = (tasksPerZone: number, shiftAt: number | null): Summary => runGrayFailure(tasksPerZone, shiftAt).summary;

const twoPerZone = {nobody: run(2, null), person: run(2, PERSON_SHIFT_AT), alarm: run(2, ALARM_SHIFT_AT)};
const onePerZone = {nobody: run(1, null), person: run(1, PERSON_SHIFT_AT), alarm: run(1, ALARM_SHIFT_AT)};
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
