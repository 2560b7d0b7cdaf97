/**
 * Chapter 5's lab models, shared by the page, its table, its predictions and
 * its quiz: three zones, zone a lost at t = 300 s for 30 minutes, the clients'
 * settings the only thing that changes between runs.
 */
import {simulate, zoneOutage, type Model, type SimulationResult} from '@site/src/engine';

type Clients = NonNullable<Model['clients']>;

export const OUTAGE = {at: 300, duration: 1800};

/** The DNS lab: cross-zone load balancing off, so a request that reaches the dead zone's node has nowhere else to go. */
export function dnsModel(dnsCacheSeconds: NonNullable<Clients['dnsCacheSeconds']>): Model {
  return {
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 6, capacityPerTask: 100},
    loadBalancer: {crossZone: false, dnsTtlSeconds: 60},
    traffic: {requestsPerSecond: 300},
    clients: {dnsCacheSeconds},
    faults: [zoneOutage('a', OUTAGE)],
  };
}

/** The lab on the page: clients that honour the 60 s TTL and keep answers no longer. */
export const dnsLabModel: Model = dnsModel(0);

/**
 * The retry table: nine tasks of 100 requests a second for a peak of 600, exactly
 * P ÷ (N − 1), so the two zones left carry the peak with nothing to spare. The retries
 * still fit: each replaces an attempt that failed at the dead node or a dead task and
 * never took a live task's capacity (the engine's runs show no request timing out).
 */
export function retryModel(clients: Clients): Model {
  return {
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 9, capacityPerTask: 100},
    traffic: {requestsPerSecond: 600},
    clients,
    faults: [zoneOutage('a', OUTAGE)],
  };
}

/** The table's rows, in the order the page shows them. */
export const RETRY_POLICIES = [
  {id: 'none', label: 'No retries', clients: {retries: 0}},
  {id: 'at-once', label: 'Two retries, at once', clients: {retries: 2}},
  {id: 'backoff', label: 'Two retries, backoff 1–8 s with full jitter', clients: {retries: 2, backoff: {baseSeconds: 1, capSeconds: 8, jitter: 'full'}}},
  {
    id: 'budget',
    label: 'The same, with a 10 % retry budget',
    clients: {retries: 2, backoff: {baseSeconds: 1, capSeconds: 8, jitter: 'full'}, retryBudget: 0.1},
  },
] as const satisfies readonly {id: string; label: string; clients: Clients}[];

export type RetryPolicyId = (typeof RETRY_POLICIES)[number]['id'];

let cached: {id: RetryPolicyId; label: string; result: SimulationResult}[] | null = null;

/** Every row run by the engine, once per page (the table, the prediction and the quiz share the runs). */
export function runRetryPolicies(): {id: RetryPolicyId; label: string; result: SimulationResult}[] {
  cached ??= RETRY_POLICIES.map((policy) => ({id: policy.id, label: policy.label, result: simulate(retryModel(policy.clients))}));
  return cached;
}

/** The table's rows: each policy's label and summary. */
export const retryRuns = () => runRetryPolicies().map(({label, result}) => ({label, summary: result.summary}));
