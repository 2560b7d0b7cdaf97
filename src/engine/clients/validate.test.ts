import {describe, expect, it} from 'vitest';
import {ModelError, simulate, upgradeModel, validateModel, type Model} from '../index';

function errorOf(model: unknown): ModelError {
  try {
    validateModel(model as Model);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return e as ModelError;
  }
  throw new Error('expected a ModelError');
}

describe('the clients’ fields: validation', () => {
  it('fills in the defaults: ELB’s 60 s TTL, and the estimates for the rest', () => {
    const m = validateModel({zones: ['a', 'b']});
    expect(m.loadBalancer.dnsTtlSeconds).toBe(60);
    expect(m.clients).toEqual({
      dnsCacheSeconds: 0,
      keepAlive: true,
      connectTimeoutSeconds: 5,
      requestTimeoutSeconds: 10,
      retries: 0,
      backoff: null,
      retryBudget: null,
    });
    expect(m.service.serviceTimeSeconds).toBe(0.05);
    expect(m.service.loadShedding).toBe(false);
  });

  it('accepts every field, and "forever" for the cache', () => {
    const m = validateModel({
      zones: ['a'],
      loadBalancer: {dnsTtlSeconds: 30},
      service: {serviceTimeSeconds: 0.2, loadShedding: true},
      clients: {
        dnsCacheSeconds: 'forever',
        keepAlive: false,
        connectTimeoutSeconds: 2,
        requestTimeoutSeconds: 3,
        retries: 3,
        backoff: {baseSeconds: 0.1, capSeconds: 20, jitter: 'full'},
        retryBudget: 0.1,
      },
    });
    expect(m.clients.dnsCacheSeconds).toBe('forever');
    expect(m.clients.backoff).toEqual({baseSeconds: 0.1, capSeconds: 20, jitter: 'full'});
    expect(m.clients.retryBudget).toBe(0.1);
    expect(m.loadBalancer.dnsTtlSeconds).toBe(30);
  });

  it.each([
    [{clients: {requestTimeoutSeconds: -1}}, 'clients.requestTimeoutSeconds', 'must be greater than 0, got -1'],
    [{clients: {connectTimeoutSeconds: Number.NaN}}, 'clients.connectTimeoutSeconds', 'must be a number, got NaN'],
    [{clients: {requestTimeoutSeconds: 0.05}}, 'clients.requestTimeoutSeconds', 'must be longer than service.serviceTimeSeconds'],
    [{clients: {backoff: {baseSeconds: 2, capSeconds: 1, jitter: 'full'}}}, 'clients.backoff.capSeconds', 'must be at least baseSeconds (2), got 1'],
    [{clients: {backoff: {baseSeconds: 1, capSeconds: 2, jitter: 'some'}}}, 'clients.backoff.jitter', 'unknown value "some"'],
    [{clients: {retryBudget: 1.5}}, 'clients.retryBudget', 'must be at most 1, got 1.5'],
    [{clients: {retries: 6}}, 'clients.retries', 'must be at most 5, got 6'],
    [{clients: {retries: 1.5}}, 'clients.retries', 'must be a whole number'],
    [{clients: {dnsCacheSeconds: 'always'}}, 'clients.dnsCacheSeconds', 'a number of seconds or "forever"'],
    [{clients: {dnsCacheSeconds: 7200}}, 'clients.dnsCacheSeconds', '7200 s is past the end of the run (3600 s)'],
    [{loadBalancer: {dnsTtlSeconds: 4000}}, 'loadBalancer.dnsTtlSeconds', '4000 s is past the end of the run (3600 s)'],
    [{loadBalancer: {dnsTtlSeconds: -1}}, 'loadBalancer.dnsTtlSeconds', 'must be at least 0'],
    [{service: {serviceTimeSeconds: 0}}, 'service.serviceTimeSeconds', 'must be greater than 0'],
    [{service: {loadShedding: 'yes'}}, 'service.loadShedding', 'must be true or false'],
    [{clients: {retryCount: 1}}, 'clients.retryCount', 'unknown field'],
    [{traffic: {retries: 1}, clients: {retries: 2}}, 'traffic.retries', 'moved to clients.retries'],
  ])('%j → %s', (extra, field, reason) => {
    const e = errorOf({zones: ['a'], ...extra});
    expect(e.field).toBe(field);
    expect(e.reason).toContain(reason);
  });
});

describe('upgradeModel: traffic.retries moves to clients.retries', () => {
  it('moves the number and says so', () => {
    const old = {zones: ['a', 'b'], traffic: {requestsPerSecond: 50, retries: 2}};
    const {model, notices} = upgradeModel(old);
    expect(model).toEqual({zones: ['a', 'b'], traffic: {requestsPerSecond: 50}, clients: {retries: 2}});
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('clients.retries');
    // The input is not changed.
    expect(old.traffic.retries).toBe(2);
    expect(validateModel(old as Model).clients.retries).toBe(2);
  });

  it('keeps the other client settings', () => {
    const {model} = upgradeModel({zones: ['a'], traffic: {retries: 1}, clients: {requestTimeoutSeconds: 3}});
    expect(model).toEqual({zones: ['a'], traffic: {}, clients: {requestTimeoutSeconds: 3, retries: 1}});
  });

  it('an old model with retries gives the same result as the new spelling', () => {
    const base: Model = {zones: ['a', 'b'], faults: [{kind: 'zoneOutage', zone: 'a', at: 100, duration: 600}]};
    const old = simulate({...base, traffic: {retries: 1}} as Model);
    const now = simulate({...base, clients: {retries: 1}});
    expect(old.summary).toEqual(now.summary);
  });
});
