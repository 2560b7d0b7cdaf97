/** The game day's "predict first" answers: the live block's four experiments, run by the engine. */
import {autoZonalShift, grayFailure, simulate, zoneOutage} from '@site/src/engine';
import {formatPercent} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {YES_NO, yesNo} from '@site/src/content/measure';

const TARGET = 0.99;

/** The live block's model, with its three settings. */
function availability(fault: 'outage' | 'gray', tasksPerZone: number, autoshift: boolean): number {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3 * tasksPerZone, capacityPerTask: 100},
    traffic: {requestsPerSecond: 300},
    faults: [fault === 'outage' ? zoneOutage('b', {at: 300, duration: 1800}) : grayFailure('b', {at: 300, duration: 1800, errorShare: 0.3})],
    actions: autoshift ? [autoZonalShift({errorRateThreshold: 0.05, delaySeconds: 300})] : [],
  }).summary.availability;
}

const outageOne = availability('outage', 1, false);
const outageTwo = availability('outage', 2, false);
const grayOne = availability('gray', 1, false);
const grayTwo = availability('gray', 2, false);
const grayOneShifted = availability('gray', 1, true);

export const gameDay: Prediction = {
  asks: [
    {id: 'outage-one', kind: 'choice', label: '1. Outage, one task per zone: the hypothesis holds', choices: YES_NO, answer: yesNo(outageOne >= TARGET)},
    {id: 'outage-two', kind: 'choice', label: '2. Outage, two tasks per zone: it holds', choices: YES_NO, answer: yesNo(outageTwo >= TARGET)},
    {id: 'gray', kind: 'choice', label: '3. Gray failure: it holds with either size', choices: YES_NO, answer: yesNo(grayOne >= TARGET && grayTwo >= TARGET)},
    {
      id: 'autoshift',
      kind: 'choice',
      label: '4. Gray failure with autoshift, one task per zone: availability',
      choices: [
        {id: 'up', text: 'Goes up'},
        {id: 'down', text: 'Goes down'},
      ],
      answer: grayOneShifted > grayOne ? 'up' : 'down',
    },
  ],
  because: `against a target of ${formatPercent(TARGET)}, the model gives ${formatPercent(outageOne)} and ${formatPercent(outageTwo)} for the outage (one and two tasks a zone), ${formatPercent(grayOne)} and ${formatPercent(grayTwo)} for the gray failure, and ${formatPercent(grayOneShifted)} for the gray failure shifted away with one task a zone: the two zones left cannot carry the whole load.`,
};
