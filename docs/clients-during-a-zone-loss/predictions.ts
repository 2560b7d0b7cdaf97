/** Chapter 5's "predict first" answers, from the engine with the lab's and the table's models. */
import {simulate} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import {failingSeconds} from '@site/src/content/measure';
import {dnsModel, RETRY_POLICIES, runRetryPolicies} from './models';

const ttlRun = simulate(dnsModel(0));
const ttlOnly = ttlRun.summary;
const forever = simulate(dnsModel('forever')).summary;

export const staleDns: Prediction = {
  asks: [
    {id: 'failed', kind: 'number', label: 'Requests failed, clients keeping answers for the TTL only', unit: 'requests', answer: Math.round(ttlOnly.failed)},
    {id: 'seconds', kind: 'number', label: 'Seconds during which requests fail', unit: 's', answer: failingSeconds(ttlRun)},
  ],
  because: `with cross-zone load balancing off, the nodes of zones b and c send only to their own tasks, so no request reaches a dead task through them: ${formatCount(Math.round(ttlOnly.failedByCause.staleDns))} of the engine's ${formatCount(Math.round(ttlOnly.failed))} failed requests were sent to zone a's node from stale DNS answers, fewer each second as the clients' cached answers expired over the TTL, after ${formatCount(Math.round(ttlOnly.failedByCause.staleConnection))} in the first seconds that were its clients' next requests on their kept-alive connections to it. With a cache kept forever, nothing moves those clients: ${formatCount(Math.round(forever.failed))} requests fail, until zone a comes back.`,
};

/** The lab's run, quoted in the key takeaways. */
export const staleDnsFigures = {failed: formatCount(Math.round(ttlOnly.failed)), failingFor: formatDuration(failingSeconds(ttlRun))};

/** The lab's dead connections, quoted in the keep-alive section: one request per client of zone a's node, over one gap between a client's requests. */
export const keepAliveFigures = {
  failed: formatCount(Math.round(ttlOnly.failedByCause.staleConnection)),
  /** Active sessions ÷ rate: the model's assumed seconds between one client's requests. */
  gap: formatDuration(ttlRun.model.traffic.activeSessions / ttlRun.model.traffic.requestsPerSecond),
};

const runs = runRetryPolicies();
const byFailed = [...runs].sort((x, y) => x.result.summary.failed - y.result.summary.failed);
const byRetries = [...runs].sort((x, y) => y.result.summary.retries - x.result.summary.retries);
const CHOICES = RETRY_POLICIES.map(({id, label}) => ({id, text: label}));
const line = runs.map((run) => `${run.label.toLowerCase()}: ${formatCount(Math.round(run.result.summary.failed))} failed, ${formatCount(Math.round(run.result.summary.retries))} retries`).join('; ');

export const retryPolicies: Prediction = {
  asks: [
    {id: 'fewest-failed', kind: 'choice', label: 'Fails the fewest requests', choices: CHOICES, answer: byFailed[0]!.id},
    {id: 'most-retries', kind: 'choice', label: 'Sends the most retries', choices: CHOICES, answer: byRetries[0]!.id},
  ],
  because: `the engine's runs: ${line}.`,
};
