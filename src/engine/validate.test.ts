import {describe, expect, it} from 'vitest';
import {ModelError, simulate, validateModel, type Model} from './index';

/** Runs a model that should fail and returns the error. */
function errorOf(model: unknown): ModelError {
  try {
    simulate(model as Model);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return e as ModelError;
  }
  throw new Error('expected a ModelError');
}

describe('validation', () => {
  it.each([
    [{zones: []}, 'zones', 'needs at least one zone'],
    [{zones: ['a', 'b', 'c', 'd', 'e', 'f', 'g']}, 'zones', 'at most 6 zones, got 7'],
    [{zones: ['a', 'a']}, 'zones[1]', 'zone "a" is listed twice'],
    [{zones: ['a'], service: {capacityPerTask: -5}}, 'service.capacityPerTask', 'must be greater than 0, got -5'],
    [{zones: ['a'], service: {desiredCount: Number.NaN}}, 'service.desiredCount', 'must be a number, got NaN'],
    [{zones: ['a'], service: {desiredCount: 1.5}}, 'service.desiredCount', 'must be a whole number, got 1.5'],
    [{zones: ['a'], traffic: {requestsPerSecond: Infinity}}, 'traffic.requestsPerSecond', 'must be finite, got Infinity'],
    [
      {zones: ['a', 'b'], faults: [{kind: 'zoneOutage', zone: 'a', at: 1, duration: 1}, {kind: 'zoneOutage', zone: 'c', at: 1, duration: 1}]},
      'faults[1].zone',
      'zone "c" is not one of the model\'s zones (a, b)',
    ],
    [{zones: ['a'], durationSeconds: 100, faults: [{kind: 'taskCrash', task: 'a-1', at: 100}]}, 'faults[0].at', '100 s is past the end of the run (100 s)'],
    [{zones: ['a'], faults: [{kind: 'meteor', at: 1}]}, 'faults[0].kind', 'unknown value "meteor"'],
    [{zones: ['a'], faults: [{kind: 'zonalShift', zone: 'a', at: 1, duration: 5}]}, 'faults[0].kind', 'is an operator action; put it in actions'],
    [{zones: ['a'], database: {kind: 'oracle'}}, 'database.kind', 'unknown value "oracle"'],
    [{zones: ['a'], faults: [{kind: 'primaryFailure', at: 1}]}, 'faults[0].kind', 'needs a database'],
    [{zones: ['a'], servce: {}}, 'model.servce', 'unknown field'],
    [{zones: ['a'], faults: [{kind: 'taskCrash', task: 'x-1', at: 1}]}, 'faults[0].task', 'must be a task id like "a-1"'],
    [{zones: ['a', 'b'], database: {kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'a'}}, 'database.standbyZone', 'different zone'],
    [{zones: ['a'], loadBalancer: {healthCheck: {intervalSeconds: 5, timeoutSeconds: 5}}}, 'loadBalancer.healthCheck.timeoutSeconds', 'less than intervalSeconds'],
    [{zones: ['a'], faults: [{kind: 'grayFailure', zone: 'a', at: 1, duration: 10, errorShare: 1.5}]}, 'faults[0].errorShare', 'must be at most 1'],
    [
      {zones: ['a', 'b'], actions: [{kind: 'zonalShift', zone: 'a', at: 10, duration: 100}, {kind: 'zonalShift', zone: 'b', at: 50, duration: 10}]},
      'actions[1]',
      'one zonal shift at a time',
    ],
    [
      {zones: ['a', 'b'], database: {kind: 'multi-az-instance', primaryZone: 'a', standbyZone: 'b'}, faults: [{kind: 'replicationLagSpike', at: 1, duration: 1, lagSeconds: 3}]},
      'faults[0].kind',
      'needs a database with asynchronous replication',
    ],
  ])('rejects %j at %s', (model, field, reason) => {
    const e = errorOf(model);
    expect(e.field).toBe(field);
    expect(e.reason).toContain(reason);
    expect(e.message).toBe(`${e.field}: ${e.reason}`);
    expect(e.name).toBe('ModelError');
  });

  it('rejects something that is not a model at all', () => {
    expect(errorOf(null).field).toBe('model');
    expect(errorOf({zones: 'a'}).field).toBe('zones');
  });

  it('fills every default and spreads tasks like ECS', () => {
    const m = validateModel({zones: ['a', 'b', 'c'], service: {desiredCount: 4}});
    expect(m.service.tasksPerZone).toEqual({a: 2, b: 1, c: 1});
    expect(m.scheduler).toEqual({kind: 'ecs', noticeSeconds: 90, rebalance: true});
    expect(m.loadBalancer.deregistrationDelaySeconds).toBe(300);
    expect(m.loadBalancer.crossZone).toBe(true);
    expect(m.durationSeconds).toBe(3600);
  });

  it('accepts explicit tasks per zone', () => {
    const m = validateModel({zones: ['a', 'b'], service: {tasksPerZone: {a: 3}}});
    expect(m.service.tasksPerZone).toEqual({a: 3, b: 0});
    expect(m.service.desiredCount).toBe(3);
  });

  it('leaves the input unchanged and keeps the model serialisable', () => {
    const input: Model = {zones: ['a', 'b'], faults: [{kind: 'zoneOutage', zone: 'a', at: 1, duration: 2}]};
    const copy = JSON.parse(JSON.stringify(input));
    const m = validateModel(input);
    expect(input).toEqual(copy);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
