import {describe, expect, it} from 'vitest';
import {estimateRunCost, MAX_RUN_WORK} from './costBound';
import {ModelError, simulate, validateModel, type Fault, type Model} from './index';

const SIX = ['a', 'b', 'c', 'd', 'e', 'f'];

function outages(count: number, durationSeconds: number): Fault[] {
  return Array.from({length: count}, (_, i) => ({
    kind: 'zoneOutage' as const,
    zone: SIX[i % SIX.length]!,
    at: Math.floor(((i + 0.5) * durationSeconds) / (count + 1)),
    duration: 600,
  }));
}

function refusal(model: Model): ModelError {
  try {
    validateModel(model);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected the model to be refused');
}

describe('the cost bound', () => {
  it('refuses the heavy links from the report, naming the limit', () => {
    // 5,000 tasks over 31 days of daily traffic froze a tab for 4 s; with 80 zone outages, for 20 s and 7 GB.
    const month = 31 * 24 * 3600;
    const daily: Model = {zones: SIX, service: {desiredCount: 5000}, traffic: {curve: 'daily'}, durationSeconds: month};
    const stormy: Model = {zones: SIX, service: {desiredCount: 5000}, faults: outages(80, 86_400), durationSeconds: 86_400};
    for (const model of [daily, stormy]) {
      const error = refusal(model);
      expect(error.field).toBe('model');
      // The limit rose from 2.0 to 2.4 million with the clients' steps after each outage (costBound.ts).
      expect(error.message).toContain('more than the limit of 2.4 million');
      expect(error.message).toContain('5000 tasks');
    }
  });

  it('accepts the largest model the lab offers, and refuses a little more', () => {
    const week = 7 * 24 * 3600;
    const largest: Model = {zones: SIX, service: {desiredCount: 600}, traffic: {curve: 'daily'}, faults: outages(10, week), durationSeconds: week};
    expect(estimateRunCost(validateModel(largest)).work).toBeLessThanOrEqual(MAX_RUN_WORK);
    expect(() => validateModel({...largest, service: {desiredCount: 700}})).toThrow(/limit of 2\.4 million/);
  });

  it('accepts many tasks while nothing happens: a quiet run is one segment', () => {
    const quiet: Model = {zones: SIX, service: {desiredCount: 5000}, durationSeconds: 31 * 24 * 3600};
    expect(estimateRunCost(validateModel(quiet))).toEqual({tasks: 5000, changes: 1, work: 5000});
    expect(simulate(quiet).segments).toHaveLength(1);
  });

  it('estimates at least the changes a run really makes', () => {
    // The estimate is an upper bound on segments, so the limit holds for what the run stores.
    const models: Model[] = [
      {zones: ['a', 'b', 'c'], service: {desiredCount: 300}, faults: outages(1, 7200), durationSeconds: 7200},
      {zones: SIX, service: {desiredCount: 60}, faults: outages(20, 86_400), durationSeconds: 86_400},
      {zones: SIX, service: {desiredCount: 60}, traffic: {curve: 'daily'}, faults: outages(3, 3 * 86_400), durationSeconds: 3 * 86_400},
      {
        zones: ['a', 'b', 'c'],
        service: {desiredCount: 90},
        faults: [{kind: 'grayFailure', zone: 'b', at: 300, duration: 900, errorShare: 0.5}],
        actions: [{kind: 'alarmZonalShift'}],
        durationSeconds: 3600,
      },
    ];
    for (const model of models) {
      const {changes} = estimateRunCost(validateModel(model));
      expect(simulate(model).segments.length).toBeLessThanOrEqual(changes);
    }
    // Four runs of up to 300 tasks: CPU-bound, so a generous timeout on a shared machine.
  }, 60_000);
});

describe('number bounds', () => {
  it('refuses absurdly large figures that would print as 300-digit counts', () => {
    expect(() => validateModel({zones: ['a'], traffic: {requestsPerSecond: 1e300}})).toThrow(
      'traffic.requestsPerSecond: must be at most 1000000000, got 1e+300',
    );
    expect(() => validateModel({zones: ['a'], service: {capacityPerTask: 1e20}})).toThrow('service.capacityPerTask: must be at most');
  });
});

describe('zone names that are also Object.prototype names', () => {
  it('run with tasks placed per zone', () => {
    const model: Model = {
      zones: ['constructor', 'toString', 'valueOf'],
      service: {tasksPerZone: {constructor: 2, toString: 2}},
      faults: [{kind: 'zoneOutage', zone: 'toString', at: 60, duration: 600}],
      durationSeconds: 1800,
    };
    const resolved = validateModel(model);
    expect(resolved.service.tasksPerZone).toEqual({constructor: 2, toString: 2, valueOf: 0});
    expect(simulate(model).summary.availability).toBeGreaterThan(0);
  });
});
