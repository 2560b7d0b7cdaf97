import {describe, expect, it} from 'vitest';
import {getPreset, simulate, type Model} from '@site/src/engine';
import {clientFiguresMatter, lowestGoodput} from './figures';

describe('lowestGoodput', () => {
  it('finds the stretch where goodput fell furthest below what the tasks could serve', () => {
    const result = simulate(getPreset('two-stateless-tasks').model);
    const low = lowestGoodput(result)!;
    const segment = result.segments.find((s) => s.from === low.at)!;
    expect(low.served).toBe(segment.served);
    expect(low.servable).toBe(Math.min(segment.offered, segment.capacity));
    for (const s of result.segments) {
      const servable = Math.min(s.offered, s.capacity);
      if (servable > 0) expect(s.served / servable).toBeGreaterThanOrEqual(low.served / low.servable - 1e-9);
    }
    // The lost zone's dead task takes requests until it is marked: goodput is below what could be served.
    expect(low.served).toBeLessThan(low.servable);
  });

  it('is null when nothing could be served', () => {
    expect(lowestGoodput(simulate({zones: ['a'], traffic: {requestsPerSecond: 0}}))).toBeNull();
  });
});

describe('clientFiguresMatter', () => {
  const plain: Model = {zones: ['a', 'b']};
  it('is false for a model with the default clients and no retries', () => {
    expect(clientFiguresMatter(simulate(plain))).toBe(false);
  });

  it.each<[string, Model]>([
    ['retries', {...plain, clients: {retries: 1}}],
    ['a DNS cache kept for ever', {...plain, clients: {dnsCacheSeconds: 'forever'}}],
    ['load shedding', {...plain, service: {loadShedding: true}}],
    ['a longer service time', {...plain, service: {serviceTimeSeconds: 0.2}}],
    ['a shorter DNS TTL', {...plain, loadBalancer: {dnsTtlSeconds: 30}}],
  ])('is true with %s', (_, model) => {
    expect(clientFiguresMatter(simulate(model))).toBe(true);
  });
});
