/** Chapter 6's "predict first" answers, from the engine with the lab's models. */
import {selectSegmentAt, simulate} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {lastFailureAt} from '@site/src/content/measure';
import {deploymentModel, runDefences, STORM_OUTAGE} from './models';

const RETURNS = STORM_OUTAGE.at + STORM_OUTAGE.duration;
const runs = runDefences();
const storm = runs.find((run) => run.id === 'none')!.result;
const shedding = runs.find((run) => run.id === 'shedding')!.result;
/** Seconds of failures after zone a is back, for a run (0 if they end with the outage). */
const failingAfterReturn = (result: typeof storm) => Math.max(0, (lastFailureAt(result) ?? 0) - RETURNS);
const stormAfter = failingAfterReturn(storm);

export const stormOutlastsZone: Prediction = {
  asks: [
    {
      id: 'after-return',
      kind: 'choice',
      label: 'When zone a comes back, the failures',
      choices: [
        {id: 'stop', text: 'stop within a minute or so'},
        {id: 'go-on', text: 'go on for much longer'},
      ],
      answer: stormAfter > 60 ? 'go-on' : 'stop',
    },
  ],
  because: `in the engine's run, requests still fail ${formatDuration(stormAfter)} after zone a returns at t = ${RETURNS} s${lastFailureAt(storm) === storm.model.durationSeconds ? ', at the end of the run' : ''}: the retries of the requests that timed out keep the offered load above the capacity of all three zones, and the queue built during the outage is longer than the clients' timeout. With load shedding the last failure comes ${formatDuration(failingAfterReturn(shedding))} after the return.`,
};

const MID_OUTAGE = 300 + 900;
const withoutShedding = selectSegmentAt(simulate(deploymentModel(false)), MID_OUTAGE);
const withShedding = selectSegmentAt(simulate(deploymentModel(true)), MID_OUTAGE);

export const deploymentDuringLoss: Prediction = {
  asks: [{id: 'failing', kind: 'number', label: 'Requests a second failing while zone a is down, no load shedding', unit: 'req/s', answer: Math.round(withoutShedding.failed)}],
  because: `zones b and c hold five tasks, room for ${formatCount(withoutShedding.capacity)} requests a second against a peak of 600. Without shedding the engine fails ${formatCount(withoutShedding.failed)} a second (goodput ${formatCount(withoutShedding.served)}); with shedding on, ${formatCount(withShedding.failed)} a second (goodput ${formatCount(withShedding.served)}).`,
};
