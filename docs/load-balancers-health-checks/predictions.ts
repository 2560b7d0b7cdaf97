/**
 * Chapter 3's "predict first" answers, computed by the engine from the same
 * settings and presets as the widget and the labs they sit above.
 */
import {getPreset, healthCheckDetection, simulate} from '@site/src/engine';
import type {Prediction} from '@site/src/components/Predict/types';
import {formatCount, formatDuration, formatPercent} from '@site/src/utils/format';
import {eventAt, failingPercentAt, failingSeconds, lastFailureAt, YES_NO, yesNo} from '@site/src/content/measure';

const defaults = healthCheckDetection();
const tighter = healthCheckDetection({intervalSeconds: 10, unhealthyThreshold: 3});
const change = defaults.latestDetectionSeconds - tighter.latestDetectionSeconds;

export const tighterChecks: Prediction = {
  asks: [{id: 'worst-case', kind: 'number', label: 'Worst case with a 10 s interval and a threshold of 3', unit: 's', answer: tighter.latestDetectionSeconds}],
  because: `the worst case is threshold × interval + timeout: 3 × 10 + 5 = ${tighter.latestDetectionSeconds} s, ${change} s ${change >= 0 ? 'shorter' : 'longer'} than the default ${defaults.latestDetectionSeconds} s. The interval is multiplied by the threshold, so it is the bigger lever.`,
};

const twoTasksModel = getPreset('two-stateless-tasks').model;
const twoTasks = simulate(twoTasksModel);
const zoneFailedAt = eventAt(twoTasks, 'zone/failed') ?? 0;
const detectedAt = eventAt(twoTasks, 'lb/targetMarkedUnhealthy') ?? zoneFailedAt;
const replacementAt = eventAt(twoTasks, 'lb/targetHealthy');
const lastFailure = lastFailureAt(twoTasks);

export const twoStatelessTasks: Prediction = {
  asks: [
    {id: 'share', kind: 'number', label: 'Share of requests failing once the zone is down', unit: '%', answer: failingPercentAt(twoTasks, zoneFailedAt)},
    {id: 'seconds', kind: 'number', label: 'For how long', unit: 's', answer: failingSeconds(twoTasks)},
    {
      id: 'after-replacement',
      kind: 'choice',
      label: 'Anything fails after the replacement task starts',
      choices: YES_NO,
      answer: yesNo(replacementAt !== null && lastFailure !== null && lastFailure > replacementAt),
    },
  ],
  because: `two things fail requests at once: the load balancer's node in zone b keeps sending the dead task half of the requests it receives until its health checks fail, ${detectedAt - zoneFailedAt} s after the zone in this run, and zone a's node is gone with its clients' connections, so each client with a connection kept alive to it loses its next request, and after that clients that still hold its address from DNS fail until their cached answers run out, ${failingSeconds(twoTasks)} s in all (the 60 s TTL). Then the surviving task, sized for the whole peak, serves everything, and the replacement joins without a single failure.`,
};

const withRetries = (retries: number) => simulate({...twoTasksModel, clients: {...twoTasksModel.clients, retries}}).summary;
const oneRetry = withRetries(1);
const twoRetries = withRetries(2);

/** The two-task lab's figures the prose quotes, and the same run with one and two client retries. */
export const twoTasksFigures = {
  detectedAfter: formatDuration(detectedAt - zoneFailedAt),
  failingFor: formatDuration(failingSeconds(twoTasks)),
  failed: formatCount(Math.round(twoTasks.summary.failed)),
  deadTarget: formatCount(Math.round(twoTasks.summary.failedByCause.deadTarget)),
  staleConnection: formatCount(Math.round(twoTasks.summary.failedByCause.staleConnection)),
  /** Seconds between one client's requests on its kept-alive connection: active sessions ÷ rate (the model's assumption). */
  keepAliveGap: formatDuration(twoTasks.model.traffic.activeSessions / twoTasks.model.traffic.requestsPerSecond),
  staleDns: formatCount(Math.round(twoTasks.summary.failedByCause.staleDns)),
  oneRetryFailed: formatCount(Math.round(oneRetry.failed)),
  oneRetryShare: formatPercent(oneRetry.failed / twoTasks.summary.failed),
  twoRetriesFailed: formatCount(Math.round(twoRetries.failed)),
  twoRetriesShare: formatPercent(twoRetries.failed / twoTasks.summary.failed),
};

const gray = simulate(getPreset('gray-failure-zonal-shift').model);
const grayStart = gray.model.faults.find((fault) => fault.kind === 'grayFailure')?.at ?? 0;
const shiftAt = gray.model.actions.find((action) => action.kind === 'zonalShift')?.at ?? 0;

export const grayFailureShift: Prediction = {
  asks: [
    {id: 'unhealthy', kind: 'choice', label: 'Any target marked unhealthy', choices: YES_NO, answer: yesNo(eventAt(gray, 'lb/targetMarkedUnhealthy') !== null)},
    {id: 'before', kind: 'number', label: 'Share of all requests failing before the shift', unit: '%', answer: failingPercentAt(gray, (grayStart + shiftAt) / 2)},
    {id: 'after', kind: 'number', label: 'After the shift', unit: '%', answer: failingPercentAt(gray, shiftAt + 60)},
  ],
  because: 'zone b gets a third of the requests and fails half of them, while its health checks keep passing. The shift takes zone b out of the load balancer, and the four tasks in zones a and c can carry the peak.',
};
