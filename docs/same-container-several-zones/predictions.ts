/** Chapter 2's "predict first" answer, computed by the engine from the lab's preset. */
import {getPreset, simulate, zoneOutage, type Model} from '@site/src/engine';
import {formatDuration} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {eventAt, failingSeconds} from '@site/src/content/measure';

const run = simulate(getPreset('one-task-two-zones').model);
const failed = eventAt(run, 'zone/failed') ?? 0;
const detected = eventAt(run, 'lb/targetMarkedUnhealthy') ?? failed;
const ready = eventAt(run, 'lb/targetRegistered') ?? detected;
const serving = eventAt(run, 'lb/targetHealthy') ?? ready;

export const loneTask: Prediction = {
  asks: [{id: 'outage', kind: 'number', label: 'Seconds of (nearly) total failure', unit: 's', answer: run.summary.longestOutageSeconds}],
  because: `in this run the dead task is marked unhealthy ${detected - failed} s after the zone fails, the replacement in zone b is ready ${ready - detected} s later, and it enters service at its first passing check, ${serving - ready} s after that.`,
};

/** The lab across seeds: when the health checks fall moves the outage within these bounds. */
const SEEDS = Array.from({length: 20}, (_, i) => i + 1);
const seedOutages = SEEDS.map((seed) => simulate({...getPreset('one-task-two-zones').model, seed}).summary.longestOutageSeconds);

/** The live block's model, and the three changes its bullets suggest. */
const block: Model = {
  zones: ['a', 'b'],
  service: {desiredCount: 1, startSeconds: 60},
  loadBalancer: {healthCheck: {intervalSeconds: 30, timeoutSeconds: 5, unhealthyThreshold: 2}},
  faults: [zoneOutage('a', {at: 300, duration: 1800})],
  durationSeconds: 3600,
};
const slowStart = simulate({...block, service: {...block.service, startSeconds: 240}}).summary;
const fastChecks = simulate({...block, loadBalancer: {healthCheck: {intervalSeconds: 10, timeoutSeconds: 5, unhealthyThreshold: 2}}}).summary;
const twoTasks = simulate({...block, service: {...block.service, desiredCount: 2}});

/** The figures the prose around the lab and the live block quotes. */
export const loneTaskFigures = {
  outage: formatDuration(run.summary.longestOutageSeconds),
  detectedAfter: formatDuration(detected - failed),
  readyAfter: formatDuration(ready - detected),
  servingAfter: formatDuration(serving - ready),
  seedsLow: formatDuration(Math.min(...seedOutages)),
  seedsHigh: formatDuration(Math.max(...seedOutages)),
  slowStartOutage: formatDuration(slowStart.longestOutageSeconds),
  fastChecksOutage: formatDuration(fastChecks.longestOutageSeconds),
  twoTasksMostFailing: formatDuration(twoTasks.summary.longestOutageSeconds),
  twoTasksFailing: formatDuration(failingSeconds(twoTasks)),
};
