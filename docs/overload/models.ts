/**
 * Chapter 6's lab models, shared by the page, its table, its predictions and
 * its quiz. The storm: three zones of two tasks (100 requests a second each)
 * carry a busy 450 requests a second; zone a is lost for ten minutes, so the
 * two zones left (400) cannot carry the peak, and the clients retry at once.
 */
import {simulate, zoneOutage, type Model, type SimulationResult} from '@site/src/engine';

type Clients = NonNullable<Model['clients']>;

export const STORM_OUTAGE = {at: 300, duration: 600};
export const STORM_PEAK = 450;
/** The clients of the storm: two retries each, at once, no budget. */
const STORMY_CLIENTS: Clients = {retries: 2};

/** The storm with some defences changed. */
export function stormModel({tasksPerZone = 2, loadShedding = false, clients = STORMY_CLIENTS}: {tasksPerZone?: number; loadShedding?: boolean; clients?: Clients} = {}): Model {
  return {
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3 * tasksPerZone, capacityPerTask: 100, loadShedding},
    scheduler: {kind: 'none'},
    traffic: {requestsPerSecond: STORM_PEAK},
    clients,
    faults: [zoneOutage('a', STORM_OUTAGE)],
    durationSeconds: 3600,
  };
}

/** The lab on the page: no defence at all. */
export const stormLabModel: Model = stormModel();

/** The table's rows: the storm, then each defence on its own. */
export const DEFENCES = [
  {id: 'none', label: 'No defence', model: stormModel()},
  {id: 'no-retries', label: 'No retries at all', model: stormModel({clients: {retries: 0}})},
  {id: 'shedding', label: 'Load shedding on', model: stormModel({loadShedding: true})},
  {
    id: 'backoff-budget',
    label: 'Backoff 1–8 s with full jitter and a 10 % retry budget',
    model: stormModel({clients: {retries: 2, backoff: {baseSeconds: 1, capSeconds: 8, jitter: 'full'}, retryBudget: 0.1}}),
  },
  {id: 'capacity', label: 'Three tasks a zone: P ÷ (N − 1)', model: stormModel({tasksPerZone: 3})},
] as const;

export type DefenceId = (typeof DEFENCES)[number]['id'];

let cached: {id: DefenceId; label: string; result: SimulationResult}[] | null = null;

/** Every row run by the engine, once per page (the table, the predictions and the quiz share the runs). */
export function runDefences(): {id: DefenceId; label: string; result: SimulationResult}[] {
  cached ??= DEFENCES.map(({id, label, model}) => ({id, label, result: simulate(model)}));
  return cached;
}

/** The table's rows: each defence's label and summary. */
export const defenceRuns = () => runDefences().map(({label, result}) => ({label, summary: result.summary}));

/**
 * Capacity beyond N + 1: three zones of three tasks carry a peak of 600, exactly
 * P ÷ (N − 1), but a deployment has one task of zone c out of service when
 * zone a is lost.
 */
export const DEPLOYMENT_PEAK = 600;
export function deploymentModel(loadShedding: boolean): Model {
  return {
    zones: ['a', 'b', 'c'],
    service: {tasksPerZone: {a: 3, b: 3, c: 2}, capacityPerTask: 100, loadShedding},
    scheduler: {kind: 'none'},
    traffic: {requestsPerSecond: DEPLOYMENT_PEAK},
    faults: [zoneOutage('a', {at: 300, duration: 1800})],
  };
}
