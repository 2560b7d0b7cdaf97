/** Validation of the clients: DNS caching, timeouts, retries, backoff and the retry budget. */
import {DEFAULT_CLIENTS, MAX_CLIENT_WAIT_SECONDS} from '../defaults';
import {ModelError} from '../errors';
import type {BackoffSpec, ResolvedClients} from '../types';
import {bool, describe, num, obj, oneOf} from './fields';

/** A DNS cache: seconds in the run, or `'forever'`. */
function dnsCache(v: unknown, durationSeconds: number): number | 'forever' {
  if (v === 'forever') return 'forever';
  if (typeof v === 'string') throw new ModelError('clients.dnsCacheSeconds', `must be a number of seconds or "forever", got ${describe(v)}`);
  const s = num('clients.dnsCacheSeconds', v, DEFAULT_CLIENTS.dnsCacheSeconds, {min: 0});
  if (s > durationSeconds) {
    throw new ModelError('clients.dnsCacheSeconds', `${s} s is past the end of the run (${durationSeconds} s); use "forever" for a client that never resolves again`);
  }
  return s;
}

function backoff(v: unknown): BackoffSpec | null {
  if (v === undefined || v === null) return null;
  const b = obj('clients.backoff', v, ['baseSeconds', 'capSeconds', 'jitter']);
  const baseSeconds = num('clients.backoff.baseSeconds', b.baseSeconds, undefined, {positive: true, max: MAX_CLIENT_WAIT_SECONDS});
  const capSeconds = num('clients.backoff.capSeconds', b.capSeconds, undefined, {positive: true, max: MAX_CLIENT_WAIT_SECONDS});
  if (capSeconds < baseSeconds) {
    throw new ModelError('clients.backoff.capSeconds', `must be at least baseSeconds (${baseSeconds}), got ${capSeconds}`);
  }
  return {baseSeconds, capSeconds, jitter: oneOf('clients.backoff.jitter', b.jitter, ['full', 'none'] as const)};
}

/**
 * The clients with their defaults. `serviceTimeSeconds` is the service's, already checked: a
 * request timeout must leave room for the work itself.
 */
export function resolveClients(v: unknown, durationSeconds: number, serviceTimeSeconds: number): ResolvedClients {
  const c = obj('clients', v, ['dnsCacheSeconds', 'keepAlive', 'connectTimeoutSeconds', 'requestTimeoutSeconds', 'retries', 'backoff', 'retryBudget']);
  const requestTimeoutSeconds = num('clients.requestTimeoutSeconds', c.requestTimeoutSeconds, DEFAULT_CLIENTS.requestTimeoutSeconds, {
    positive: true,
    max: MAX_CLIENT_WAIT_SECONDS,
  });
  if (requestTimeoutSeconds <= serviceTimeSeconds) {
    throw new ModelError(
      'clients.requestTimeoutSeconds',
      `must be longer than service.serviceTimeSeconds (${serviceTimeSeconds} s), got ${requestTimeoutSeconds}: no request could ever be answered in time`,
    );
  }
  return {
    dnsCacheSeconds: dnsCache(c.dnsCacheSeconds, durationSeconds),
    keepAlive: bool('clients.keepAlive', c.keepAlive, DEFAULT_CLIENTS.keepAlive),
    connectTimeoutSeconds: num('clients.connectTimeoutSeconds', c.connectTimeoutSeconds, DEFAULT_CLIENTS.connectTimeoutSeconds, {
      positive: true,
      max: MAX_CLIENT_WAIT_SECONDS,
    }),
    requestTimeoutSeconds,
    retries: num('clients.retries', c.retries, DEFAULT_CLIENTS.retries, {min: 0, max: 5, integer: true}),
    backoff: backoff(c.backoff),
    retryBudget:
      c.retryBudget === undefined || c.retryBudget === null ? null : num('clients.retryBudget', c.retryBudget, undefined, {min: 0, max: 1}),
  };
}
