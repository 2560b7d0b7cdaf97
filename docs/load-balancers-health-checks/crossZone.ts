// The cross-zone diagram's numbers (_CrossZoneDiagram.tsx), computed by the engine when the site is built
// (docs/**/*.ts modules are evaluated at build time: src/plugins/buildTimeData.ts).
import {selectTrafficAt, simulate} from '@site/src/engine';

/**
 * Cross-zone load balancing on and off, for a deliberately uneven service:
 * one task in zone a, three in zone b. The share each task receives comes
 * from the engine (a run with nothing broken), not from arithmetic here.
 */
const TASKS_PER_ZONE = {a: 1, b: 3};
const RATE = 100;

function shares(crossZone: boolean): {id: string; zone: string; share: number}[] {
  const result = simulate({
    zones: ['a', 'b'],
    service: {tasksPerZone: TASKS_PER_ZONE, capacityPerTask: RATE},
    loadBalancer: {crossZone},
    traffic: {requestsPerSecond: RATE},
    durationSeconds: 60,
  });
  return selectTrafficAt(result, 10).map((t) => ({id: t.id, zone: t.zone, share: t.served / RATE}));
}

/** Each task's share of the traffic with cross-zone load balancing on and off. */
export const crossZoneShares = {on: shares(true), off: shares(false)};
