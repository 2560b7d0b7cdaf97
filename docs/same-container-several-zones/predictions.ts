/** Chapter 2's "predict first" answer, computed by the engine from the lab's preset. */
import {getPreset, simulate} from '@site/src/engine';
import type {Prediction} from '@site/src/components/Predict/types';
import {eventAt} from '@site/src/content/measure';

const run = simulate(getPreset('one-task-two-zones').model);
const failed = eventAt(run, 'zone/failed') ?? 0;
const detected = eventAt(run, 'lb/targetMarkedUnhealthy') ?? failed;
const ready = eventAt(run, 'lb/targetRegistered') ?? detected;
const serving = eventAt(run, 'lb/targetHealthy') ?? ready;

export const loneTask: Prediction = {
  asks: [{id: 'outage', kind: 'number', label: 'Seconds of (nearly) total failure', unit: 's', answer: run.summary.longestOutageSeconds}],
  because: `in this run the dead task is marked unhealthy ${detected - failed} s after the zone fails, the replacement in zone b is ready ${ready - detected} s later, and it enters service at its first passing check, ${serving - ready} s after that.`,
};
