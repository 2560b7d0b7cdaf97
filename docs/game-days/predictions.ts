/** The game day's "predict first" answers: the live block's experiments, run by the engine. */
import {alarmZonalShift, grayFailure, simulate, zonalAutoshift, zoneOutage, type SimulationResult} from '@site/src/engine';
import {formatCount, formatDuration, formatPercent} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {failingSeconds, YES_NO, yesNo} from '@site/src/content/measure';

const TARGET = 0.99;

/** What moves traffic away from the sick zone: nothing, your own alarm-driven shift, or AWS's autoshift. */
type Response = 'none' | 'alarm' | 'autoshift';

/** The live block's model, with its settings. */
function run(fault: 'outage' | 'gray', tasksPerZone: number, response: Response = 'none'): SimulationResult {
  return simulate({
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3 * tasksPerZone, capacityPerTask: 100},
    traffic: {requestsPerSecond: 300},
    faults: [fault === 'outage' ? zoneOutage('b', {at: 300, duration: 1800}) : grayFailure('b', {at: 300, duration: 1800, errorShare: 0.3})],
    actions:
      response === 'alarm'
        ? [alarmZonalShift({errorRateThreshold: 0.05, evaluationPeriodSeconds: 60, evaluationPeriods: 5})]
        : response === 'autoshift'
          ? [zonalAutoshift()]
          : [],
  });
}

const availability = (fault: 'outage' | 'gray', tasksPerZone: number, response: Response = 'none'): number => run(fault, tasksPerZone, response).summary.availability;

const outageOne = availability('outage', 1);
const outageTwo = availability('outage', 2);
const grayOne = availability('gray', 1);
const grayTwo = availability('gray', 2);
const grayOneAlarm = availability('gray', 1, 'alarm');
const grayOneAutoshift = availability('gray', 1, 'autoshift');

const UP_DOWN_SAME = [
  {id: 'up', text: 'Goes up'},
  {id: 'down', text: 'Goes down'},
  {id: 'same', text: 'Stays the same'},
];

/** Which way availability moved, to the fourth decimal place the lab prints. */
function direction(after: number, before: number): string {
  const change = Math.round((after - before) * 1e4);
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

export const gameDay: Prediction = {
  asks: [
    {id: 'outage-one', kind: 'choice', label: '1. Outage, one task per zone: the hypothesis holds', choices: YES_NO, answer: yesNo(outageOne >= TARGET)},
    {id: 'outage-two', kind: 'choice', label: '2. Outage, two tasks per zone: it holds', choices: YES_NO, answer: yesNo(outageTwo >= TARGET)},
    {id: 'gray', kind: 'choice', label: '3. Gray failure: it holds with either size', choices: YES_NO, answer: yesNo(grayOne >= TARGET && grayTwo >= TARGET)},
    {id: 'alarm-shift', kind: 'choice', label: '4. Gray failure with your alarm-driven shift, one task per zone: availability', choices: UP_DOWN_SAME, answer: direction(grayOneAlarm, grayOne)},
    {id: 'autoshift', kind: 'choice', label: '5. Gray failure with AWS’s zonal autoshift, one task per zone: availability', choices: UP_DOWN_SAME, answer: direction(grayOneAutoshift, grayOne)},
  ],
  because: `against a target of ${formatPercent(TARGET)}, the model gives ${formatPercent(outageOne)} and ${formatPercent(outageTwo)} for the outage (one and two tasks a zone) and ${formatPercent(grayOne)} and ${formatPercent(grayTwo)} for the gray failure. Your alarm-driven shift with one task a zone gives ${formatPercent(grayOneAlarm)}: the two zones left cannot carry the whole load. AWS's autoshift gives ${formatPercent(grayOneAutoshift)}: it never starts for a failure only your application has.`,
};

const outageTwoRun = run('outage', 2);

/** The two-tasks-a-zone outage's figures the page quotes: how long requests fail, and for which reasons. */
export const outageTwoFigures = {
  failingFor: formatDuration(failingSeconds(outageTwoRun)),
  deadTarget: formatCount(Math.round(outageTwoRun.summary.failedByCause.deadTarget)),
  staleConnection: formatCount(Math.round(outageTwoRun.summary.failedByCause.staleConnection)),
  staleDns: formatCount(Math.round(outageTwoRun.summary.failedByCause.staleDns)),
};
