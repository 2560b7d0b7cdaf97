/** Validation of the load balancer and its health check. */
import {DEFAULT_DEREGISTRATION_DELAY_SECONDS, DEFAULT_HEALTH_CHECK, ELB_DNS_TTL_SECONDS} from '../defaults';
import {ModelError} from '../errors';
import type {ResolvedModel, ZoneName} from '../types';
import {bool, num, obj, oneOf, zoneList} from './fields';

/** The load balancer's zones, cross-zone setting, health check, deregistration delay and DNS TTL. */
export function resolveLoadBalancer(v: unknown, zones: readonly ZoneName[], durationSeconds: number): ResolvedModel['loadBalancer'] {
  const lb = obj('loadBalancer', v, ['type', 'zones', 'crossZone', 'healthCheck', 'deregistrationDelaySeconds', 'dnsTtlSeconds']);
  const dnsTtlSeconds = num('loadBalancer.dnsTtlSeconds', lb.dnsTtlSeconds, ELB_DNS_TTL_SECONDS, {min: 0});
  // Only a TTL the reader set: the default (ELB's 60 s) is fine in a shorter run.
  if (lb.dnsTtlSeconds !== undefined && dnsTtlSeconds > durationSeconds) {
    throw new ModelError('loadBalancer.dnsTtlSeconds', `${dnsTtlSeconds} s is past the end of the run (${durationSeconds} s)`);
  }
  const type = oneOf('loadBalancer.type', lb.type, ['application', 'network'] as const, 'application');
  const hc = obj('loadBalancer.healthCheck', lb.healthCheck, [
    'intervalSeconds',
    'timeoutSeconds',
    'healthyThreshold',
    'unhealthyThreshold',
  ]);
  const intervalSeconds = num('loadBalancer.healthCheck.intervalSeconds', hc.intervalSeconds, DEFAULT_HEALTH_CHECK.intervalSeconds, {
    min: 1,
    max: 300,
  });
  const timeoutSeconds = num('loadBalancer.healthCheck.timeoutSeconds', hc.timeoutSeconds, DEFAULT_HEALTH_CHECK.timeoutSeconds, {
    positive: true,
  });
  if (timeoutSeconds >= intervalSeconds) {
    throw new ModelError(
      'loadBalancer.healthCheck.timeoutSeconds',
      `must be less than intervalSeconds (${intervalSeconds}), got ${timeoutSeconds}`,
    );
  }
  return {
    type,
    zones: lb.zones === undefined ? [...zones] : zoneList('loadBalancer.zones', lb.zones, zones, 1),
    // Always on at an ALB's load balancer level; off by default on an NLB.
    crossZone: bool('loadBalancer.crossZone', lb.crossZone, type === 'application'),
    healthCheck: {
      intervalSeconds,
      timeoutSeconds,
      healthyThreshold: num('loadBalancer.healthCheck.healthyThreshold', hc.healthyThreshold, DEFAULT_HEALTH_CHECK.healthyThreshold, {
        min: 1,
        max: 10,
        integer: true,
      }),
      unhealthyThreshold: num(
        'loadBalancer.healthCheck.unhealthyThreshold',
        hc.unhealthyThreshold,
        DEFAULT_HEALTH_CHECK.unhealthyThreshold,
        {min: 1, max: 10, integer: true},
      ),
    },
    deregistrationDelaySeconds: num(
      'loadBalancer.deregistrationDelaySeconds',
      lb.deregistrationDelaySeconds,
      DEFAULT_DEREGISTRATION_DELAY_SECONDS,
      {min: 0, max: 3600},
    ),
    dnsTtlSeconds,
  };
}
