/**
 * A model with every client and overload setting of issue 13 set away from its default (the
 * DNS cache kept for ever, backoff without jitter, a budget), with a zone lost: the tests of the
 * share link, "Copy as TypeScript" and the playground use it to check that no field is dropped.
 */
import type {Model} from '@site/src/engine';

export const EVERY_CLIENT_SETTING: Model = {
  zones: ['use1-az1', 'use1-az2', 'use1-az4'],
  service: {desiredCount: 6, capacityPerTask: 100, serviceTimeSeconds: 0.08, loadShedding: true},
  loadBalancer: {dnsTtlSeconds: 20},
  traffic: {requestsPerSecond: 500},
  clients: {
    dnsCacheSeconds: 'forever',
    keepAlive: false,
    connectTimeoutSeconds: 3,
    requestTimeoutSeconds: 4,
    retries: 2,
    backoff: {baseSeconds: 0.5, capSeconds: 8, jitter: 'none'},
    retryBudget: 0.1,
  },
  faults: [{kind: 'zoneOutage', zone: 'use1-az1', at: 300, duration: 600}],
  durationSeconds: 1800,
};
