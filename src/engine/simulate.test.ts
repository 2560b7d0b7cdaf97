import {describe, expect, it} from 'vitest';
import {
  getPreset,
  ModelError,
  PRESET_IDS,
  selectHealthyTargets,
  selectStateAt,
  selectTrafficAt,
  simulate,
  taskCrash,
  toTimeline,
  zoneOutage,
  type SimulationResult,
} from './index';

/** Every number anywhere in a result, for the NaN/Infinity check. */
function allNumbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) for (const v of x) allNumbers(v, out);
  else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) allNumbers(v, out);
  return out;
}

describe('simulate', () => {
  it('gives the same result for the same model and seed, bit for bit', () => {
    for (const id of PRESET_IDS) {
      const a = simulate(getPreset(id).model);
      const b = simulate(getPreset(id).model);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
  });

  it('uses the seed: another seed moves the health-check phase', () => {
    const model = {zones: ['a', 'b'], service: {desiredCount: 2}, faults: [zoneOutage('a', {at: 300, duration: 600})]};
    const marks = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      const r = simulate({...model, seed});
      const ev = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy');
      marks.add(ev!.t);
    }
    expect(marks.size).toBeGreaterThan(1);
  });

  it('never puts NaN or Infinity in a result', () => {
    for (const id of PRESET_IDS) {
      const r = simulate(getPreset(id).model);
      for (const n of allNumbers(r)) expect(Number.isFinite(n)).toBe(true);
    }
    const empty = simulate({zones: ['a'], service: {desiredCount: 0}, traffic: {requestsPerSecond: 0}});
    for (const n of allNumbers(empty)) expect(Number.isFinite(n)).toBe(true);
  });

  it('gives realistic numbers for a model with only zones and tasks', () => {
    const r = simulate({zones: ['a', 'b', 'c'], service: {desiredCount: 3}});
    expect(r.model.loadBalancer.healthCheck).toEqual({
      intervalSeconds: 30,
      timeoutSeconds: 5,
      healthyThreshold: 5,
      unhealthyThreshold: 2,
    });
    expect(r.summary.availability).toBe(1);
    expect(r.segments).toHaveLength(1);
  });

  it('covers the whole run with segments, in order, without gaps', () => {
    const r = simulate(getPreset('rds-multi-az').model);
    expect(r.segments[0]!.from).toBe(0);
    expect(r.segments.at(-1)!.to).toBe(3600);
    for (let i = 1; i < r.segments.length; i++) expect(r.segments[i]!.from).toBe(r.segments[i - 1]!.to);
  });

  it('writes event messages a reader can follow, in time order', () => {
    const r = simulate({
      zones: ['a', 'b'],
      service: {desiredCount: 2},
      seed: 3,
      faults: [zoneOutage('b', {at: 20, duration: 600})],
    });
    const mark = r.events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!;
    expect(mark.message).toBe(`t=${mark.t} s task b-1 marked unhealthy after 2 failed checks at every load balancer node`);
    expect(mark.task).toBe('b-1');
    expect(mark.zone).toBe('b');
    for (let i = 1; i < r.events.length; i++) expect(r.events[i]!.t).toBeGreaterThanOrEqual(r.events[i - 1]!.t);
  });

  it('throws ModelError for a bad model', () => {
    expect(() => simulate({zones: []})).toThrow(ModelError);
  });
});

describe('toTimeline', () => {
  const r: SimulationResult = simulate(getPreset('two-stateless-tasks').model);

  it('expands segments to one point per second with served + failed = offered', () => {
    const tl = toTimeline(r);
    expect(tl).toHaveLength(3600);
    for (const p of tl) expect(p.served + p.failed).toBeCloseTo(p.offered, 9);
    expect(tl[0]!.offered).toBe(100);
  });

  it('downsamples on request and keeps the totals', () => {
    const tl = toTimeline(r, {stepSeconds: 60});
    expect(tl).toHaveLength(60);
    const failed = tl.reduce((a, p) => a + p.failed, 0);
    expect(failed).toBeCloseTo(r.summary.failed, 6);
  });

  it('rejects a step that is not a positive number', () => {
    expect(() => toTimeline(r, {stepSeconds: 0})).toThrow(RangeError);
  });
});

describe('selectors', () => {
  const r = simulate({
    zones: ['a', 'b'],
    service: {desiredCount: 2},
    seed: 1,
    faults: [taskCrash('a-1', {at: 100})],
  });

  it('selectStateAt shows a crashed task as dead and the other as healthy', () => {
    const s = selectStateAt(r, 110);
    expect(s.tasks.find((t) => t.id === 'a-1')!.state).toBe('dead');
    expect(s.tasks.find((t) => t.id === 'b-1')!.state).toBe('healthy');
    expect(s.zones.map((z) => z.status)).toEqual(['up', 'up']);
  });

  it('selectTrafficAt splits one second of traffic over the targets', () => {
    const before = selectTrafficAt(r, 50);
    expect(before.map((x) => x.served)).toEqual([50, 50]);
    const during = selectTrafficAt(r, 110);
    const a1 = during.find((x) => x.id === 'a-1')!;
    expect(a1.served).toBe(0);
    expect(a1.failed).toBe(50);
  });

  it('selectHealthyTargets lists the targets in service', () => {
    expect(selectHealthyTargets(r, 50).map((t) => t.id)).toEqual(['a-1', 'b-1']);
  });
});
