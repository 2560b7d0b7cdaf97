/**
 * Chapter 7's "predict first" answers, computed by the engine from the same
 * preset and models as the lab and the live blocks.
 */
import {getPreset, simulate, zoneOutage, type SessionStore} from '@site/src/engine';
import {formatCount, formatPercent} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {eventAt, failingPercentAt, YES_NO, yesNo} from '@site/src/content/measure';

const base = getPreset('in-memory-sessions').model;
const inMemory = simulate(base).summary;
const storeRuns = (['task-memory', 'single-zone', 'multi-zone'] as SessionStore[]).map((sessionStore) => ({
  sessionStore,
  summary: simulate({...base, service: {...base.service, sessionStore}}).summary,
}));
const shared = storeRuns.find((run) => run.sessionStore === 'multi-zone')!.summary;
/** Sessions lost with zone a, before it returns and rebalancing drains a task (the rest of `sessionsLost`). */
const outage = base.faults?.find((fault) => fault.kind === 'zoneOutage');
const lostWithZone = outage?.duration === undefined ? inMemory.sessionsLost : simulate({...base, durationSeconds: outage.at + outage.duration}).summary.sessionsLost;
const lostToRebalancing = inMemory.sessionsLost - lostWithZone;

export const sessionsInMemory: Prediction = {
  asks: [{id: 'sessions-lost', kind: 'number', label: 'Sessions lost, of 1,000', unit: 'sessions', answer: Math.round(inMemory.sessionsLost)}],
  because: `the ${formatCount(Math.round(lostWithZone))} users stuck to the task in zone a lose theirs with it${lostToRebalancing >= 1 ? `, and when the zone returns, rebalancing drains the task that replaced it in zone b and signs out the ${formatCount(Math.round(lostToRebalancing))} users who had landed there` : ''}. Availability is ${formatPercent(inMemory.availability)}, ${inMemory.availability === shared.availability ? 'exactly as' : `against ${formatPercent(shared.availability)}`} with the sessions in a store across zones: the availability figure does not show the loss.`,
};

const most = (pick: (run: (typeof storeRuns)[number]) => number) => storeRuns.reduce((a, b) => (pick(b) > pick(a) ? b : a)).sessionStore;
const storeChoices = storeRuns.map(({sessionStore}) => ({id: sessionStore, text: `\`'${sessionStore}'\``}));

export const threeStores: Prediction = {
  asks: [
    {id: 'most-sessions', kind: 'choice', label: 'Loses the most sessions', choices: storeChoices, answer: most((run) => run.summary.sessionsLost)},
    {id: 'most-failed', kind: 'choice', label: 'Fails the most requests', choices: storeChoices, answer: most((run) => run.summary.failed)},
  ],
  because: `${storeRuns.map(({sessionStore, summary}) => `\`'${sessionStore}'\` loses ${formatCount(Math.round(summary.sessionsLost))} sessions and fails ${formatCount(Math.round(summary.failed))} requests`).join('; ')}. A store in the lost zone takes every session with it, and the requests that need it fail too.`,
};

/** The live block's service: 20 % of requests go out through a NAT gateway in zone a. */
function natRun(retries: number) {
  return simulate({
    zones: ['a', 'b'],
    service: {desiredCount: 2, capacityPerTask: 200, zonalDependency: {zone: 'a', name: 'NAT gateway', share: 0.2}},
    traffic: {requestsPerSecond: 100},
    clients: {retries},
    faults: [zoneOutage('a', {at: 300, duration: 1800})],
    durationSeconds: 3600,
  });
}
const withRetry = natRun(1);
const noRetry = natRun(0);
const settled = (eventAt(withRetry, 'lb/targetMarkedUnhealthy') ?? 300) + 60;
const afterDetection = failingPercentAt(withRetry, settled);

export const zonalDependency: Prediction = {
  asks: [
    {id: 'after-detection', kind: 'number', label: 'Share of requests still failing after detection', unit: '%', answer: afterDetection},
    {id: 'retry-helps', kind: 'choice', label: 'The retry helps', choices: YES_NO, answer: yesNo(afterDetection < failingPercentAt(noRetry, settled))},
  ],
  because: `every request that needs the NAT gateway fails, whichever task serves it, and a retry needs it just as much (${formatPercent(failingPercentAt(noRetry, settled) / 100)} fail without the retry). Health checks do not see it: the tasks are healthy.`,
};

/** Failures of the zone loss's first minute (the dead task before detection, kept-alive connections to the lost node, and stale DNS answers), which a retry can help. */
const windowFailures = (run: ReturnType<typeof natRun>) => {
  const byCause = run.summary.failedByCause;
  return byCause.deadTarget + byCause.staleConnection + byCause.staleDns;
};

/** The live block's figures the prose after it quotes. */
export const natFigures = {
  windowNoRetry: formatCount(Math.round(windowFailures(noRetry))),
  windowWithRetry: formatCount(Math.round(windowFailures(withRetry))),
  windowKept: formatPercent(windowFailures(withRetry) / windowFailures(noRetry)),
  dependencyNoRetry: formatCount(Math.round(noRetry.summary.failedByCause.dependency)),
  dependencyWithRetry: formatCount(Math.round(withRetry.summary.failedByCause.dependency)),
};
