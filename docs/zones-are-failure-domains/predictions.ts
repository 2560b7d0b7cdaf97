/**
 * Chapter 1's "predict first" answers, computed by the engine from the same
 * models as the live block and the lab they sit above.
 */
import {getPreset, grayFailure, simulate, taskCrash, zoneOutage} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {YES_NO, yesNo} from '@site/src/content/measure';

// The live block's service and its three kinds of trouble in zone b.
const base = {zones: ['a', 'b', 'c'], service: {desiredCount: 6, capacityPerTask: 50}, traffic: {requestsPerSecond: 200}, durationSeconds: 3600};
const kinds = [
  {id: 'total', text: 'Total: the zone loses power', faults: [zoneOutage('b', {at: 300, duration: 1800})]},
  {id: 'partial', text: 'Partial: one task dies', faults: [taskCrash('b-1', {at: 300})]},
  {id: 'gray', text: 'Gray: half its requests fail', faults: [grayFailure('b', {at: 300, duration: 1800, errorShare: 0.5})]},
].map((kind) => {
  const result = simulate({...base, faults: kind.faults});
  return {...kind, summary: result.summary, traffic: result.model.traffic};
});
const worst = kinds.reduce((a, b) => (b.summary.failed > a.summary.failed ? b : a));

export const threeKinds: Prediction = {
  asks: [{id: 'most-failed', kind: 'choice', label: 'Fails the most requests', choices: kinds.map(({id, text}) => ({id, text})), answer: worst.id}],
  because: `${kinds.map(({text, summary}) => `${text.split(':')[0]} fails ${formatCount(Math.round(summary.failed))} requests over ${formatDuration(summary.timeToRecoverSeconds ?? 0)}`).join('; ')}. Health checks catch a dead zone within about a minute, but a sick zone passes them, so nothing routes around it until the fault ends.`,
};

const [total, partial, gray] = [kinds[0]!.summary, kinds[1]!.summary, kinds[2]!.summary];

/** The live block's figures the prose after it quotes, so the page never types a number the engine produces. */
export const threeKindsFigures = {
  totalFailed: formatCount(Math.round(total.failed)),
  totalDeadTarget: formatCount(Math.round(total.failedByCause.deadTarget)),
  totalStaleConnection: formatCount(Math.round(total.failedByCause.staleConnection)),
  totalStaleDns: formatCount(Math.round(total.failedByCause.staleDns)),
  totalSeconds: formatDuration(total.timeToRecoverSeconds ?? 0),
  partialFailed: formatCount(Math.round(partial.failed)),
  /** Seconds between one client's requests on its kept-alive connection: active sessions ÷ rate (the model's assumption). */
  keepAliveGap: formatDuration(kinds[0]!.traffic.activeSessions / kinds[0]!.traffic.requestsPerSecond),
  /** Whole times the gray failure's count holds the total outage's. */
  grayTimesTotal: `${Math.floor(gray.failed / total.failed)}`,
};

const shift = simulate(getPreset('gray-failure-zonal-shift').model).summary;

export const shiftCapacity: Prediction = {
  asks: [{id: 'overload', kind: 'choice', label: 'Any request fails for lack of capacity', choices: YES_NO, answer: yesNo(shift.failedByCause.timeout + shift.failedByCause.shed > 0)}],
  because: `the lab counts ${formatCount(Math.round(shift.failedByCause.timeout + shift.failedByCause.shed))} overload failures: the four tasks in zones a and c can serve the whole peak between them, so the shift only takes the sick zone out.`,
};
