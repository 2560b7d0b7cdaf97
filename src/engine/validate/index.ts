/**
 * Validation and defaults. Every bad input throws one `ModelError` naming the
 * field and the reason; a model that passes comes back with every default
 * filled in, so the rest of the engine never sees `undefined` or NaN.
 *
 * One module a section of the model; this entry puts them together.
 */
import {DEFAULT_DURATION_SECONDS, MAX_DURATION_SECONDS} from '../defaults';
import {checkRunCost} from '../costBound';
import type {Model, ResolvedModel} from '../types';
import {resolveClients} from './clients';
import {resolveDatabase} from './database';
import {resolveEvents} from './faults';
import {num, obj} from './fields';
import {resolveLoadBalancer} from './loadBalancer';
import {resolveScheduler, resolveService, validateZones} from './service';
import {resolveTraffic} from './traffic';
import {upgradeModel} from '../upgrade';

export {spreadTasks} from './service';

const MODEL_KEYS = [
  'zones',
  'service',
  'scheduler',
  'loadBalancer',
  'database',
  'traffic',
  'clients',
  'faults',
  'actions',
  'durationSeconds',
  'seed',
] as const;

/**
 * Checks a model and fills in every default. Throws {@link ModelError} naming the
 * first bad field. Pure: the input is not changed. An older model is read through
 * `upgradeModel` first (`upgradeModel` says what changed).
 */
export function validateModel(input: Model): ResolvedModel {
  const m = obj('model', upgradeModel(input as unknown).model, MODEL_KEYS, false);
  const zones = validateZones(m.zones);
  const durationSeconds = num('durationSeconds', m.durationSeconds, DEFAULT_DURATION_SECONDS, {
    positive: true,
    max: MAX_DURATION_SECONDS,
  });
  const seed = num('seed', m.seed, 1, {integer: true, min: -(2 ** 53), max: 2 ** 53});
  const service = resolveService(m.service, zones);
  const scheduler = resolveScheduler(m.scheduler);
  const loadBalancer = resolveLoadBalancer(m.loadBalancer, zones, durationSeconds);
  const traffic = resolveTraffic(m.traffic);
  const clients = resolveClients(m.clients, durationSeconds, service.serviceTimeSeconds);
  const database = resolveDatabase(m.database, zones);
  const {faults, actions} = resolveEvents(m.faults, m.actions, zones, database, durationSeconds);

  const resolved: ResolvedModel = {
    zones,
    service,
    scheduler,
    loadBalancer,
    database,
    traffic,
    clients,
    faults,
    actions,
    durationSeconds,
    seed,
  };
  // Each field is within its limits; the cost bound checks what they add up to.
  checkRunCost(resolved);
  return resolved;
}
